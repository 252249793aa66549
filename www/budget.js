// How long full-speed training may run in one frame. A fixed budget suits one machine: on a slow one
// drawing and the browser's own work already fill the frame, and training on top makes it late.
// The budget follows the frames instead: a late frame (its interval over 1.25 frames) cuts it by a
// third, a frame on time grows it back a little; it never drops below a floor, so training always
// moves, nor leaves more than the frame's room after the frame's other work.

export const BUDGET = {
  frameMs: 1000 / 60,
  startMs: 4,
  // A floor high enough that a loaded machine still trains at a useful pace.
  minMs: 1.5,
  maxMs: 6,
  shrink: 2 / 3,
  growMs: 0.1,
  // Of a frame, this share is for the page's script (training and drawing); the rest is the browser's.
  share: 0.6,
  // An interval this long is a pause (hidden tab, a dialog), not a slow frame.
  pauseMs: 500,
};

/**
 * The next budget in ms, from the current one and one frame: `interval` between it and the frame
 * before, `work` the ms its callback spent on everything but training.
 */
export function nextBudget(budget, { interval, work }, o = BUDGET) {
  if (!(interval > 0) || interval > o.pauseMs) return budget;
  const late = interval > o.frameMs * 1.25;
  const next = late ? budget * o.shrink : budget + o.growMs;
  const room = o.frameMs * o.share - (work > 0 ? work : 0);
  return Math.max(o.minMs, Math.min(next, o.maxMs, room));
}

/** The budget as the frame loop keeps it: `observe` each full-speed frame, `pause` in between. */
export function createBudget(o = BUDGET) {
  let ms = o.startMs;
  let last = null;
  return {
    get ms() { return ms; },
    observe(time, work) {
      if (last !== null) ms = nextBudget(ms, { interval: time - last, work }, o);
      last = time;
    },
    pause() { last = null; },
  };
}
