// Each panel's layers: its axes on a canvas sized to device pixels (crisp at any devicePixelRatio
// and zoom) and its data in an SVG over them, drawn in the same device pixels. Re-laid out when a
// panel changes size (ResizeObserver) or the window moves to a screen with another pixel ratio.
// The core paints both (axesimage.js shows the axes as a still image once they rest).

export function setupPanels(root, lab, onLayout) {
  const figures = [...root.querySelectorAll('.panel')].filter((f) => f.querySelector('.layers'));
  const panels = figures.map((figure) => {
    const layers = figure.querySelector('.layers');
    const axes = layers.querySelector('canvas.axes');
    const data = layers.querySelector('svg.data');
    lab.attach(figure.dataset.panel, axes, data);
    return { key: figure.dataset.panel, figure, layers, data, axes };
  });

  let dpr = window.devicePixelRatio || 1;
  // Until the observer below first reports (after the first frame), a panel is in view by its box:
  // the first frame paints only the panels on screen.
  let observed = false;

  function layout() {
    dpr = window.devicePixelRatio || 1;
    let changed = false;
    for (const p of panels) {
      const rect = p.layers.getBoundingClientRect();
      if (!observed) lab.set_in_view(p.key, rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth);
      const w = Math.max(1, Math.round(rect.width * dpr));
      const h = Math.max(1, Math.round(rect.height * dpr));
      if (p.axes.width !== w || p.axes.height !== h) {
        // Setting the size clears the canvas: everything must be painted again.
        p.axes.width = w;
        p.axes.height = h;
        changed = true;
      }
    }
    if (changed) lab.invalidate();
    onLayout(dpr);
  }

  const observer = new ResizeObserver(layout);
  for (const p of panels) observer.observe(p.layers);

  // Panels out of view are not painted while they are away; one coming back is painted at once.
  const seen = new IntersectionObserver((entries) => {
    observed = true;
    let back = false;
    for (const e of entries) {
      const p = panels.find((q) => q.layers === e.target);
      lab.set_in_view(p.key, e.isIntersecting);
      back ||= e.isIntersecting;
    }
    if (back) onLayout(dpr);
  });
  for (const p of panels) seen.observe(p.layers);

  // A change of devicePixelRatio (browser zoom, another screen) does not always resize the box.
  function watchRatio() {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener('change', () => { layout(); watchRatio(); }, { once: true });
  }
  watchRatio();

  return {
    layout,
    get dpr() { return dpr; },
    panels,
  };
}
