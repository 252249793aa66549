// One requestAnimationFrame for the whole page: any number of requests within a frame (slider
// input events, training, resizes) become one call of `frame`, which returns true to keep going.

export function createLoop(frame) {
  let pending = false;
  const stats = { frames: 0 };
  function tick(time) {
    pending = false;
    stats.frames += 1;
    if (frame(time)) request();
  }
  function request() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(tick);
    }
  }
  return { request, stats };
}
