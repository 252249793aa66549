// Canvas layers sized to device pixels: crisp at any devicePixelRatio and zoom. Re-laid out when a
// panel changes size (ResizeObserver) or the window moves to a screen with another pixel ratio.
// Each panel paints one canvas; its static layers (axes; z→a's curve) are hidden canvases, because
// the browser copies every on-screen canvas on every frame. The core sizes and places the painted one
// (the whole panel, or the data's window of it over an image of the axes: axesimage.js).

export function setupPanels(root, lab, onLayout) {
  const figures = [...root.querySelectorAll('.panel')].filter((f) => f.querySelector('.layers'));
  const panels = figures.map((figure) => {
    const layers = figure.querySelector('.layers');
    const data = layers.querySelector('canvas.data');
    const axes = document.createElement('canvas');
    const ink = figure.dataset.panel === 'za' ? document.createElement('canvas') : undefined;
    const canvases = [axes, ...(ink ? [ink] : [])];
    // In the panel though never shown: text on a canvas outside the document is set differently
    // (by a fraction of a pixel), and the core paints the same axes on both.
    for (const c of canvases) {
      c.hidden = true;
      c.setAttribute('aria-hidden', 'true');
      layers.append(c);
    }
    lab.attach(figure.dataset.panel, data, axes, ink);
    return { key: figure.dataset.panel, figure, layers, canvases, data, axes, ink };
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
      for (const c of p.canvases) {
        if (c.width !== w || c.height !== h) {
          // Setting the size clears the canvas: everything on it must be painted again.
          c.width = w;
          c.height = h;
          changed = true;
        }
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
