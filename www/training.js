// How much one frame trains. A speed below the top trains that many epochs a frame; the top speed
// trains for a time budget instead, so fast machines train faster and slow ones keep their frame
// rate (budget.js shrinks the budget when frames come late). Reduced motion takes big steps, so
// the curves jump to the result instead of sweeping. On a machine too slow to draw every chart in
// every full-speed frame, the charts take turns (budget.js's panel pace).

import { createBudget, createPanelPace } from './budget.js';

/** host: { lab, target() → the epoch to stop at, speed(), topSpeed, reducedMotion() }. */
export function createTraining(host) {
  const { lab } = host;
  const budget = createBudget();
  const pace = createPanelPace();
  const left = () => (lab.epoch() < host.target() ? host.target() - lab.epoch() : Infinity);

  /** Trains this frame's share; returns the ms it took at full speed (0 otherwise). */
  function train() {
    if (host.speed() >= host.topSpeed) {
      const start = performance.now();
      let spent = 0;
      do {
        if (lab.train_epochs(Math.max(1, Math.min(20, left()))) === 0) break;
        spent = performance.now() - start;
        // Stops on the target epoch (past it, after "go on", it trains for the budget).
      } while (lab.epoch() !== host.target() && spent < budget.ms);
      return spent;
    }
    const k = host.reducedMotion() ? Math.max(host.speed(), 50) : host.speed();
    lab.train_epochs(Math.max(1, Math.min(k, left())));
    return 0;
  }

  return {
    train,
    /** How many charts this frame may repaint (all but in full-speed training on a slow machine). */
    panels: () => pace.limit,
    /**
     * After each frame: at full speed the budget and the charts' pace learn from the frame's
     * timing (`work`, the callback's ms besides training; `render`, the browser's ms after the last
     * callback).
     */
    observe(time, trained, work, render) {
      if (trained > 0 && time !== undefined) {
        budget.observe(time, work, render);
        pace.observe(work, render, budget.floor);
      } else {
        budget.pause();
        pace.pause();
      }
    },
  };
}
