// What a frame writes and reads (no timings): an input event writes nothing to the readouts or the
// chain table until the frame; a frame rewrites only the numbers that changed, and none when nothing
// did; while values move, the numbers change at a readable pace; and no frame reads layout
// (getBoundingClientRect, offset*, client*, getComputedStyle…), so a frame's writes are laid out
// once, by the browser, after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, frames, readout, framesWhilePlaying } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Before the page's scripts: layout reads made inside an animation frame callback are recorded. */
function instrumentReads() {
  const raf = window.requestAnimationFrame.bind(window);
  const probe = { inFrame: false, reads: [] };
  window.__frameProbe = probe;
  window.requestAnimationFrame = (cb) => raf((time) => {
    probe.inFrame = true;
    try {
      return cb(time);
    } finally {
      probe.inFrame = false;
    }
  });
  const note = (name) => {
    if (probe.inFrame) probe.reads.push(`${name}\n${new Error().stack.split('\n').slice(2, 5).join('\n')}`);
  };
  for (const name of ['getBoundingClientRect', 'getClientRects']) {
    const f = Element.prototype[name];
    Element.prototype[name] = function (...args) { note(name); return f.apply(this, args); };
  }
  const props = [[HTMLElement.prototype, ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft', 'innerText']],
    [Element.prototype, ['clientWidth', 'clientHeight', 'scrollWidth', 'scrollHeight', 'scrollTop']]];
  for (const [proto, names] of props) {
    for (const name of names) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      Object.defineProperty(proto, name, { ...d, get() { note(name); return d.get.call(this); } });
    }
  }
  const style = window.getComputedStyle;
  window.getComputedStyle = (...args) => { note('getComputedStyle'); return style(...args); };
}

/** Counts mutations of the readouts and the chain table from now on. */
function watch() {
  const seen = { records: 0 };
  const observer = new MutationObserver((list) => { seen.records += list.length; });
  for (const el of document.querySelectorAll('.readouts, table.chain, #chain-bean, #chain-explain')) {
    observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
  }
  window.__watch = { seen, observer };
}
const texts = () => [...document.querySelectorAll('.readouts output, table.chain output')].map((el) => el.textContent);
const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

async function open(query = '') {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(instrumentReads);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.base + query);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  await page.evaluate(twoFrames);
  return { page, context, errors };
}

test('frames where nothing changes write nothing; a drag writes only the numbers that changed, at a readable pace, and they catch up when it stops', async () => {
  const { page, context, errors } = await open();
  const idle = await page.evaluate(async ({ watchSrc, twoFramesSrc }) => {
    (0, eval)(`(${watchSrc})`)();
    const frames = (0, eval)(`(${twoFramesSrc})`);
    for (let i = 0; i < 5; i++) {
      window.sigmoidLab.request(); // the page's frame runs with nothing changed
      await frames();
    }
    await new Promise((r) => setTimeout(r, 0));
    return window.__watch.seen.records;
  }, { watchSrc: watch.toString(), twoFramesSrc: twoFrames.toString() });
  assert.equal(idle, 0, 'mutations in frames where nothing changed');

  // A drag: a new value of w every frame. Each frame writes only the numbers that changed, and
  // they change at a readable pace; when the drag stops they catch up with the lab.
  const log = await page.evaluate(async ({ textsSrc }) => {
    const textsOf = (0, eval)(`(${textsSrc})`);
    const seen = window.__watch.seen;
    const range = document.getElementById('p-w-range');
    const log = [];
    await new Promise((r) => setTimeout(r, 100)); // at rest
    let before = textsOf();
    for (let step = 0; step < 30; step++) {
      seen.records = 0;
      range.value = String(Number(range.value) + 3);
      range.dispatchEvent(new Event('input', { bubbles: true }));
      window.__watch.observer.takeRecords().forEach(() => { seen.records += 1; });
      const beforeFrame = seen.records;
      // This callback runs after the page's frame of the same time (it was asked for first).
      const time = await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 0));
      const now = textsOf();
      log.push({ time, beforeFrame, records: seen.records, changed: now.filter((t, i) => t !== before[i]).length });
      before = now;
    }
    return log;
  }, { textsSrc: texts.toString() });
  await frames(page, 0);
  const [shownW, w] = [await readout(page, 'w'), await page.evaluate(() => window.sigmoidLab.lab.w())];
  log.forEach((r, step) => {
    assert.equal(r.beforeFrame, 0, `step ${step}: the input event itself wrote no readout`);
    assert.ok(r.records <= r.changed, `step ${step}: ${r.records} mutations for ${r.changed} changed numbers`);
  });
  const writes = log.filter((r) => r.changed > 0).map((r) => r.time);
  assert.ok(writes.length >= 4, `the numbers changed in ${writes.length} of ${log.length} frames`);
  assert.ok(log[0].changed > 0, 'the first step after a rest shows its numbers at once');
  for (let i = 1; i < writes.length; i++) assert.ok(writes[i] - writes[i - 1] >= 50, `numbers written ${writes[i] - writes[i - 1]} ms apart`);
  assert.ok(Math.abs(Number(shownW) - w) <= 0.0005, `after the drag the readout shows w = ${w}: ${shownW}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no frame reads layout: drag, probe keys, training, a lesson step', async () => {
  for (const query of ['', '?tour=5&w=3&b=-1', '?embed=1&panels=xz,za,xa']) {
    const { page, context, errors } = await open(query);
    if (query.includes('tour=5')) {
      await page.click('#quiz-options [data-answer="1"]');
      await page.waitForFunction(() => window.sigmoidLab.lab.w() === 8, null, { timeout: 10000 });
    }
    await page.focus('#p-w-range');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await page.focus('.panel[data-panel="xa"] .layers');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.evaluate(async () => {
      const { setPlaying, state } = window.sigmoidLab;
      state.speed = 200;
      state.target = 1e9;
      setPlaying(true);
      for (let i = 0; i < 20; i++) await new Promise((r) => requestAnimationFrame(r));
      setPlaying(false);
    });
    await page.evaluate(twoFrames);
    const probe = await page.evaluate(() => ({ reads: window.__frameProbe.reads, frames: window.sigmoidLab.stats.frames }));
    assert.ok(probe.frames > 20, `${query || 'lab'}: frames ran (${probe.frames})`);
    assert.deepEqual(probe.reads, [], `${query || 'lab'}: layout reads inside a frame`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a panel out of view is not painted, first or while away, and is painted as it comes into view', async () => {
  const { page, context } = await openLab(env, { width: 1280, height: 600 });
  const drawn = () => page.$eval('.panel[data-panel="landscape"] svg.data', (svg) => svg.innerHTML);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  const away = await page.evaluate(() => document.querySelector('.panel[data-panel="landscape"]').getBoundingClientRect().top > innerHeight);
  assert.ok(away, 'the landscape starts below the fold');
  // The first frame paints the panels on screen only.
  const blank = await page.$eval('.panel[data-panel="landscape"] canvas.axes', (c) => !c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v) => v));
  assert.ok(blank, 'its axes not painted before it first comes into view');
  const before = await drawn();
  assert.equal(before, '', 'nor its data');
  await page.evaluate(() => { const r = document.getElementById('p-w-range'); r.value = '800'; r.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.waitForTimeout(150);
  assert.equal(await drawn(), before, 'not painted while out of view');
  await page.locator('.panel[data-panel="landscape"]').scrollIntoViewIfNeeded();
  await page.waitForFunction((b) => document.querySelector('.panel[data-panel="landscape"] svg.data').innerHTML !== b, before, { timeout: 5000 });
  await context.close();
});

test('one input event a frame lays the page out once a frame, and numbers change in place', async () => {
  const { page, context, errors } = await open();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const layouts = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutCount').value;
  // Numbers written in place: a new value changes the text node's data, never the node.
  await page.evaluate(() => {
    const kinds = { characterData: 0, childList: 0 };
    const observer = new MutationObserver((list) => { for (const m of list) kinds[m.type] = (kinds[m.type] ?? 0) + 1; });
    for (const el of document.querySelectorAll('.readouts output, table.chain output')) observer.observe(el, { subtree: true, childList: true, characterData: true });
    window.__kinds = kinds;
  });
  const before = await layouts();
  const frameCount = await page.evaluate(async () => {
    const range = document.getElementById('p-w-range');
    let n = 0;
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      range.value = String(Number(range.value) + 3);
      range.dispatchEvent(new Event('input', { bubbles: true }));
      n += 1;
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return n + 2;
  });
  const after = await layouts();
  assert.ok(after - before <= frameCount, `${after - before} layouts in ${frameCount} frames`);
  const kinds = await page.evaluate(() => window.__kinds);
  assert.ok(kinds.characterData > 30, `numbers changed: ${JSON.stringify(kinds)}`);
  assert.equal(kinds.childList, 0, 'no number replaced its text node');

  // Moving the probe changes the probe's readouts, not the chain rule's numbers: the chain table
  // is not written at all.
  await frames(page, 0); // the drag's last numbers first
  const chain = await page.evaluate(async () => {
    const seen = { chain: 0, probe: 0 };
    const observer = new MutationObserver((list) => {
      for (const m of list) {
        const el = m.target.nodeType === Node.TEXT_NODE ? m.target.parentElement : m.target;
        if (el.closest('table.chain, #chain-bean, #chain-explain')) seen.chain += 1;
        else if (el.closest('.probe-row')) seen.probe += 1;
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const { lab, request } = window.sigmoidLab;
    for (const x of [0.2, 0.3, 0.4]) {
      lab.set_probe(x);
      request();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    observer.takeRecords();
    observer.disconnect();
    return seen;
  });
  assert.ok(chain.probe > 0, 'the probe readouts changed');
  assert.equal(chain.chain, 0, 'the chain table was not written');
  assert.deepEqual(errors, []);
  await context.close();
});

test('while training plays the charts change every frame and the numbers at a readable pace; a pause shows the state it stopped in', async () => {
  const { page, context, errors } = await open('?speed=20');
  const log = await framesWhilePlaying(page, { play: '#play', chart: '.panel[data-panel="xa"] svg.data' });
  const seen = await page.evaluate(() => {
    const { lab } = window.sigmoidLab;
    const shown = (k) => document.querySelector(`[data-readout="${k}"]`).textContent;
    return { epoch: [shown('epoch'), String(lab.epoch())], w: [Number(shown('w')), lab.w()] };
  });
  const frames = log.slice(1);
  const writes = frames.filter((f) => f.numbers).map((f) => f.time);
  assert.ok(frames.filter((f) => f.chart).length >= frames.length - 2, `x → a changed in ${frames.filter((f) => f.chart).length} of ${frames.length} frames`);
  assert.ok(writes.length >= 2, `the numbers changed ${writes.length} times`);
  for (let i = 1; i < writes.length; i++) assert.ok(writes[i] - writes[i - 1] >= 50, `numbers written ${writes[i] - writes[i - 1]} ms apart`);
  assert.equal(seen.epoch[0], seen.epoch[1], 'the paused epoch');
  assert.ok(Math.abs(seen.w[0] - seen.w[1]) <= 0.0005, `the paused w: ${seen.w}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a slow machine\'s full-speed training frames repaint the charts in turns: at most the limit a frame, each in its turn, none left behind', async () => {
  const { page, context, errors } = await openLab(env, { width: 1280, height: 1400 });
  await frames(page, 3);
  const r = await page.evaluate(() => {
    const { lab } = window.sigmoidLab;
    const keys = [...document.querySelectorAll('.panel[data-panel] svg.data')].map((svg) => svg.closest('.panel').dataset.panel);
    const shown = () => [...document.querySelectorAll('.panel[data-panel] svg.data')].map((svg) => svg.innerHTML);
    const changed = (a, b) => keys.filter((_, i) => a[i] !== b[i]);
    // One change, everything it moves painted at once (a drag's frame)…
    const start = shown();
    lab.set_params(lab.w() + 1.5, lab.b() - 0.5);
    const all = lab.render();
    const whole = shown();
    // …and the same change painted in turns of two.
    lab.set_params(lab.w() - 1.5, lab.b() + 0.5);
    lab.render();
    const again = shown();
    lab.set_params(lab.w() + 1.5, lab.b() - 0.5);
    const turns = [];
    let before = shown();
    for (let i = 0; i < 4; i++) {
      const painted = lab.render_at_most(2);
      const now = shown();
      turns.push({ painted, changed: changed(before, now) });
      before = now;
    }
    const same = changed(whole, shown());
    // While training changes the neuron every frame, no chart waits more than its turn: over three
    // frames of two, every chart that moves is painted.
    const starved = new Set(changed(start, whole));
    before = shown();
    for (let i = 0; i < 3; i++) {
      lab.set_params(lab.w() + 0.3, lab.b());
      lab.render_at_most(2);
      const now = shown();
      for (const k of changed(before, now)) starved.delete(k);
      before = now;
    }
    return { keys, all, moved: changed(start, whole), back: changed(start, again).length, turns, same, starved: [...starved] };
  });
  assert.equal(r.back, 0, 'the change undone shows the start again');
  assert.ok(r.all >= 4 && r.moved.length === r.all, `one change moves ${r.moved} (${r.all} painted)`);
  const [first, second, third, fourth] = r.turns;
  assert.deepEqual([first.painted, first.changed.length], [2, 2], JSON.stringify(first));
  assert.deepEqual([second.painted, second.changed.length], [2, 2], JSON.stringify(second));
  assert.ok(second.changed.every((k) => !first.changed.includes(k)), 'the next turn takes the others');
  assert.equal(third.painted, r.all - 4);
  assert.equal(fourth.painted, 0, 'then nothing is left to paint');
  assert.deepEqual(r.same, [], 'in turns, every chart ends as one frame painting all of them shows it');
  assert.deepEqual(r.starved, [], 'every chart takes its turn while the neuron keeps changing');
  assert.deepEqual(errors, []);
  await context.close();
});
