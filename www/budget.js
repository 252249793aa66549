// How long full-speed training may run in one frame. A fixed budget suits one machine: on a slow one
// drawing and the browser's own work already fill the frame, and training on top makes it late.
// The budget follows the frames instead. The frame loop measures what the last frame cost besides
// training: the page's other script, and the browser's work after it (style, layout, paint, the
// commit). Training gets what is left of most of a frame, so a slow machine trains fewer epochs a
// frame rather than dropping frames. A late frame (its interval over 1.25 frames) also cuts the
// budget by a third, a frame on time grows it back a little, near the budget that last made a frame
// late ten times slower (and that mark fades as slowly); it never drops below a floor, so training
// always moves.

export const BUDGET = {
  frameMs: 1000 / 60,
  startMs: 4,
  // A floor at which a loaded machine still trains at a useful pace (at 4× CPU throttle, about 50
  // epochs of 100 beans a frame).
  minMs: 0.5,
  maxMs: 6,
  shrink: 2 / 3,
  growMs: 0.1,
  // Within this share of the budget that last made a frame late, growth is a tenth of growMs.
  near: 0.9,
  // Of a frame, this share may be the main thread's: the page's script and the browser's work
  // after it. The rest is margin for input and the machine's noise.
  share: 0.8,
  // The browser's work after the page's script, assumed until the first frame has been measured.
  renderMs: 4,
  // An interval this long is a pause (hidden tab, a dialog), not a slow frame.
  pauseMs: 500,
};

/**
 * One frame's step of the budget `{ ms, lateAt }` (lateAt: the budget of the last late frame, or
 * Infinity): `interval` between this frame and the one before, `work` the ms its callback spent on
 * everything but training, `render` the ms the browser worked after the last callback.
 */
export function stepBudget({ ms, lateAt }, { interval, work, render }, o = BUDGET) {
  if (!(interval > 0) || interval > o.pauseMs) return { ms, lateAt };
  const late = interval > o.frameMs * 1.25;
  const grow = ms + o.growMs < lateAt * o.near ? o.growMs : o.growMs / 10;
  const next = late ? ms * o.shrink : ms + grow;
  const browser = render >= 0 ? render : o.renderMs;
  const room = o.frameMs * o.share - (work > 0 ? work : 0) - browser;
  return { ms: Math.max(o.minMs, Math.min(next, o.maxMs, room)), lateAt: late ? ms : lateAt + o.growMs / 10 };
}

/** The budget as the frame loop keeps it: `observe` each full-speed frame, `pause` in between. */
export function createBudget(o = BUDGET) {
  let state = { ms: o.startMs, lateAt: Infinity };
  let last = null;
  return {
    get ms() { return state.ms; },
    /** Whether the budget is down to its floor: the frame has no more room to give training. */
    get floor() { return state.ms <= o.minMs; },
    observe(time, work, render) {
      if (last !== null) state = stepBudget(state, { interval: time - last, work, render }, o);
      last = time;
    },
    pause() { last = null; },
  };
}

// How many charts a full-speed training frame repaints. Where the charts' drawing and the browser's
// work after it fill most of a frame by themselves (a slow machine: the training budget above is
// then at its floor and frames still come late), the charts take turns, `few` a frame, each still
// moving at least every other frame. The frame's cost besides training is followed as a moving
// average; turns start above `onMs` with the training budget at its floor, and end below `offMs`
// (apart, so the choice does not flicker; the budget grows again once turns free the room).
export const PANELS = {
  // Every chart (the most the core's count takes: JavaScript's Infinity would become 0 there).
  all: 2 ** 32 - 1,
  few: 3,
  onMs: 9,
  offMs: 4,
  // The moving average's weight for the newest frame.
  weight: 0.2,
};

/**
 * One full-speed frame's step of `{ avg, few }` (few: whether the charts take turns), from the ms the
 * frame spent besides training (`work`, the callback's, and `render`, the browser's after it) and
 * whether the training budget is at its floor (`floor`).
 */
export function stepPanels({ avg, few }, { work, render, floor }, o = PANELS) {
  const cost = Math.max(0, work) + Math.max(0, render);
  if (!Number.isFinite(cost)) return { avg, few };
  const next = avg + o.weight * (cost - avg);
  return { avg: next, few: few ? next >= o.offMs : next > o.onMs && floor };
}

/** The pace as the frame loop keeps it: `observe` each full-speed frame, `pause` in between. */
export function createPanelPace(o = PANELS) {
  // From nothing: one costly frame alone (the first, say) does not start the turns.
  let state = { avg: 0, few: false };
  return {
    /** Charts this frame may repaint. */
    get limit() { return state.few ? o.few : o.all; },
    observe(work, render, floor) { state = stepPanels(state, { work, render: render >= 0 ? render : 0, floor }, o); },
    pause() { state = { avg: 0, few: false }; },
  };
}
