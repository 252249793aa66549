// The full-speed training budget (www/budget.js) on synthetic frame times, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET, stepBudget, createBudget } from '../www/budget.js';

const F = 1000 / 60;
/** One step from budget `ms` with no late frame remembered. */
const nextBudget = (ms, frame) => stepBudget({ ms, lateAt: Infinity }, frame).ms;
/** Feeds frames: each is [interval, work]; returns the budgets after each. */
function run(frames, start = BUDGET.startMs) {
  const out = [];
  let b = start;
  for (const [interval, work] of frames) out.push((b = nextBudget(b, { interval, work })));
  return out;
}

test('frames on time grow the budget slowly, up to its ceiling', () => {
  const b = run(Array(100).fill([F, 2]));
  assert.ok(b[0] > BUDGET.startMs && b[0] - BUDGET.startMs <= BUDGET.growMs + 1e-9);
  assert.equal(b.at(-1), BUDGET.maxMs);
  for (let i = 1; i < b.length; i++) assert.ok(b[i] >= b[i - 1]);
});

test('late frames shrink it at once, down to the floor and no lower', () => {
  const b = run(Array(30).fill([2 * F, 3]));
  assert.ok(b[0] < BUDGET.startMs * 0.7);
  assert.equal(b.at(-1), BUDGET.minMs);
});

test('a slow machine settles where its frames are on time', () => {
  // A model machine: the page's drawing takes 5 ms and the browser's own work, unseen by the page,
  // 8 ms; a frame is late once the total passes one frame. The budget should end up near the
  // ~3.7 ms left, and most frames on time.
  // Fewer than one frame in twenty late keeps the 95th percentile of the intervals at one frame.
  let s = { ms: BUDGET.startMs, lateAt: Infinity };
  const intervals = [];
  for (let i = 0; i < 600; i++) {
    const work = 5;
    const interval = work + 8 + s.ms > F ? 2 * F : F;
    intervals.push(interval);
    s = stepBudget(s, { interval, work });
  }
  const late = intervals.slice(100).filter((t) => t > F).length;
  assert.ok(late / 500 < 0.05, `${late} late frames of 500`);
  assert.ok(s.ms > 1.5 && s.ms < F - 13 + 0.5, `settled at ${s.ms}`);
});

test('the frame\'s other work caps the budget to the room left', () => {
  assert.equal(nextBudget(6, { interval: F, work: 7 }), F * BUDGET.share - 7);
  assert.equal(nextBudget(6, { interval: F, work: 50 }), BUDGET.minMs);
});

test('a pause or a bad interval leaves the budget as it was', () => {
  assert.equal(nextBudget(3, { interval: 2000, work: 1 }), 3);
  assert.equal(nextBudget(3, { interval: 0, work: 1 }), 3);
  assert.equal(nextBudget(3, { interval: NaN, work: 1 }), 3);
});

test('createBudget measures intervals between observed frames only', () => {
  const budget = createBudget();
  budget.observe(0, 1);
  assert.equal(budget.ms, BUDGET.startMs, 'the first frame has no interval');
  budget.observe(2 * F, 1);
  assert.ok(budget.ms < BUDGET.startMs);
  const after = budget.ms;
  budget.pause();
  budget.observe(10000, 1); // after a pause: a fresh start, not a 10 s frame
  assert.equal(budget.ms, after);
  budget.observe(10000 + F, 1);
  assert.ok(budget.ms > after);
});
