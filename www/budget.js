// How long full-speed training may run in one frame. A fixed budget suits one machine: on a slow one
// drawing and the browser's own work already fill the frame, and training on top makes it late.
// The budget follows the frames instead: a late frame (its interval over 1.25 frames) cuts it by a
// third, a frame on time grows it back a little; it never drops below a floor, so training always
// moves, nor leaves more than the frame's room after the frame's other work. Near the budget that
// last made a frame late it grows ten times slower (and that mark fades as slowly), so a machine
// whose limit it has found drops a frame every few seconds rather than every few tenths.

export const BUDGET = {
  frameMs: 1000 / 60,
  startMs: 4,
  // A floor high enough that a loaded machine still trains at a useful pace.
  minMs: 1.5,
  maxMs: 6,
  shrink: 2 / 3,
  growMs: 0.1,
  // Within this share of the budget that last made a frame late, growth is a tenth of growMs.
  near: 0.9,
  // Of a frame, this share is for the page's script (training and drawing); the rest is the browser's.
  share: 0.6,
  // An interval this long is a pause (hidden tab, a dialog), not a slow frame.
  pauseMs: 500,
};

/**
 * One frame's step of the budget `{ ms, lateAt }` (lateAt: the budget of the last late frame, or
 * Infinity): `interval` between this frame and the one before, `work` the ms its callback spent on
 * everything but training.
 */
export function stepBudget({ ms, lateAt }, { interval, work }, o = BUDGET) {
  if (!(interval > 0) || interval > o.pauseMs) return { ms, lateAt };
  const late = interval > o.frameMs * 1.25;
  const grow = ms + o.growMs < lateAt * o.near ? o.growMs : o.growMs / 10;
  const next = late ? ms * o.shrink : ms + grow;
  const room = o.frameMs * o.share - (work > 0 ? work : 0);
  return { ms: Math.max(o.minMs, Math.min(next, o.maxMs, room)), lateAt: late ? ms : lateAt + o.growMs / 10 };
}

/** The budget as the frame loop keeps it: `observe` each full-speed frame, `pause` in between. */
export function createBudget(o = BUDGET) {
  let state = { ms: o.startMs, lateAt: Infinity };
  let last = null;
  return {
    get ms() { return state.ms; },
    observe(time, work) {
      if (last !== null) state = stepBudget(state, { interval: time - last, work }, o);
      last = time;
    },
    pause() { last = null; },
  };
}
