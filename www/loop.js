// One requestAnimationFrame for the whole page: any number of requests within a frame (slider
// input events, training, resizes) become one call of `frame`, which returns true to keep going.
// It also measures how long the browser worked on each frame after the call (style, layout, paint,
// the commit, and any input in between): a message posted at the call's end runs once that is done.

export function createLoop(frame) {
  let pending = false;
  const stats = { frames: 0, renderMs: -1 };
  const after = new MessageChannel();
  let callbackEnd = 0;
  after.port1.onmessage = () => { stats.renderMs = performance.now() - callbackEnd; };
  function tick(time) {
    pending = false;
    stats.frames += 1;
    const go = frame(time);
    callbackEnd = performance.now();
    after.port2.postMessage(0);
    if (go) request();
  }
  function request() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(tick);
    }
  }
  return { request, stats };
}
