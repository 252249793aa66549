// A panel's picture as one canvas: its axes with the shapes of its data's SVG painted over them,
// read from the page's own elements. For tests and the benchmark, which compare pixels.

const BASELINE = { 'text-before-edge': 'top', central: 'middle', 'text-after-edge': 'bottom' };
const ALIGN = { start: 'left', middle: 'center', end: 'right' };

/** Paints the SVG's children (or the last `only` of them) onto `g`, in the SVG's own units. */
function paintShapes(g, svg, only) {
  const kids = [...svg.children];
  for (const el of only ? kids.slice(-only) : kids) {
    const fill = el.getAttribute('fill');
    const stroke = el.getAttribute('stroke');
    if (el.tagName === 'path') {
      const path = new Path2D(el.getAttribute('d') ?? '');
      if (fill && fill !== 'none') {
        g.fillStyle = fill;
        g.fill(path);
      }
      if (stroke && stroke !== 'none') {
        g.strokeStyle = stroke;
        g.lineWidth = Number(el.getAttribute('stroke-width'));
        g.lineCap = el.getAttribute('stroke-linecap') ?? 'butt';
        g.stroke(path);
      }
    } else if (el.tagName === 'text') {
      g.fillStyle = fill;
      g.font = `${el.getAttribute('font-weight')} ${el.getAttribute('font-size')}px ${el.getAttribute('font-family')}`;
      g.textAlign = ALIGN[el.getAttribute('text-anchor')];
      g.textBaseline = BASELINE[el.getAttribute('dominant-baseline')];
      const [x, y] = [Number(el.getAttribute('x')), Number(el.getAttribute('y'))];
      const turn = Number(/rotate\(([-\d.]+)/.exec(el.getAttribute('transform') ?? '')?.[1] ?? 0);
      g.save();
      g.translate(x, y);
      g.rotate((turn * Math.PI) / 180);
      g.fillText(el.textContent, 0, 0);
      g.restore();
    }
  }
}

/**
 * `layer`: 'data', the panel as shown (axes and data); 'axes', its axes canvas; 'shapes', the data
 * alone on a transparent canvas; 'ink', z → a's sigmoid alone (the data's last shape, drawn over
 * everything else).
 */
export function panelPicture(panel, layer) {
  if (!panel) return undefined;
  if (layer === 'axes') return panel.axes;
  const c = document.createElement('canvas');
  c.width = panel.axes.width;
  c.height = panel.axes.height;
  const g = c.getContext('2d');
  if (layer === 'data') g.drawImage(panel.axes, 0, 0);
  // The SVG's units are finer than the canvas's pixels (its viewBox says by how much).
  const [, , w, h] = (panel.data.getAttribute('viewBox') ?? '').split(' ').map(Number);
  if (w > 0 && h > 0) g.scale(c.width / w, c.height / h);
  paintShapes(g, panel.data, layer === 'ink' ? 1 : 0);
  return c;
}
