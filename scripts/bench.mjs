// The benchmark behind `bash scripts/bench.sh`: SGD throughput (native, wasm, numpy), redraw cost
// during a simulated slider drag, time to first painted panels, bytes transferred. Prints a table
// and writes JSON to BENCH_OUT (default bench-results.json); section 6 comes from smooth.mjs. Expects
// the page already built.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch, openLab } from '../tests/browser.mjs';
import { runSmooth, serveTree, smoothTable, whenPageHas } from './smooth.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = process.env.BENCH_OUT || join(ROOT, 'bench-results.json');
const PYTHON = process.env.PYTHON || 'python3';

const SGD_REPEATS = 5;
const SGD_MIN_S = 0.5;
const BEANS = 100;
const ALPHA = 0.05;
const DRAG_EVENTS = 300;
const DRAG_REPEATS = 3;
const DRAG_DPRS = [1, 2];
const PLAY_SECONDS = 3;
const PLAY_REPEATS = 3;
const VIEWPORT = { width: 1280, height: 900 };
const LOADS = 10;

// ---- statistics ----
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const pct = (xs, p) => {
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
};
/** Median with min and max over repeats. */
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), values: xs });

// ---- formatting ----
const fmtRate = (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M` : `${(v / 1e3).toFixed(1)} k`);
const fmtMs = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const fmtX = (v) => (v >= 100 ? `${v.toFixed(0)}×` : v >= 10 ? `${v.toFixed(1)}×` : `${v.toFixed(2)}×`);
const withRange = (s, f) => (s.values.length > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median));

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r) => r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const out = [];
const print = (s = '') => {
  out.push(s);
  console.log(s);
};

/** Runs a command in the repository; returns its parsed JSON stdout, or throws with its stderr. */
function runJson(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.error) throw r.error;
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0) {
    const err = new Error(`${cmd} exited ${r.status}: ${(r.stderr || last).trim().split('\n').slice(-3).join(' | ')}`);
    err.status = r.status;
    throw err;
  }
  return JSON.parse(last);
}

// ---- 1. SGD throughput ----
function benchNative() {
  const r = runJson('cargo', ['run', '--quiet', '--release', '--example', 'sgd_throughput', '--', String(SGD_REPEATS), String(SGD_MIN_S)]);
  return {
    trainer: { epochs: r.trainer.epochs, steps_per_s: spread(r.trainer.steps_per_s) },
    plain_loop: { epochs: r.plain_loop.epochs, steps_per_s: spread(r.plain_loop.steps_per_s) },
  };
}

function benchNumpy() {
  try {
    const r = runJson(PYTHON, ['scripts/bench_numpy.py', String(SGD_REPEATS), String(SGD_MIN_S)]);
    return {
      numpy: r.numpy,
      python: r.python,
      scalars: { epochs: r.scalars.epochs, steps_per_s: spread(r.scalars.steps_per_s) },
      arrays: { epochs: r.arrays.epochs, steps_per_s: spread(r.arrays.steps_per_s) },
    };
  } catch (e) {
    const reason = e.status === 3 ? `numpy is not importable by ${PYTHON}` : String(e.message ?? e);
    return { skipped: reason };
  }
}

/** lab.train_epochs(k) in the page, k doubled until one run takes SGD_MIN_S. */
async function benchWasm(env) {
  const { page, context } = await openLab(env, { ...VIEWPORT, dpr: 1 });
  try {
    const setup = await page.evaluate(({ alpha }) => {
      const { lab } = window.sigmoidLab;
      lab.set_alpha(alpha);
      return { beans: lab.beans_x().length, alpha: lab.alpha() };
    }, { alpha: ALPHA });
    if (setup.beans !== BEANS) throw new Error(`page has ${setup.beans} beans, expected ${BEANS}`);
    const run = (k) => page.evaluate((k) => {
      const { lab } = window.sigmoidLab;
      lab.reset();
      const t0 = performance.now();
      const done = lab.train_epochs(k);
      const ms = performance.now() - t0;
      lab.reset();
      return { done, ms, alpha: lab.alpha() };
    }, k);
    let epochs = 100;
    for (;;) {
      const { done, ms, alpha } = await run(epochs);
      if (alpha !== ALPHA) throw new Error(`page trains with α = ${alpha}, expected ${ALPHA}`);
      if (done !== epochs) throw new Error(`training diverged after ${done} of ${epochs} epochs`);
      if (ms >= SGD_MIN_S * 1000) break;
      epochs *= 2;
    }
    const rates = [];
    for (let i = 0; i < SGD_REPEATS; i++) {
      const { ms } = await run(epochs);
      rates.push((epochs * BEANS) / (ms / 1000));
    }
    return { epochs, steps_per_s: spread(rates.map(Math.round)) };
  } finally {
    await context.close();
  }
}

// ---- 2. Redraw during a simulated slider drag ----
/**
 * Wraps lab.render to time it (`naive` makes every render start from lab.invalidate()), and the
 * page's requestAnimationFrame callbacks to time its whole frame (render, readouts, address bar).
 */
function instrument() {
  const { lab } = window.sigmoidLab;
  const bench = { naive: false, times: [], painted: [], frames: [], raf: window.requestAnimationFrame.bind(window) };
  window.__bench = bench;
  window.requestAnimationFrame = (cb) => bench.raf((time) => {
    const t0 = performance.now();
    try {
      return cb(time);
    } finally {
      bench.frames.push(performance.now() - t0);
    }
  });
  const render = lab.render.bind(lab);
  lab.render = () => {
    if (bench.naive) lab.invalidate();
    const t0 = performance.now();
    const n = render();
    bench.times.push(performance.now() - t0);
    bench.painted.push(n);
    return n;
  };
}

/** One input event on #p-w-range per animation frame, sweeping w from −10 to 10 and back. */
async function drag({ naive, events }) {
  const range = document.getElementById('p-w-range');
  const bench = window.__bench;
  const frame = () => new Promise((r) => bench.raf(r));
  const input = (pos) => {
    range.value = String(pos);
    const t0 = performance.now();
    range.dispatchEvent(new Event('input', { bubbles: true }));
    return performance.now() - t0;
  };
  const position = (i) => {
    const half = events / 2;
    const t = i < half ? i / half : 2 - i / half;
    return Math.round(250 + 500 * t);
  };
  // Same start for every run, settled and not measured.
  input(position(0));
  await frame();
  await frame();
  // The numbers change at a readable pace (www/text.js): the frames that catch them up come first.
  while (window.sigmoidLab.numbersOwed()) await frame();
  bench.naive = naive;
  bench.times = [];
  bench.painted = [];
  bench.frames = [];
  const stamps = [await frame()];
  const handler = [];
  for (let i = 1; i <= events; i++) {
    handler.push(input(position(i)));
    // The page's own frame callback was requested by the input handler, so it runs before this one.
    stamps.push(await frame());
  }
  bench.naive = false;
  return {
    render: bench.times.slice(),
    painted: bench.painted.slice(),
    frame: bench.frames.slice(),
    intervals: stamps.slice(1).map((t, i) => t - stamps[i]),
    handler,
  };
}

function summarize(runs) {
  const per = runs.map((r) => ({
    render_median: median(r.render),
    render_p95: pct(r.render, 0.95),
    render_max: Math.max(...r.render),
    frame_median: median(r.frame),
    frame_p95: pct(r.frame, 0.95),
    interval_median: median(r.intervals),
    interval_p95: pct(r.intervals, 0.95),
    handler_median: median(r.handler),
    layers_per_frame: r.painted.reduce((a, b) => a + b, 0) / r.painted.length,
    renders: r.render.length,
  }));
  const pick = (k) => spread(per.map((p) => p[k]));
  return {
    render_ms: { median: pick('render_median'), p95: pick('render_p95'), max: pick('render_max') },
    frame_callback_ms: { median: pick('frame_median'), p95: pick('frame_p95') },
    interval_ms: { median: pick('interval_median'), p95: pick('interval_p95') },
    input_handler_ms: { median: pick('handler_median') },
    layers_per_frame: pick('layers_per_frame'),
    renders_per_run: per.map((p) => p.renders),
  };
}

/**
 * The lab, as openLab gives it, but cross-origin isolated (COOP/COEP headers added on the way), so
 * performance.now() ticks in 5 µs steps instead of 100 µs: a render takes about a millisecond.
 */
async function openIsolatedLab(env, { width, height, dpr }) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, locale: 'zh-CN', colorScheme: 'light' });
  await context.route('**/*', async (route) => {
    try {
      const response = await route.fetch();
      const headers = { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
      await route.fulfill({ response, headers });
    } catch {
      // A request still in flight when the context closes: nothing left to answer.
    }
  });
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.base);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, context, errors, warnings };
}

/** The smallest step performance.now() takes in the page, in ms. */
function timerStep() {
  let step = Infinity;
  let last = performance.now();
  for (let i = 0; i < 200000 && step > 0.001; i++) {
    const t = performance.now();
    if (t > last) {
      step = Math.min(step, t - last);
      last = t;
    }
  }
  return step;
}

async function benchDrag(env, dpr) {
  const { page, context, errors, warnings } = await openIsolatedLab(env, { ...VIEWPORT, dpr });
  try {
    const isolated = await page.evaluate(() => window.crossOriginIsolated);
    const timer_step_ms = await page.evaluate(timerStep);
    await page.evaluate(instrument);
    const runs = { ours: [], naive: [] };
    // Interleaved, so slow drift of the machine touches both alike.
    for (let i = 0; i < DRAG_REPEATS; i++) {
      for (const mode of ['ours', 'naive']) {
        const r = await page.evaluate(drag, { naive: mode === 'naive', events: DRAG_EVENTS });
        if (r.render.length !== DRAG_EVENTS) {
          throw new Error(`${mode} drag at dpr ${dpr}: ${r.render.length} renders for ${DRAG_EVENTS} input events`);
        }
        runs[mode].push(r);
      }
    }
    if (errors.length) throw new Error(`console errors: ${errors.join(' | ')}`);
    const ours = summarize(runs.ours);
    const naive = summarize(runs.naive);
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('.panel canvas.axes');
      return `${c.width}×${c.height}`;
    });
    return {
      dpr, events: DRAG_EVENTS, repeats: DRAG_REPEATS, panel_canvas_px: canvas, cross_origin_isolated: isolated, timer_step_ms, console_warnings: warnings, ours, naive,
      naive_over_ours: {
        median: naive.render_ms.median.median / ours.render_ms.median.median,
        p95: naive.render_ms.p95.median / ours.render_ms.p95.median,
      },
    };
  } finally {
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  }
}

// ---- 2b. Training at full speed ----
/** Plays at the speed slider's top (a time budget per frame) for `seconds`, from epoch 0. */
async function play(seconds) {
  const { lab, state, setPlaying } = window.sigmoidLab;
  const bench = window.__bench;
  const frame = () => new Promise((r) => bench.raf(r));
  const range = document.getElementById('p-speed-range');
  range.value = range.max;
  range.dispatchEvent(new Event('input', { bubbles: true }));
  lab.reset();
  state.target = 1e9;
  await frame();
  bench.frames = [];
  setPlaying(true);
  const stamps = [await frame()];
  const epoch0 = lab.epoch();
  while (stamps[stamps.length - 1] - stamps[0] < seconds * 1000) stamps.push(await frame());
  const epochs = lab.epoch() - epoch0;
  setPlaying(false);
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
  return { frame: bench.frames.slice(), intervals, epochs, seconds: (stamps[stamps.length - 1] - stamps[0]) / 1000, beans: lab.beans_x().length };
}

async function benchPlay(env, dpr) {
  const { page, context, errors } = await openIsolatedLab(env, { ...VIEWPORT, dpr });
  try {
    await page.evaluate(instrument);
    const runs = [];
    for (let i = 0; i < PLAY_REPEATS; i++) runs.push(await page.evaluate(play, PLAY_SECONDS));
    if (errors.length) throw new Error(`console errors: ${errors.join(' | ')}`);
    const pick = (f) => spread(runs.map(f));
    return {
      dpr, seconds: PLAY_SECONDS, repeats: PLAY_REPEATS,
      frame_callback_ms: { median: pick((r) => median(r.frame)), p95: pick((r) => pct(r.frame, 0.95)) },
      interval_ms: { median: pick((r) => median(r.intervals)), p95: pick((r) => pct(r.intervals, 0.95)), max: pick((r) => Math.max(...r.intervals)) },
      // A frame took longer than one and a half 60 Hz frames: at least one was dropped.
      long_intervals: pick((r) => r.intervals.filter((t) => t > 25).length),
      frames: pick((r) => r.intervals.length),
      epochs_per_s: pick((r) => r.epochs / r.seconds),
      steps_per_s: pick((r) => (r.epochs * r.beans) / r.seconds),
    };
  } finally {
    await context.close();
  }
}

// ---- 3. Time to first painted panels ----
/** Records, inside the page, performance.now() when <html> gets class "ready" and at the next frame. */
function markReady() {
  const check = () => {
    if (window.__readyAt !== undefined || !document.documentElement?.classList.contains('ready')) return;
    window.__readyAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { window.__frameAt = performance.now(); });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
}

/** A fresh context with the HTTP cache off; returns the page and its context. */
async function freshPage(env) {
  const context = await env.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { page, context, cdp };
}

async function loadOnce(env) {
  const { page, context, cdp } = await freshPage(env);
  try {
    await page.addInitScript(markReady);
    await page.goto(env.base, { waitUntil: 'commit' });
    await whenPageHas(cdp, 'window.__frameAt', 15000);
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        ready: window.__readyAt,
        next_frame: window.__frameAt,
        dom_content_loaded: nav.domContentLoadedEventEnd,
        wasm_response_end: wasm?.responseEnd ?? null,
      };
    });
  } finally {
    await context.close();
  }
}

async function benchFirstPaint(env) {
  await loadOnce(env); // warm-up: the browser's first page pays for process start-up
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await loadOnce(env));
  const col = (k) => spread(loads.map((l) => l[k]).filter((v) => v !== null));
  return {
    loads: LOADS,
    ready_ms: col('ready'),
    next_frame_ms: col('next_frame'),
    dom_content_loaded_ms: col('dom_content_loaded'),
    wasm_response_end_ms: col('wasm_response_end'),
  };
}

// ---- 4. Bytes the page transfers ----
const sized = (path, status, body) => ({ path, status, raw: body.length, gzip9: gzipSync(body, { level: 9 }).length });
const sizes = async (responses) => Promise.all(responses.map(async (r) => sized(new URL(r.url()).pathname, r.status(), await r.body())));
const totalOf = (files) => ({ raw: files.reduce((a, f) => a + f.raw, 0), gzip9: files.reduce((a, f) => a + f.gzip9, 0) });

async function benchBytes(env) {
  const { page, context } = await freshPage(env);
  try {
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(env.base, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
    const files = await sizes(responses);
    // Chromium may fetch the icon outside the page, unseen by page.on('response'); then fetch it
    // here, so the total still counts every file a visit downloads.
    const icon = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute('href'));
    if (icon) {
      const path = new URL(icon, env.base).pathname;
      if (!files.some((f) => f.path === path)) {
        const res = await fetch(new URL(icon, env.base));
        const body = Buffer.from(await res.arrayBuffer());
        files.push({ ...sized(path, res.status, body), note: 'browser UI request' });
      }
    }
    const total = totalOf(files);
    // What loads later, on use: a GIF export (its code and encoder) and the other language.
    const seen = responses.length;
    await page.evaluate(async () => {
      const exporter = await window.sigmoidLab.loadExport();
      Object.assign(exporter.options, { epochs: 2, every: 1 });
      await exporter.exportGif();
    });
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForLoadState('networkidle');
    const later = await sizes(responses.slice(seen));
    return { files, total, on_use: { files: later, total: totalOf(later) } };
  } finally {
    await context.close();
  }
}

// ---- 5. GIF export ----
/** Time to export the animation as a GIF. The page has no export yet: returns null until it does. */
/** The page's own "export GIF" with its defaults (1000 epochs, a frame every 10: 101 frames), timed
 * from the click to the finished download; the lesson's matplotlib GIF took 23.2 s and 1.1 MB. */
async function benchGifExport(env) {
  const runs = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const { page, context } = await openLab(env, { ...VIEWPORT, dpr: 1, query: '?panels=xz,za,xa,cost' });
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click('#export-gif')]);
    const path = await download.path();
    runs.push((Date.now() - t0) / 1000);
    bytes = (await import('node:fs')).statSync(path).size;
    await context.close();
  }
  const sorted = runs.slice().sort((a, b) => a - b);
  return { frames: 101, seconds: { median: sorted[1], min: sorted[0], max: sorted[2] }, bytes, panels: 'xz,za,xa,cost' };
}

// ---- run ----
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  settings: { beans: BEANS, alpha: ALPHA, sgd_repeats: SGD_REPEATS, sgd_min_s: SGD_MIN_S, drag_events: DRAG_EVENTS, drag_repeats: DRAG_REPEATS, viewport: VIEWPORT, loads: LOADS },
};
const failures = [];
// A stray rejection (say, from a request still in flight as a page closes) is reported, and the run
// goes on to print the rest and to close Chromium and the server.
process.on('unhandledRejection', (e) => {
  failures.push(`unhandled: ${e?.message ?? e}`);
  process.stderr.write(`bench: unhandled rejection: ${e?.stack ?? e}\n`);
});
const started = Date.now();
const progress = (what) => process.stderr.write(`bench: ${((Date.now() - started) / 1000).toFixed(0)} s: ${what}\n`);
async function section(key, f) {
  try {
    results[key] = await f();
  } catch (e) {
    results[key] = { error: String(e?.stack ?? e) };
    failures.push(`${key}: ${e?.message ?? e}`);
  }
}

progress('native SGD');
await section('sgd_native', benchNative);
progress('numpy SGD');
await section('sgd_numpy', benchNumpy);

const env = await launch();
try {
  results.machine.chromium = env.browser.version();
  progress('wasm SGD');
  await section('sgd_wasm', () => benchWasm(env));
  results.drag = {};
  for (const dpr of DRAG_DPRS) {
    progress(`slider drag at dpr ${dpr}`);
    try {
      results.drag[`dpr${dpr}`] = await benchDrag(env, dpr);
    } catch (e) {
      results.drag[`dpr${dpr}`] = { error: String(e?.stack ?? e) };
      failures.push(`drag dpr ${dpr}: ${e?.message ?? e}`);
    }
  }
  progress('training at full speed');
  await section('play', () => benchPlay(env, 2));
  progress('first paint');
  await section('first_paint', () => benchFirstPaint(env));
  progress('bytes');
  await section('bytes', () => benchBytes(env));
  await section('gif_export', () => benchGifExport(env));
  // Under CPU throttling: drag and training on the lab, a lesson step and a note with three
  // figures, and the first chart beside a bare page (scripts/smooth.mjs).
  await section('smooth', async () => {
    const site = await serveTree(ROOT);
    try {
      return await runSmooth(env.browser, [{ name: 'lab', base: site.base }], { progress });
    } finally {
      await site.close();
    }
  });
} finally {
  await env.close();
}

// ---- report ----
const { sgd_native: nat, sgd_numpy: np, sgd_wasm: wasm } = results;
const ok = (x) => x && !x.error && !x.skipped;
const ratio = (a, b) => a / b;
results.sgd_ratios = {};
if (ok(wasm) && ok(np)) {
  results.sgd_ratios.wasm_over_numpy = ratio(wasm.steps_per_s.median, np.scalars.steps_per_s.median);
  results.sgd_ratios.wasm_over_numpy_arrays = ratio(wasm.steps_per_s.median, np.arrays.steps_per_s.median);
}
if (ok(wasm) && ok(nat)) results.sgd_ratios.native_over_wasm = ratio(nat.trainer.steps_per_s.median, wasm.steps_per_s.median);

print(`Sigmoid Lab benchmark · ${results.date} · ${results.machine.cpus} × ${results.machine.cpu ?? '?'} · node ${process.version} · Chromium ${results.machine.chromium ?? '?'}`);
print();
print(`1. SGD throughput: the lesson's loop, ${BEANS} beans, α = ${ALPHA}; median (min–max) of ${SGD_REPEATS} runs of ≥ ${SGD_MIN_S} s`);
const sgdRows = [];
const sgdRow = (name, r, note) => {
  if (r?.error) return sgdRows.push([name, 'error', '', r.error.split('\n')[0]]);
  sgdRows.push([name, withRange(r.steps_per_s, fmtRate), `${(1e6 / r.steps_per_s.median).toFixed(3)} µs`, note]);
};
if (nat?.error) sgdRow('native Rust', nat);
else {
  sgdRow('native Rust (Trainer)', nat.trainer, 'same code as the page');
  sgdRow('native Rust (plain loop)', nat.plain_loop, 'no per-epoch cost record');
}
sgdRow('wasm in Chromium (Trainer)', wasm, 'lab.train_epochs(k)');
if (np?.skipped) sgdRows.push(['Python + numpy', 'skipped', '', np.skipped]);
else if (np?.error) sgdRow('Python + numpy', np);
else {
  sgdRow('Python + numpy (w, b floats)', np.scalars, `numpy ${np.numpy}, Python ${np.python}`);
  sgdRow('Python + numpy (w, b arrays)', np.arrays, 'w, b = np.random.rand(1)-style');
}
print(table(['', 'steps/s', 'per step', 'note'], sgdRows));
const rs = results.sgd_ratios;
const ratioText = [
  rs.wasm_over_numpy !== undefined ? `wasm/numpy ${fmtX(rs.wasm_over_numpy)} (vs arrays ${fmtX(rs.wasm_over_numpy_arrays)})` : 'wasm/numpy n/a',
  rs.native_over_wasm !== undefined ? `native/wasm ${fmtX(rs.native_over_wasm)}` : 'native/wasm n/a',
];
print(`ratios of medians: ${ratioText.join(' · ')}`);
print();

print(`2. Redraw during a slider drag: ${DRAG_EVENTS} input events on #p-w-range, one per frame, ${VIEWPORT.width}×${VIEWPORT.height}; median (min–max) over ${DRAG_REPEATS} drags`);
const dragRows = [];
for (const dpr of DRAG_DPRS) {
  const d = results.drag?.[`dpr${dpr}`];
  if (!d || d.error) {
    dragRows.push([`dpr ${dpr}`, 'error']);
    continue;
  }
  for (const [name, r] of [['ours', d.ours], ['naive (invalidate)', d.naive]]) {
    dragRows.push([
      `dpr ${dpr} ${name}`,
      withRange(r.render_ms.median, fmtMs),
      withRange(r.render_ms.p95, fmtMs),
      withRange(r.frame_callback_ms.median, fmtMs),
      withRange(r.frame_callback_ms.p95, fmtMs),
      withRange(r.interval_ms.median, fmtMs),
      withRange(r.interval_ms.p95, fmtMs),
      r.layers_per_frame.median.toFixed(2),
    ]);
  }
  dragRows.push([`dpr ${dpr} naive/ours`, fmtX(d.naive_over_ours.median), fmtX(d.naive_over_ours.p95)]);
}
print(table(['', 'render med', 'render p95', 'whole frame med', 'whole frame p95', 'interval med', 'interval p95', 'layers'], dragRows));
print('ms; render = lab.render(); whole frame = the page\'s requestAnimationFrame callback (render, readouts,');
print('address bar); interval = between frames; layers = panels painted per frame');
print();

const pl = results.play;
print(`2b. Training at full speed (speed slider at its top: a time budget per frame), dpr 2, ${PLAY_SECONDS} s from epoch 0; median (min–max) over ${PLAY_REPEATS} runs`);
if (!pl || pl.error) print('error');
else {
  print(table(['', 'value'], [
    ['whole frame ms, median / p95', `${withRange(pl.frame_callback_ms.median, fmtMs)} / ${withRange(pl.frame_callback_ms.p95, fmtMs)}`],
    ['frame interval ms, median / p95 / max', `${withRange(pl.interval_ms.median, fmtMs)} / ${withRange(pl.interval_ms.p95, fmtMs)} / ${withRange(pl.interval_ms.max, fmtMs)}`],
    ['intervals over 25 ms (dropped frames)', `${withRange(pl.long_intervals, String)} of ${pl.frames.median}`],
    ['epochs per second (SGD steps per second)', `${withRange(pl.epochs_per_s, (v) => fmtRate(v))} (${fmtRate(pl.steps_per_s.median)})`],
  ]));
}
print();

const fp = results.first_paint;
print(`3. Time to first painted panels: ${LOADS} fresh loads (new context, cache off), ms from navigation start; median (min–max)`);
if (!fp || fp.error) print('error');
else {
  print(table(['', 'ms'], [
    ['panels painted (class "ready")', withRange(fp.ready_ms, fmtMs)],
    ['next animation frame', withRange(fp.next_frame_ms, fmtMs)],
    ['DOMContentLoaded end', withRange(fp.dom_content_loaded_ms, fmtMs)],
    ['wasm response end', withRange(fp.wasm_response_end_ms, fmtMs)],
  ]));
}
print();

const by = results.bytes;
print('4. Bytes the page transfers (one load; the server sends them uncompressed; gzip -9 computed here)');
if (!by || by.error) print('error');
else {
  print(table(['file', 'raw bytes', 'gzip -9 bytes', 'note'], [
    ...by.files.map((f) => [f.path, String(f.raw), String(f.gzip9), f.status !== 200 ? `HTTP ${f.status}` : f.note ?? '']),
    ['total', String(by.total.raw), String(by.total.gzip9), `${by.files.length} files`],
    ...by.on_use.files.map((f) => [f.path, String(f.raw), String(f.gzip9), 'on use']),
    ['on use, total', String(by.on_use.total.raw), String(by.on_use.total.gzip9), 'first GIF export, other language'],
  ]));
}
print();

print('5. GIF export');
const gif = results.gif_export;
print(gif && !gif.error
  ? `101 frames (4 panels, 960×640): ${gif.seconds.median.toFixed(1)} s (${gif.seconds.min.toFixed(1)}–${gif.seconds.max.toFixed(1)}), ${(gif.bytes / 1e6).toFixed(2)} MB · the lesson's matplotlib GIF: 23.2 s, 1.1 MB`
  : `failed: ${gif?.error ?? 'no result'}`);

print();
print('6. Smooth on a slow machine (scripts/smooth.mjs)');
const sm = results.smooth;
print(sm && !sm.error ? smoothTable(sm, table) : `failed: ${sm?.error ?? 'no result'}`);

if (failures.length) {
  print();
  print(`failed: ${failures.join('; ')}`);
}

progress('done');
results.seconds = (Date.now() - started) / 1000;
results.table = out.join('\n');
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nJSON: ${OUT}`);
process.exitCode = failures.length ? 1 : 0;
