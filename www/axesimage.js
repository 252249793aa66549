// Each panel's axes as a still image under its canvas. The browser hands every on-page 2D canvas to
// the compositor on every frame, changed or not, at a cost that grows with its pixels, while a
// canvas showing an ImageBitmap ('bitmaprenderer') costs nothing once shown (measured at 4× CPU
// throttle; an <img> does as well, but needs a PNG encoded first). Over the image the core paints
// only the data, on a canvas no larger than the plot. Until a panel's image is ready, and from the
// frame its axes change, the core paints the axes onto a whole-panel canvas itself.

// Axes that keep changing (the cost chart's epochs while training) get an image once they rest.
const SETTLE_MS = 100;

/** panels: panels.js's; `afterRender(lab.render())` after every render; `request` asks for a frame. */
export function setupAxesImages(panels, lab, request) {
  const entries = panels.map((p) => {
    const under = document.createElement('canvas');
    under.className = 'axes';
    under.setAttribute('aria-hidden', 'true');
    under.hidden = true;
    p.layers.insertBefore(under, p.data);
    return { p, under, version: 0, bitmap: null, show: false, timer: 0, busy: false };
  });
  let waiters = [];
  const settled = () => entries.every((e) => !e.timer && !e.busy && !e.show);
  const tellWaiters = () => {
    if (!settled()) return;
    for (const r of waiters) r();
    waiters = [];
  };

  async function makeImage(e, version) {
    e.timer = 0;
    e.busy = true;
    try {
      lab.paint_axes_layer(e.p.key);
      const bitmap = await createImageBitmap(e.p.axes).catch(() => null);
      if (!bitmap || version !== e.version || !lab.set_axes_below(e.p.key)) {
        bitmap?.close();
        return;
      }
      e.bitmap?.close();
      e.bitmap = bitmap;
      // Shown in the frame whose render leaves the axes off the canvas.
      e.show = true;
      request();
    } finally {
      e.busy = false;
      tellWaiters();
    }
  }

  return {
    /** `painted`: how many panels the render painted (none: no axes can have changed). */
    afterRender(painted) {
      for (const e of entries) {
        if (painted > 0 && lab.take_fresh_axes(e.p.key)) {
          // The canvas holds the new axes from this frame on; the old image must not show through.
          e.version += 1;
          e.show = false;
          e.under.hidden = true;
          e.bitmap?.close();
          e.bitmap = null;
          clearTimeout(e.timer);
          e.timer = setTimeout(makeImage, SETTLE_MS, e, e.version);
        } else if (e.show) {
          e.show = false;
          // Sized first: the bitmap is then shown pixel for pixel.
          if (e.under.width !== e.bitmap.width) e.under.width = e.bitmap.width;
          if (e.under.height !== e.bitmap.height) e.under.height = e.bitmap.height;
          e.under.getContext('bitmaprenderer').transferFromImageBitmap(e.bitmap);
          e.bitmap = null;
          e.under.hidden = false;
        }
      }
      tellWaiters();
    },
    /** Resolves once every panel whose axes rest shows them as an image. */
    settled: () => new Promise((r) => {
      waiters.push(r);
      tellWaiters();
    }),
    /** What the panel shows, as one canvas: its image of the axes (if shown) under its canvas. */
    shown(key) {
      const e = entries.find((x) => x.p.key === key);
      if (!e) return undefined;
      const { axes, data, layers } = e.p;
      if (e.under.hidden) return data;
      const c = document.createElement('canvas');
      c.width = axes.width;
      c.height = axes.height;
      const g = c.getContext('2d');
      g.drawImage(axes, 0, 0);
      // The canvas is the data's window of the panel: put it where it sits on the page.
      const [box, win] = [layers.getBoundingClientRect(), data.getBoundingClientRect()];
      const ratio = axes.width / box.width;
      g.drawImage(data, Math.round((win.left - box.left) * ratio), Math.round((win.top - box.top) * ratio));
      return c;
    },
  };
}
