// The full-speed training budget (www/budget.js) on synthetic frame times, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET, stepBudget, createBudget, PANELS, stepPanels, createPanelPace } from '../www/budget.js';

const F = 1000 / 60;
/** One step from budget `ms` with no late frame remembered. */
const nextBudget = (ms, frame) => stepBudget({ ms, lateAt: Infinity }, frame).ms;
/** Feeds frames: each is [interval, work, render]; returns the budgets after each. */
function run(frames, start = BUDGET.startMs) {
  const out = [];
  let b = start;
  for (const [interval, work, render = 2] of frames) out.push((b = nextBudget(b, { interval, work, render })));
  return out;
}

test('frames on time grow the budget slowly, up to its ceiling', () => {
  const b = run(Array(100).fill([F, 2, 2]));
  assert.ok(b[0] > BUDGET.startMs && b[0] - BUDGET.startMs <= BUDGET.growMs + 1e-9);
  assert.equal(b.at(-1), BUDGET.maxMs);
  for (let i = 1; i < b.length; i++) assert.ok(b[i] >= b[i - 1]);
});

test('late frames shrink it at once, down to the floor and no lower', () => {
  const b = run(Array(30).fill([2 * F, 3, 2]));
  assert.ok(b[0] < BUDGET.startMs * 0.7);
  assert.equal(b.at(-1), BUDGET.minMs);
});

/**
 * A model machine: the page's drawing takes `work` ms a frame and the browser's work after it
 * `render` ms (each varying by ±`noise` ms from frame to frame); a frame is late once the total
 * passes one frame. Returns the share of late frames after the first 100, and the last budget.
 */
function machine(work, render, noise = 0) {
  let s = { ms: BUDGET.startMs, lateAt: Infinity };
  let seed = 1;
  const jitter = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2 * noise;
  const intervals = [];
  let measured = -1;
  for (let i = 0; i < 600; i++) {
    const [w, r] = [work + jitter(), render + jitter()];
    const interval = w + r + s.ms > F ? 2 * F : F;
    intervals.push(interval);
    // The browser's work is measured after the frame: the next step sees it.
    s = stepBudget(s, { interval, work: w, render: measured });
    measured = r;
  }
  return { late: intervals.slice(100).filter((t) => t > F).length / 500, ms: s.ms };
}

test('a slow machine settles where its frames are on time, training less', () => {
  // Drawing 5 ms and the browser's work 8 ms leave about 0.8 of a frame minus 13 ms to train.
  // Fewer than one frame in twenty late keeps the 95th percentile of the intervals at one frame.
  const slow = machine(5, 8, 0.5);
  assert.ok(slow.late < 0.05, `${(slow.late * 100).toFixed(1)}% late`);
  assert.ok(slow.ms >= BUDGET.minMs && slow.ms < 1, `settled at ${slow.ms}`);
  // A fast machine trains for the whole budget.
  const fast = machine(1, 2, 0.5);
  assert.equal(fast.late, 0);
  assert.equal(fast.ms, BUDGET.maxMs);
});

test('the frame\'s other work and the browser\'s cap the budget to the room left', () => {
  assert.equal(nextBudget(6, { interval: F, work: 7, render: 3 }), F * BUDGET.share - 7 - 3);
  assert.equal(nextBudget(6, { interval: F, work: 50, render: 3 }), BUDGET.minMs);
  // Until the browser's work has been measured, it is assumed.
  assert.equal(nextBudget(6, { interval: F, work: 5, render: -1 }), F * BUDGET.share - 5 - BUDGET.renderMs);
});

test('a pause or a bad interval leaves the budget as it was', () => {
  assert.equal(nextBudget(3, { interval: 2000, work: 1 }), 3);
  assert.equal(nextBudget(3, { interval: 0, work: 1 }), 3);
  assert.equal(nextBudget(3, { interval: NaN, work: 1 }), 3);
});

test('createBudget measures intervals between observed frames only', () => {
  const budget = createBudget();
  budget.observe(0, 1, 2);
  assert.equal(budget.ms, BUDGET.startMs, 'the first frame has no interval');
  budget.observe(2 * F, 1, 2);
  assert.ok(budget.ms < BUDGET.startMs);
  const after = budget.ms;
  budget.pause();
  budget.observe(10000, 1, 2); // after a pause: a fresh start, not a 10 s frame
  assert.equal(budget.ms, after);
  budget.observe(10000 + F, 1, 2);
  assert.ok(budget.ms > after);
  assert.equal(budget.floor, false);
  // Late frame after late frame: down to the floor, which the charts' pace asks about.
  for (let i = 2; i < 30; i++) budget.observe(10000 + F + i * 2 * F, 1, 2);
  assert.equal(budget.ms, BUDGET.minMs);
  assert.equal(budget.floor, true);
});

test('charts take turns in full-speed training only where drawing fills most of a frame, and without flicker', () => {
  /** Feeds frames of [work, render, floor = true]; returns the limit after each. */
  const pace = (frames) => {
    const p = createPanelPace();
    return frames.map(([work, render, floor = true]) => (p.observe(work, render, floor), p.limit));
  };
  // A machine that draws in 3 ms a frame draws every chart.
  assert.ok(pace(Array(200).fill([2, 1])).every((n) => n === PANELS.all));
  // Costly frames while training still has room (a fast machine's first frames, the axes growing
  // often): every chart, until the training budget is down to its floor.
  const roomy = pace([...Array(30).fill([8, 4, false]), ...Array(5).fill([8, 4, true])]);
  assert.ok(roomy.slice(0, 30).every((n) => n === PANELS.all));
  assert.equal(roomy.at(-1), PANELS.few);
  // One where it takes 12 ms: turns, once the average has seen it, and they stay when the turns
  // bring the cost down to 7 ms.
  const slow = pace([...Array(30).fill([8, 4]), ...Array(100).fill([5, 2, false])]);
  assert.equal(slow[0], PANELS.all);
  assert.equal(slow.at(29), PANELS.few);
  assert.ok(slow.slice(29).every((n) => n === PANELS.few), 'no flicker between 4 and 9 ms, the budget grown again');
  // Cheap frames again (a smaller window): every chart.
  assert.equal(pace([...Array(30).fill([8, 4]), ...Array(30).fill([1, 1])]).at(-1), PANELS.all);
  // A pause forgets it; a frame's missing measure does not count as free.
  const p = createPanelPace();
  for (let i = 0; i < 30; i++) p.observe(8, 4, true);
  p.pause();
  assert.equal(p.limit, PANELS.all);
  assert.deepEqual(stepPanels({ avg: 10, few: true }, { work: NaN, render: 1 }), { avg: 10, few: true });
  assert.ok(stepPanels({ avg: 0, few: false }, { work: 20, render: 1, floor: true }).few === false, 'one costly frame alone');
});
