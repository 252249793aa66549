// Each panel's axes as a still image. The browser hands every on-page 2D canvas to the compositor
// on every frame, changed or not, at a cost that grows with its pixels, while a canvas showing an
// ImageBitmap ('bitmaprenderer') costs nothing once shown (measured at 4× CPU throttle; an <img>
// does as well, but needs a PNG encoded first). So the axes canvas shows only in the frames its
// axes change, and once they rest the image takes its place.

// Axes that keep changing (the cost chart's epochs while training) get an image once they rest.
const SETTLE_MS = 100;

/** panels: panels.js's; `afterRender(lab.render())` after every render; `request` asks for a frame. */
export function setupAxesImages(panels, lab, request) {
  const entries = panels.map((p) => {
    const image = document.createElement('canvas');
    image.className = 'axes-image';
    image.setAttribute('aria-hidden', 'true');
    image.hidden = true;
    p.layers.insertBefore(image, p.data);
    return { p, image, version: 0, bitmap: null, show: false, timer: 0, busy: false };
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
      const bitmap = await createImageBitmap(e.p.axes).catch(() => null);
      if (!bitmap || version !== e.version) {
        bitmap?.close();
        return;
      }
      e.bitmap?.close();
      e.bitmap = bitmap;
      // Shown in the next frame, in place of the canvas.
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
          // The canvas holds the new axes from this frame on; the old image must not show.
          e.version += 1;
          e.show = false;
          e.image.hidden = true;
          e.p.axes.hidden = false;
          e.bitmap?.close();
          e.bitmap = null;
          clearTimeout(e.timer);
          e.timer = setTimeout(makeImage, SETTLE_MS, e, e.version);
        } else if (e.show) {
          e.show = false;
          // Sized first: the bitmap is then shown pixel for pixel.
          if (e.image.width !== e.bitmap.width) e.image.width = e.bitmap.width;
          if (e.image.height !== e.bitmap.height) e.image.height = e.bitmap.height;
          e.image.getContext('bitmaprenderer').transferFromImageBitmap(e.bitmap);
          e.bitmap = null;
          e.image.hidden = false;
          e.p.axes.hidden = true;
        }
      }
      tellWaiters();
    },
    /** Resolves once every panel whose axes rest shows them as an image. */
    settled: () => new Promise((r) => {
      waiters.push(r);
      tellWaiters();
    }),
    /** Whether panel `key` shows its axes as an image (rather than the canvas). */
    imaged(key) {
      const e = entries.find((x) => x.p.key === key);
      return Boolean(e && !e.image.hidden);
    },
  };
}
