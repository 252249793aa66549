// Export: "GIF" replays a training run on a copy of the lab (the page's own state is never
// touched), draws the visible panels every k epochs with the same core drawing code, and encodes
// the frames in wasm; "PNG" saves the panels as they are now. Panels are drawn at a fixed size
// (480 × 320 CSS px each, wider in a row of two under three) into canvases of their own, then
// composited in rows.

import { stateQuery } from './urlstate.js';

// The export module (the core's export plan, the GIF encoder, SVG drawing) is a wasm module of its
// own, fetched on the first export (the single-file build carries its bytes in the page). A failed
// fetch can be tried again.
let encoder = null;
function loadEncoder() {
  encoder ??= import('./pkg/sigmoid_lab_gif.js').then(async (m) => {
    const inlined = document.getElementById('wasm-gif-inline');
    const bytes = inlined && Uint8Array.from(atob(inlined.textContent.trim()), (c) => c.charCodeAt(0));
    // Without bytes, the glue finds the wasm beside itself in www/pkg.
    await m.default({ module_or_path: bytes ?? undefined });
    return m;
  });
  encoder.catch(() => { encoder = null; });
  return encoder;
}

// Yields to the event loop (progress bar paints, Cancel is heard). A message, unlike setTimeout,
// is not slowed down in a background tab.
const channel = new MessageChannel();
const pending = [];
channel.port1.onmessage = () => pending.shift()?.();
const nextTask = () => new Promise((resolve) => { pending.push(resolve); channel.port2.postMessage(0); });

function canvas(width, height) {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The panels the page shows (a link's panels= hides some). */
function visiblePanels() {
  return [...document.querySelectorAll('.panel')]
    .filter((fig) => !fig.hidden && fig.querySelector('.layers'))
    .map((fig) => ({ key: fig.dataset.panel }));
}

/**
 * Draws `copy` (a detached Lab) for `panels` into one canvas: each panel on a canvas of its own
 * (its data over a copy of its axes, painted on a canvas of their own), copied in page order into the cells of
 * the core's plan, in CSS pixels (rows that fill the image: five panels are three over two wider
 * ones).
 */
function compositor(copy, panels, plan, dpr, style) {
  const px = (v) => Math.round(v * dpr);
  const cells = plan.cells.map(([x, y, w, h]) => ({ x: px(x), y: px(y), w: px(x + w) - px(x), h: px(y + h) - px(y) }));
  const shown = panels.map(({ key }, i) => {
    const [panel, axes] = [canvas(cells[i].w, cells[i].h), canvas(cells[i].w, cells[i].h)];
    copy.attach_flat(key, panel, axes);
    return panel;
  });
  copy.set_style(dpr, style.lang, style.grid, style.dark);
  const out = canvas(px(plan.width), px(plan.height));
  const ctx = out.getContext('2d', { willReadFrequently: true });
  return {
    canvas: out,
    draw() {
      copy.render();
      ctx.clearRect(0, 0, out.width, out.height);
      shown.forEach((panel, i) => ctx.drawImage(panel, cells[i].x, cells[i].y));
      return ctx;
    },
  };
}

/**
 * Wires the export buttons to the page's lab. `handle` is { lab, state, note(text), words() → the
 * page's strings } from the page; options.epochs and
 * options.every override the run (default: the page's epoch target, about 100 frames).
 * Returns (and puts on window.sigmoidExport) a handle for tests and the benchmark.
 */
export function setupExport(handle, options = {}) {
  const $ = (id) => document.getElementById(id);
  const gifButton = $('export-gif');
  const pngButton = $('export-png');
  const progress = $('export-progress');
  const bar = $('export-bar');
  const cancelButton = $('export-cancel');
  const darkQuery = matchMedia('(prefers-color-scheme: dark)');
  const style = () => ({ lang: handle.state.lang, grid: handle.state.grid, dark: darkQuery.matches });
  let running = null;

  function translate() {
    const w = handle.words().export;
    cancelButton.textContent = w.cancel;
    bar.setAttribute('aria-label', w.progress);
  }
  translate();
  // The language switch sets <html lang> once the page has its new words; follow it.
  new MutationObserver(translate).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

  function busy(on) {
    gifButton.disabled = on;
    pngButton.disabled = on;
    gifButton.setAttribute('aria-busy', String(on));
    progress.hidden = !on;
    if (!on && progress.contains(document.activeElement)) gifButton.focus();
  }

  // Said in the page's note box, which shows itself (writing into it alone would stay unseen).
  function failed(e) {
    handle.note(handle.words().export.failed + (e?.message ?? String(e)));
  }

  /** Renders the run and downloads it; resolves to {frames, bytes, ms} or null when cancelled. */
  async function exportGif(opts = {}) {
    if (running) return null;
    const panels = visiblePanels();
    if (!panels.length) return null;
    const epochs = opts.epochs ?? options.epochs ?? handle.state.target;
    const started = performance.now();
    const run = { cancelled: false };
    running = run;
    bar.value = 0;
    busy(true);
    const copy = handle.lab.export_copy(true);
    // Every frame on the same axes: the cost chart's reaches the run's last epoch from the first.
    copy.set_epoch_goal(epochs);
    let gif = null;
    try {
      const { GifEncoder, export_plan } = await loadEncoder();
      // The core's plan, the CLI's too: a step giving too many frames is refused with its reason.
      const plan = export_plan(panels.length, epochs, opts.every ?? options.every);
      const view = compositor(copy, panels, plan, 1, style());
      gif = new GifEncoder(view.canvas.width, view.canvas.height);
      for (let i = 0; i < plan.frames.length; i++) {
        const want = plan.frames[i] - copy.epoch();
        const done = copy.train_epochs(want);
        // A diverging run ends with the frame where it stopped.
        const last = i === plan.frames.length - 1 || done < want;
        const pixels = view.draw().getImageData(0, 0, view.canvas.width, view.canvas.height).data;
        gif.add_frame(pixels, last ? plan.lastDelay : plan.delay);
        bar.value = (i + 1) / plan.frames.length;
        if (last) break;
        await nextTask();
        if (run.cancelled) return null;
      }
      const frames = gif.frames();
      const bytes = gif.finish();
      download(new Blob([bytes], { type: 'image/gif' }), `sigmoid-lab-${copy.epoch()}-epochs.gif`);
      return { frames, bytes: bytes.length, width: view.canvas.width, height: view.canvas.height, ms: performance.now() - started };
    } catch (e) {
      failed(e);
      throw e;
    } finally {
      gif?.free();
      copy.free();
      running = null;
      busy(false);
    }
  }

  /** Saves the visible panels as they are now, at the page's pixel ratio; resolves to {width, height}. */
  async function exportPng() {
    if (running) return null;
    const panels = visiblePanels();
    if (!panels.length) return null;
    const dpr = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
    const copy = handle.lab.export_copy(false);
    try {
      const plan = (await loadEncoder()).export_plan(panels.length, 0);
      const view = compositor(copy, panels, plan, dpr, style());
      view.draw();
      const blob = await new Promise((resolve) => view.canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the browser could not make a PNG');
      download(blob, `sigmoid-lab-epoch-${copy.epoch()}.png`);
      return { width: view.canvas.width, height: view.canvas.height };
    } catch (e) {
      failed(e);
      throw e;
    } finally {
      copy.free();
    }
  }

  /** Saves the visible panels of the current state as SVG, text as text; resolves to {bytes}. */
  async function exportSvg() {
    const panels = visiblePanels();
    if (!panels.length) return null;
    try {
      const m = await loadEncoder();
      // The export module has a memory of its own: the state goes there as its link.
      const text = m.export_svg(stateQuery(handle.lab, handle.state), panels.map((p) => p.key).join(','), handle.state.lang, style().dark);
      download(new Blob([text], { type: 'image/svg+xml' }), `sigmoid-lab-epoch-${handle.lab.epoch()}.svg`);
      return { bytes: text.length };
    } catch (e) {
      failed(e);
      throw e;
    }
  }

  function cancel() {
    if (running) running.cancelled = true;
  }

  gifButton.addEventListener('click', () => { exportGif().catch(() => {}); });
  pngButton.addEventListener('click', () => { exportPng().catch(() => {}); });
  $('export-svg').addEventListener('click', () => { exportSvg().catch(() => {}); });
  cancelButton.addEventListener('click', cancel);
  progress.addEventListener('keydown', (e) => { if (e.key === 'Escape') cancel(); });

  // Fetches and compiles the encoder ahead of the first GIF export.
  const warm = () => loadEncoder().then(() => {}, () => {});
  const api = { exportGif, exportPng, exportSvg, cancel, options, warm, get running() { return running !== null; } };
  window.sigmoidExport = api;
  return api;
}
