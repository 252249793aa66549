// "Smooth on a school laptop": the lab under Chromium's CPU throttling (CDP
// Emulation.setCPUThrottlingRate), at devicePixelRatio 2. For each throttle rate and scene (the lab,
// a lesson step, a note page with three embedded figures) it drags w with the keyboard or trains at
// full speed, and reports the frame interval p50/p95 over runs without a trace (a tracer slows the
// frames it measures), and from one more, traced run the renderer main thread's time per frame
// split into script, style+layout and paint (a Chrome trace taken over CDP). It also times
// navigation to the first chart with ink beside a bare page that strokes one curve on one canvas.
//
// Used by scripts/bench.mjs. Run alone, `node scripts/smooth.mjs [--baseline DIR] [--quick]` prints
// the same table; with --baseline it also serves DIR (an older checkout with its www/pkg built) on
// a second port and measures both trees scene by scene, back to back.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const RATES = [4, 6];
export const DPR = 2;
export const VIEWPORT = { width: 1280, height: 900 };
const KEY_STEPS = 300;
const TRAIN_MS = 2000;
// Untraced runs for the frame intervals (one more, traced, gives the split of the main thread's time).
const REPEATS = 3;
const LOADS = 10;
const LOAD_RATES = [1, 4];
const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing', 'toplevel',
].join(',');

// Main-thread trace events by kind. The innermost kind owns the time (a forced layout inside a
// script call counts as layout, not script).
const KIND = new Map([
  ...['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.compileModule', 'v8.evaluateModule', 'RunMicrotasks'].map((n) => [n, 'script']),
  ...['UpdateLayoutTree', 'RecalculateStyles', 'Layout'].map((n) => [n, 'layout']),
  ...['Paint', 'PrePaint', 'Layerize', 'CompositeLayers', 'UpdateLayer', 'RasterTask'].map((n) => [n, 'paint']),
  // Handing the frame to the compositor; with software compositing this copies every changed
  // canvas, so it grows with the pixels repainted.
  ['Commit', 'commit'],
]);

// ---- statistics ----
const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const pct = (xs, p) => {
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
};
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), values: xs });

// ---- the extra pages, served by the same server as the lab ----
const NOTE_PARAGRAPH = '<p>A note about one neuron: z = wx + b, a = sigmoid(z). Drag w in the first figure and watch the three charts move together; the other figures show the same lab further down the page.</p>';
const NOTE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A note with three figures</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/bench/note.css"></head>
<body><main>
<h1>Activation functions</h1>
${NOTE_PARAGRAPH}
${[1, 2, 3].map((i) => `<figure><iframe id="fig${i}" src="/?embed=1&amp;panels=xz,za,xa" title="Sigmoid Lab ${i}" width="900" height="380"></iframe></figure>\n${NOTE_PARAGRAPH}`).join('\n')}
</main></body></html>
`;
const NOTE_CSS = 'body { font: 16px/1.5 sans-serif; margin: 0; } main { max-width: 960px; margin: 0 auto; padding: 16px; } iframe { border: 1px solid #ccc; display: block; }';
// The least a page can do to show one chart: one module, one canvas, one stroked curve.
const BARE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>One curve</title><link rel="icon" href="data:,">
<script type="module" src="/bench/bare.js"></script></head>
<body><canvas id="c" style="width: 600px; height: 400px"></canvas></body></html>
`;
const BARE_JS = `const c = document.getElementById('c');
const dpr = window.devicePixelRatio || 1;
c.width = 600 * dpr;
c.height = 400 * dpr;
const g = c.getContext('2d');
g.lineWidth = 2 * dpr;
g.strokeStyle = '#1565c0';
g.beginPath();
for (let i = 0; i <= 300; i++) {
  const x = i / 300;
  const a = 1 / (1 + Math.exp(-(10 * x - 5)));
  g.lineTo(x * c.width, (1 - a) * c.height);
}
g.stroke();
performance.mark('bare:first-frame-done');
`;
const EXTRAS = {
  '/bench/note.html': ['text/html; charset=utf-8', NOTE_HTML],
  '/bench/note.css': ['text/css; charset=utf-8', NOTE_CSS],
  '/bench/bare.html': ['text/html; charset=utf-8', BARE_HTML],
  '/bench/bare.js': ['text/javascript; charset=utf-8', BARE_JS],
};

/**
 * Starts the static server of the checkout at `dir` (its own scripts/serve.mjs) with the bench's
 * pages added under /bench/, sent with the same headers as the lab's files.
 */
export async function serveTree(dir = ROOT) {
  const { startServer, CSP } = await import(pathToFileURL(join(dir, 'scripts/serve.mjs')).href);
  const server = await startServer(0);
  const [lab] = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const extra = EXTRAS[new URL(req.url, 'http://x').pathname];
    if (!extra) return lab(req, res);
    res.writeHead(200, { 'Content-Type': extra[0], 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.end(extra[1]);
  });
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

// ---- the trace ----
async function startTrace(cdp) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/**
 * Main-thread time between the user-timing marks bench:start and bench:end, by kind, and the
 * busy time (top-level tasks). Exported for a check on synthetic events.
 */
export function splitTrace(events) {
  const start = events.find((e) => e.name === 'bench:start');
  const end = events.find((e) => e.name === 'bench:end' && e.pid === start?.pid);
  if (!start || !end) throw new Error('trace lacks the bench:start/bench:end marks');
  const { pid, tid } = start;
  const [t0, t1] = [start.ts, end.ts];
  const clip = (e) => ({ ...e, ts: Math.max(e.ts, t0), end: Math.min(e.ts + (e.dur ?? 0), t1) });
  const onMain = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts < t1 && e.ts + e.dur > t0)
    .map(clip);
  const totals = { script: 0, layout: 0, paint: 0, commit: 0, busy: 0, raster_off_main: 0 };
  // Busy: the union of the thread's tasks (they nest).
  let reach = -Infinity;
  for (const e of onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').sort((a, b) => a.ts - b.ts)) {
    const from = Math.max(e.ts, reach);
    if (e.end > from) totals.busy += e.end - from;
    reach = Math.max(reach, e.end);
  }
  // Self time of each kind's events, nested by time.
  const kinded = onMain.filter((e) => KIND.has(e.name)).sort((a, b) => a.ts - b.ts || b.end - a.end);
  const stack = [];
  for (const e of kinded) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    e.child = 0;
    const parent = stack[stack.length - 1];
    if (parent) parent.child += Math.min(e.end, parent.end) - e.ts;
    stack.push(e);
  }
  for (const e of kinded) totals[KIND.get(e.name)] += Math.max(0, e.end - e.ts - e.child);
  // Raster off the main thread (software raster workers), same process.
  for (const e of events) {
    if (e.pid === pid && e.tid !== tid && e.name === 'RasterTask' && e.ph === 'X' && e.ts < t1 && e.ts + e.dur > t0) totals.raster_off_main += Math.min(e.ts + e.dur, t1) - Math.max(e.ts, t0);
  }
  for (const k of Object.keys(totals)) totals[k] /= 1000; // µs → ms
  return { ...totals, window_ms: (t1 - t0) / 1000 };
}

// ---- in the page ----
/** Records every animation frame's time from now on; marks bench:start. */
function startRecorder() {
  const rec = { stamps: [], on: true };
  window.__smooth = rec;
  performance.mark('bench:start');
  const tick = (t) => {
    if (!rec.on) return;
    rec.stamps.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
function stopRecorder() {
  const rec = window.__smooth;
  rec.on = false;
  performance.mark('bench:end');
  return { stamps: rec.stamps };
}

/** One scene's page: the page opened at `url` with the lab ready in `frameOf(page)`. */
async function openScene(browser, url, frameOf) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR, locale: 'zh-CN', colorScheme: 'light' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  const target = await frameOf(page);
  await target.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 30000 });
  await target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const cdp = await context.newCDPSession(page);
  return { context, page, target, cdp, errors };
}

/** Keyboard steps on a slider (the lab's w unless named), away from the nearer end. */
async function keyDrag(scene, slider = '#p-w-range') {
  const { page, target } = scene;
  const range = await target.$(slider);
  const value = Number(await range.evaluate((r) => r.value));
  await range.focus();
  const key = value > 500 ? 'ArrowLeft' : 'ArrowRight';
  for (let i = 0; i < KEY_STEPS; i++) await page.keyboard.press(key);
  // The last step's frame.
  await target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // Back where it started, unmeasured, so every repeat drags the same way.
  await range.evaluate((r, v) => {
    r.value = String(v);
    r.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Full-speed training from epoch 0 for TRAIN_MS (the scene's link sets speed=200). */
async function train(scene) {
  return scene.target.evaluate(async (ms) => {
    const { lab, state, setPlaying } = window.sigmoidLab;
    lab.reset();
    state.target = 1e9;
    setPlaying(true);
    // Past any goal (as after "go on"): the cost chart's epoch axis grows with the run, the worst case.
    lab.set_epoch_goal?.(0);
    await new Promise((r) => setTimeout(r, ms));
    setPlaying(false);
    return lab.epoch();
  }, TRAIN_MS);
}

/** What a learner does: Train, at the page's own speed, until the run stops at its epoch target. */
async function trainToTarget(scene) {
  return scene.target.evaluate(async () => {
    const { lab, state, setPlaying } = window.sigmoidLab;
    lab.reset();
    setPlaying(true);
    while (state.playing) await new Promise((r) => requestAnimationFrame(r));
    return lab.epoch();
  });
}

/** The network stage: Train from epoch 0 until the run stops (its own pace, a fixed number of epochs a frame). */
async function trainNetwork(scene) {
  return scene.target.evaluate(async () => {
    const { lab, state, setPlaying } = window.sigmoidNetwork;
    lab.reset();
    state.target = 0;
    setPlaying(true);
    while (state.playing) await new Promise((r) => requestAnimationFrame(r));
    return lab.epoch();
  });
}

/** Frame intervals while `action` runs, without a trace (a tracer's own work would slow the frames). */
async function intervals(scene, action) {
  const { target } = scene;
  await target.evaluate(startRecorder);
  const t0 = Date.now();
  // A training action starts from a reset and returns the epoch it reached.
  const trained = await action(scene);
  const { stamps } = await target.evaluate(stopRecorder);
  const seconds = (Date.now() - t0) / 1000;
  const iv = stamps.slice(1).map((t, i) => t - stamps[i]);
  return {
    frames: Math.max(1, iv.length),
    interval_p50: median(iv),
    interval_p95: pct(iv, 0.95),
    over_20ms: iv.filter((t) => t > 20).length,
    epochs_per_s: typeof trained === 'number' ? trained / seconds : null,
  };
}

/** The renderer main thread's time per frame by kind while `action` runs, from a Chrome trace. */
async function split(scene, action) {
  const { target, cdp } = scene;
  const stop = await startTrace(cdp);
  await target.evaluate(startRecorder);
  await action(scene);
  const { stamps } = await target.evaluate(stopRecorder);
  const t = splitTrace(await stop());
  const frames = Math.max(1, stamps.length - 1);
  return Object.fromEntries(['script', 'layout', 'paint', 'commit', 'busy', 'raster_off_main'].map((k) => [k, t[k] / frames]));
}

const labFrame = (page) => page.mainFrame();
async function firstFigure(page) {
  const handle = await page.waitForSelector('#fig1');
  return handle.contentFrame();
}
async function answerQuiz5(scene) {
  await scene.target.click('#quiz-options [data-answer="1"]');
  await scene.target.waitForFunction(() => window.sigmoidLab.lab.w() === 8, null, { timeout: 30000 });
}

/** The scenes: name, link, the frame holding the lab, what to do first, the action measured. */
export const SCENES = [
  { key: 'lab_drag', name: 'lab, drag w', query: '', frame: labFrame, action: keyDrag },
  { key: 'lab_train', name: 'lab, full-speed training', query: '?speed=200', frame: labFrame, action: train },
  { key: 'lab_run', name: 'lab, Train to epoch 1000 at its own speed', query: '', frame: labFrame, action: trainToTarget },
  { key: 'tour5_drag', name: 'lesson step 5 (quiz answered), drag w', query: '?tour=5&w=3&b=-1', frame: labFrame, prepare: answerQuiz5, action: keyDrag },
  { key: 'tour8_train', name: 'lesson step 8, full-speed training', query: '?tour=8&alpha=0.5&autoplay=1&epochs=1000&speed=200', frame: labFrame, action: train },
  { key: 'note_drag', name: 'note with 3 figures, drag in one', query: 'bench/note.html', frame: firstFigure, action: keyDrag },
  { key: 'net_drag', name: 'network stage, drag w1', query: '?stage=network', frame: labFrame, action: (s) => keyDrag(s, '#p-w1-range') },
  { key: 'net_train', name: 'network stage, Train (1000 epochs)', query: '?stage=network', frame: labFrame, action: trainNetwork },
];

async function runScene(browser, base, scene, rate, repeats) {
  const url = base + scene.query;
  const s = await openScene(browser, url, scene.frame);
  try {
    if (scene.prepare) await scene.prepare(s);
    await s.cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const runs = [];
    for (let i = 0; i < repeats; i++) runs.push(await intervals(s, scene.action));
    const traced = await split(s, scene.action);
    await s.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (s.errors.length) throw new Error(`console errors: ${s.errors.join(' | ')}`);
    const pick = (k) => (runs[0][k] === null ? null : spread(runs.map((r) => r[k])));
    return {
      ...Object.fromEntries(['interval_p50', 'interval_p95', 'over_20ms', 'frames', 'epochs_per_s'].map((k) => [k, pick(k)])),
      ...Object.fromEntries(Object.entries(traced).map(([k, v]) => [k, spread([v])])),
    };
  } finally {
    await s.context.close();
  }
}

// ---- first chart with ink ----
/**
 * The value of `expression` in the page once it is not null, asked for every 20 ms over CDP.
 * Not Playwright's waitForFunction: that first evaluates its own injected script in the page, tens
 * of ms on the main thread at 4× that would land inside a load being timed.
 */
export async function whenPageHas(cdp, expression, timeoutMs = 60000) {
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await new Promise((r) => setTimeout(r, 20))) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `(${expression}) ?? null`, returnByValue: true });
    if (result.value !== null && result.value !== undefined) return result.value;
  }
  throw new Error(`the page did not have ${expression} within ${timeoutMs / 1000} s`);
}

async function loadOnce(browser, url, mark, rate) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR, locale: 'zh-CN', colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'commit' });
    return await whenPageHas(cdp, `performance.getEntriesByName(${JSON.stringify(mark)})[0]?.startTime`);
  } finally {
    await context.close();
  }
}

async function firstChart(browser, base, rate, loads) {
  await loadOnce(browser, base, 'lab:first-frame-done', rate); // warm-up
  const lab = [];
  const bare = [];
  // Alternated, so drift of the machine touches both alike.
  for (let i = 0; i < loads; i++) {
    lab.push(await loadOnce(browser, base, 'lab:first-frame-done', rate));
    bare.push(await loadOnce(browser, `${base}bench/bare.html`, 'bare:first-frame-done', rate));
  }
  const ratios = lab.map((v, i) => v / bare[i]);
  return { rate, loads, lab_ms: spread(lab), bare_ms: spread(bare), ratio: median(lab) / median(bare), ratio_per_load: spread(ratios) };
}

/**
 * Runs every scene at every rate, then the first-chart loads, for each site ({ name, base });
 * with two sites, each scene is measured on both back to back.
 */
export async function runSmooth(browser, sites, { repeats = REPEATS, loads = LOADS, rates = RATES, loadRates = LOAD_RATES, only = null, progress = () => {} } = {}) {
  const out = Object.fromEntries(sites.map((s) => [s.name, { scenes: {}, first_chart: {} }]));
  for (const rate of rates) {
    for (const scene of SCENES.filter((sc) => !only || only.includes(sc.key))) {
      for (const site of sites) {
        progress(`${site.name}: ${scene.name} at ${rate}× throttle`);
        const key = `${scene.key}@${rate}x`;
        try {
          out[site.name].scenes[key] = { scene: scene.key, name: scene.name, rate, ...(await runScene(browser, site.base, scene, rate, repeats)) };
        } catch (e) {
          out[site.name].scenes[key] = { scene: scene.key, name: scene.name, rate, error: String(e?.message ?? e) };
        }
      }
    }
  }
  for (const rate of loads > 0 ? loadRates : []) {
    for (const site of sites) {
      progress(`${site.name}: first chart, ${loads} cold loads at ${rate}×`);
      try {
        out[site.name].first_chart[`${rate}x`] = await firstChart(browser, site.base, rate, loads);
      } catch (e) {
        out[site.name].first_chart[`${rate}x`] = { error: String(e?.message ?? e) };
      }
    }
  }
  return { dpr: DPR, viewport: VIEWPORT, key_steps: KEY_STEPS, train_ms: TRAIN_MS, repeats, ...out };
}

// ---- the table ----
const f1 = (v) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const withRange = (s, f = f1) => (s.values.length > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median));

export function smoothTable(result, table) {
  const lines = [];
  const sites = Object.keys(result).filter((k) => result[k]?.scenes);
  const rows = [];
  const keys = Object.keys(result[sites[0]].scenes);
  for (const key of keys) {
    for (const site of sites) {
      const r = result[site].scenes[key];
      const name = `${r.name}, ${r.rate}×${sites.length > 1 ? ` [${site}]` : ''}`;
      if (r.error) {
        rows.push([name, 'error', r.error.slice(0, 80)]);
        continue;
      }
      rows.push([
        name, withRange(r.interval_p50), withRange(r.interval_p95), `${r.over_20ms.median} / ${r.frames.median}`,
        f1(r.script.median), f1(r.layout.median), f1(r.paint.median), f1(r.commit.median), f1(r.busy.median),
        r.epochs_per_s ? (r.scene.endsWith('train') ? `${(r.epochs_per_s.median / 1000).toFixed(1)} k` : '') : '',
      ]);
    }
  }
  lines.push(`Smoothness under CPU throttling, dpr ${result.dpr}, ${result.viewport.width}×${result.viewport.height}; ${result.key_steps} arrow-key steps on w, or ${result.train_ms / 1000} s of training at speed 200; intervals: median (min–max) over ${result.repeats} runs without a trace; the split: one traced run`);
  lines.push(table(['', 'interval p50', 'interval p95', '>20 ms', 'script', 'style+layout', 'paint', 'commit', 'busy', 'epochs/s'], rows));
  lines.push('ms; interval = between animation frames; script, style+layout, paint, commit = renderer main-thread self time per frame (Chrome trace; commit hands the frame to the compositor, and waits for it), busy = all its tasks per frame; >20 ms = intervals over 20 ms / frames (median run)');
  const fc = [];
  for (const site of sites) {
    for (const [rate, r] of Object.entries(result[site].first_chart)) {
      const name = `${rate} throttle${sites.length > 1 ? ` [${site}]` : ''}`;
      if (r.error) fc.push([name, 'error', r.error.slice(0, 80)]);
      else fc.push([name, withRange(r.lab_ms, (v) => v.toFixed(0)), withRange(r.bare_ms, (v) => v.toFixed(0)), `${r.ratio.toFixed(2)}×`, withRange(r.ratio_per_load, (v) => v.toFixed(2))]);
    }
  }
  lines.push('');
  lines.push('Navigation to the first chart with ink (lab: mark lab:first-frame-done; bare page: one module strokes one curve on one canvas), cold loads, cache off, dpr 2; median (min–max)');
  lines.push(table(['', 'lab ms', 'bare page ms', 'ratio of medians', 'ratio per load'], fc));
  return lines.join('\n');
}

export function simpleTable(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r) => r.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - [...c].length))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---- alone ----
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { writeFileSync } = await import('node:fs');
  const { launch } = await import('../tests/browser.mjs');
  const args = process.argv.slice(2);
  const baseline = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : null;
  const quick = args.includes('--quick');
  // --only lab_drag,note_drag picks scenes; --rates 4 picks throttle rates; --loads 0 skips the loads.
  const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
  const only = opt('--only')?.split(',') ?? null;
  const rates = opt('--rates')?.split(',').map(Number);
  const loads = opt('--loads') === null ? undefined : Number(opt('--loads'));
  const env = await launch();
  const servers = [{ name: 'this', server: await serveTree(ROOT) }];
  if (baseline) servers.unshift({ name: 'baseline', server: await serveTree(resolve(baseline)) });
  const started = Date.now();
  const progress = (w) => process.stderr.write(`smooth: ${((Date.now() - started) / 1000).toFixed(0)} s: ${w}\n`);
  try {
    const result = await runSmooth(env.browser, servers.map((s) => ({ name: s.name, base: s.server.base })), { ...(quick ? { repeats: 1, loads: 3 } : {}), progress, only, ...(rates ? { rates } : {}), ...(loads !== undefined ? { loads } : {}) });
    result.seconds = (Date.now() - started) / 1000;
    console.log(smoothTable(result, simpleTable));
    const out = process.env.SMOOTH_OUT || join(ROOT, 'smooth-results.json');
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nJSON: ${out}`);
  } finally {
    for (const s of servers) await s.server.close();
    await env.close();
  }
}
