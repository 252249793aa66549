// The benchmark's trace split (scripts/smooth.mjs) on synthetic trace events: each kind gets its
// own time, nested events are not counted twice, and only the marked window counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTrace } from '../scripts/smooth.mjs';

const ev = (name, ts, dur, tid = 1) => ({ name, ts: ts * 1000, dur: dur * 1000, ph: 'X', pid: 7, tid });
const mark = (name, ts) => ({ name, ts: ts * 1000, ph: 'R', pid: 7, tid: 1 });

test('time inside the marks is split by the innermost kind', () => {
  const events = [
    ev('FunctionCall', 0, 50), // before the window: only its last 10 ms count
    mark('bench:start', 40),
    ev('ThreadControllerImpl::RunTask', 60, 20),
    ev('FireAnimationFrame', 60, 10),
    ev('FunctionCall', 61, 8),
    ev('Layout', 63, 2), // a forced layout inside script
    ev('UpdateLayoutTree', 70, 3),
    ev('Paint', 74, 2),
    ev('Commit', 76, 4),
    ev('RasterTask', 76, 5, 2), // another thread
    ev('Layout', 90, 5, 3), // another thread, not ours
    mark('bench:end', 100),
    ev('Paint', 120, 5), // after the window
  ];
  const s = splitTrace(events);
  assert.equal(s.window_ms, 60);
  assert.equal(s.script, 10 + 10 - 2);
  assert.equal(s.layout, 2 + 3);
  assert.equal(s.paint, 2);
  assert.equal(s.commit, 4);
  assert.equal(s.busy, 20);
  assert.equal(s.raster_off_main, 5);
});

test('a trace without the marks is refused', () => {
  assert.throws(() => splitTrace([ev('Paint', 0, 1)]), /bench:start/);
});
