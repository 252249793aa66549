// Boots the page: loads the core, builds the controls from its parameter table, and runs the
// animation loop. State lives in the core's Lab handle; this file only wires events to it.

import init, { Lab, parse_value, from_slider, to_slider } from './pkg/sigmoid_lab.js';
import { getSchema } from './schema.js';
import { readUrl, stateQuery, writeUrl } from './urlstate.js';
import { loadStrings, pickLang, applyStrings } from './i18n.js';
import { buildControls } from './controls.js';
import { setupPanels } from './panels.js';
import { createLoop } from './loop.js';
import { sig } from './format.js';
import { setupChain } from './chain.js';
import { setupProbe } from './probe.js';
import { watchFailures, showFailure } from './failure.js';
import { setupSlowStep } from './slowstep.js';
import { setupOwnBeans } from './ownbeans.js';
import { setupNoteBox } from './notebox.js';
import { setupReadouts } from './readouts.js';
import { setupLandscapeDrag } from './landscape.js';
import { createTraining } from './training.js';
import { setupTheme } from './theme.js';
import { setupSmallFrame } from './smallframe.js';

performance.mark('lab:module-start');
// The words of the likely language load while the wasm compiles.
const likelyLang = pickLang();
const likelyWords = loadStrings(likelyLang);
// The single-file build puts the wasm bytes into the page itself (see scripts/build-single.mjs).
const inlined = document.getElementById('wasm-inline');
try {
  await init({ module_or_path: inlined ? Uint8Array.from(atob(inlined.textContent.trim()), (c) => c.charCodeAt(0)) : new URL('./pkg/sigmoid_lab_bg.wasm', import.meta.url) });
} catch (e) {
  // Without the core there is no lab: say so (the panel is outside the still hidden lab).
  showFailure(String(e?.message ?? e));
  throw e;
}
performance.mark('lab:wasm-ready');

const schema = getSchema();
const specs = new Map(schema.params.map((p) => [p.key, p]));
watchFailures(() => t, () => { state.playing = false; });
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

const url = readUrl(location.search);
const q = url.params;
// Light or dark and the background: the page's classes now, the charts' flag in applyStyle.
const theme = setupTheme(q);
// The network stage (`stage=network`) is a module of its own; the single-neuron lab below does not
// run there.
if (q.get('stage') === 'network') {
  const { bootNetwork } = await import('./network.js');
  await bootNetwork({ url, lang: q.get('lang') ?? likelyLang, langChosen: q.has('lang') });
  await new Promise(() => {});
}
// The tour's code loads only on a tour page. A bare tour link opens the step with its settings
// (the page reloads there).
const tourStep = Number(q.get('tour') ?? 0);
const tourModule = tourStep ? await import('./tour.js') : null;
if (tourModule?.redirectBareStep(tourStep, location.search, q.get('lang'))) await new Promise(() => {});
const number = (key) => (q.has(key) ? Number(q.get(key)) : specs.get(key).default);

const state = {
  lang: q.get('lang') ?? pickLang(),
  langChosen: q.has('lang'),
  grid: q.get('grid') !== '0',
  playing: false,
  speed: number('speed'),
  seed: number('seed'),
  n: number('n'),
  target: number('epochs'),
  dpr: window.devicePixelRatio || 1,
  embed: q.get('embed') === '1',
  // Settings that only a link sets; written back unchanged.
  kept: new Map(schema.linkOnly.filter((k) => q.has(k)).map((k) => [k, q.get(k)])),
};
// A lesson step also has the lesson path's words.
const wordParts = tourModule ? ['tour'] : [];
let t = await (state.lang === likelyLang && !tourModule ? likelyWords : loadStrings(state.lang, wordParts));

const lab = new Lab(state.seed, state.n, q.has('w') ? number('w') : undefined, q.has('b') ? number('b') : undefined, number('alpha'));
lab.set_activation(q.get('activation') ?? 'sigmoid');
lab.set_cost(q.get('cost') ?? 'mse');
lab.set_logistic(number('l'), number('k'), number('x0'));
lab.set_background(theme.bg);
// A link's own beans replace the course's before any training (the seed then only sets w, b).
const beansFromLink = q.has('data') && lab.load_pairs(q.get('data'));
// A link's epochs: trained at once, or played up to when autoplay=1.
const autoplay = q.get('autoplay') === '1';
if (q.has('epochs') && !autoplay) lab.train_epochs(state.target);

// Embed mode and the panels and controls a link asks for (a lesson step has its own).
document.documentElement.classList.toggle('embed', state.embed);
const lessonView = tourModule?.stepView(tourStep);
// Embedded without a list: the lesson's three function panels.
const shownPanels = q.get('panels')?.split(',') ?? lessonView?.panels ?? (state.embed ? schema.embedPanels : undefined);
for (const fig of document.querySelectorAll('.panel')) fig.hidden = shownPanels ? !shownPanels.includes(fig.dataset.panel) : false;
const shownControls = q.get('controls')?.split(',') ?? lessonView?.controls ?? (state.embed ? schema.embedControls : null);
// The probe starts on a bean-sized x, so the x → z → a readout has numbers from the first screen
// (a figure in a note starts clean).
if (lessonView?.probe !== undefined) lab.set_probe(lessonView.probe);
else if (!state.embed && !lessonView) lab.set_probe(0.5);
// The chain-rule panel opens on the bean whose numbers say the most.
lab.select_bean(lab.steepest_bean());

const $ = (id) => document.getElementById(id);
// Small embeds fold the controls into a button over the charts' corner; titles keep clear of it.
const smallFrame = setupSmallFrame(document, {
  embed: state.embed,
  onFold(on) { lab.set_corner(on); loop.request(); },
});
lab.set_corner(smallFrame.folded());

// ---- notes (clamped or refused input, divergence) ----
const note = setupNoteBox(document);

// ---- controls ----
const core = { parse: parse_value, fromSlider: from_slider, toSlider: to_slider };
function onParam(key, v) {
  if (key === 'w') lab.set_params(v, lab.b());
  else if (key === 'b') lab.set_params(lab.w(), v);
  else if (key === 'alpha') {
    lab.set_alpha(v);
    if (v >= LARGE_ALPHA) note(t.largeAlpha(sig(v)));
  }
  else if (key === 'speed') state.speed = v;
  else if (key === 'l' || key === 'k' || key === 'x0') lab.set_logistic(logistic.get('l'), logistic.get('k'), logistic.get('x0'));
  else if (key === 'seed' || key === 'n') {
    state[key] = v;
    newBeans(state.seed);
  }
  loop.request();
}
const main = buildControls($('params'), specs, [{ key: 'w' }, { key: 'b' }, { key: 'alpha' }], core, onParam, note);
const logistic = buildControls($('logistic'), specs, [{ key: 'l' }, { key: 'k' }, { key: 'x0' }], core, onParam, note);
['l', 'k', 'x0'].forEach((key, i) => logistic.set(key, lab.logistic()[i]));
const extra = buildControls($('extra'), specs, [{ key: 'speed' }, { key: 'seed', slider: false }, { key: 'n', slider: false }], core, onParam, note);

// Which controls show (a link's controls=, or a compact set when embedded).
if (shownControls) {
  const controlOf = (el) => ({ seed: 'beans', n: 'beans', l: 'model', k: 'model', x0: 'model' }[el.dataset.key] ?? el.dataset.key ?? el.dataset.control);
  for (const el of document.querySelectorAll('.param, [data-control]')) el.hidden = !shownControls.includes(controlOf(el));
  $('shortcuts').hidden = state.embed || Boolean(lessonView);
}
// A lesson step shows the readouts it talks about (the probe row counts as one).
if (lessonView) {
  for (const el of document.querySelectorAll('.readouts dl > div')) {
    const key = el.classList.contains('probe-row') ? 'probe' : el.querySelector('[data-readout]').dataset.readout;
    el.hidden = !lessonView.readouts.includes(key);
  }
  $('lab').querySelector('.readouts').hidden = !lessonView.readouts.length;
  $('lab').querySelector('.side').hidden = !lessonView.readouts.length && !lessonView.controls.length;
}

// ---- link state, sharing ----
function showUrlProblems(problems) {
  if (!problems.length) return;
  $('url-note-title').textContent = t.urlProblems;
  $('url-note-list').replaceChildren(...problems.map((p) => {
    const li = document.createElement('li');
    li.textContent = p.text; // as text: a link can never inject markup
    li.dataset.key = p.key;
    return li;
  }));
  $('url-note').hidden = false;
}
$('url-note-close').addEventListener('click', () => { $('url-note').hidden = true; });

async function share(text) {
  const box = $('share-text');
  box.value = text;
  box.hidden = false;
  try {
    await navigator.clipboard.writeText(text);
    note(t.copied);
  } catch {
    box.focus();
    box.select();
    note(t.copyFailed);
  }
}
$('copy-link').addEventListener('click', () => { syncUrl(); share(location.href); });
// The embed builder (www/embedbuilder.js) loads on the first click.
let embedBuilder = null;
$('copy-embed').addEventListener('click', () => {
  syncUrl();
  embedBuilder ??= import('./embedbuilder.js');
  embedBuilder.then((m) => m.openEmbedBuilder({ query: stateQuery(lab, state), words: t, copy: share }));
});

function syncUrl() {
  clearTimeout(urlTimer);
  writeUrl(stateQuery(lab, state));
}
// The address is written once things settle, not every frame of a drag: browsers limit how often
// a page may call replaceState.
let urlTimer = 0;
function scheduleUrl() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(syncUrl, 250);
}

function newBeans(seed) {
  ownBeans.courseChosen();
  state.seed = seed;
  lab.new_beans(state.seed, state.n);
  lab.select_bean(lab.steepest_bean());
  extra.set('seed', state.seed);
}

function setPlaying(on) {
  state.playing = on;
  // While training runs, a phone keeps x → a in view (see style.css).
  document.documentElement.classList.toggle('live', on);
  if (on) $('trained-end').hidden = true;
  const btn = $('play');
  btn.textContent = on ? t.pause : t.play;
  btn.setAttribute('aria-pressed', String(on));
  if (on) loop.request();
  else announce();
}

$('play').addEventListener('click', () => setPlaying(!state.playing));
$('bean').addEventListener('click', () => { lab.step_bean(); checkDiverged(); loop.request(); });
$('epoch').addEventListener('click', () => { lab.step_epoch(); checkDiverged(); loop.request(); announce(); });
$('reset').addEventListener('click', () => { setPlaying(false); $('trained-end').hidden = true; lab.reset(); loop.request(); });
$('beans').addEventListener('click', () => { setPlaying(false); newBeans((state.seed + 1) % (specs.get('seed').max + 1)); loop.request(); });
$('grid').addEventListener('change', (e) => { state.grid = e.target.checked; applyStyle(); });
$('lang').addEventListener('click', async () => {
  const lang = t.switchLang;
  let words;
  try {
    words = await loadStrings(lang, wordParts);
  } catch {
    note(t.langFailed); // offline, say: the page stays as it is
    return;
  }
  [state.lang, state.langChosen, t] = [lang, true, words];
  translate();
  applyStyle();
});
$('grid').checked = state.grid;
$('activation').value = lab.activation();
$('cost').value = lab.cost_fn();
$('activation').addEventListener('change', (e) => { lab.set_activation(e.target.value); showModel(); loop.request(); });
$('cost').addEventListener('change', (e) => { lab.set_cost(e.target.value); showModel(); loop.request(); });
function showModel() {
  const step = lab.activation() === 'step';
  $('step-why').hidden = !step;
  // The family's shape applies to the sigmoid; picking it again restores the chosen shape.
  for (const el of $('logistic').querySelectorAll('input')) el.disabled = step;
  if (!step) lab.set_logistic(logistic.get('l'), logistic.get('k'), logistic.get('x0'));
}
showModel();

// Shortcuts, unless typing in a field.
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const tag = e.target.tagName;
  if (tag === 'INPUT' && e.target.type === 'text') return;
  if (e.key === ' ' && !(tag === 'BUTTON' || tag === 'INPUT')) { e.preventDefault(); setPlaying(!state.playing); }
  else if (e.key === '.' ) $('bean').click();
  else if (e.key === 'e' || e.key === 'E') $('epoch').click();
  else if (e.key === 'r' || e.key === 'R') $('reset').click();
});

// From this α on a step can jump past the valley: the page says so, so a jumping cost is expected.
const LARGE_ALPHA = 2;
function checkDiverged() {
  const at = lab.diverged_at();
  if (at !== undefined) {
    setPlaying(false);
    // The core has already gone back to the last good state; one click goes on with a smaller α.
    note(t.diverged(at), {
      label: t.smallerAlpha,
      run() {
        const alpha = Math.max(specs.get('alpha').min, lab.alpha() / 10);
        lab.set_alpha(alpha);
        lab.recover();
        main.set('alpha', lab.alpha());
        loop.request();
      },
    });
  }
}

// ---- language and theme ----
function translate() {
  applyStrings(t);
  const sw = $('lang');
  sw.textContent = t.switchTo;
  sw.lang = t.switchLang === 'zh' ? 'zh-CN' : 'en';
  $('play').textContent = state.playing ? t.pause : t.play;
  $('bean').textContent = t.bean;
  $('epoch').textContent = t.epochBtn;
  $('reset').textContent = t.reset;
  $('beans').textContent = t.beans;
  $('copy-link').textContent = t.copyLink;
  $('copy-embed').textContent = t.copyEmbed;
  $('share-text').setAttribute('aria-label', t.shareText);
  $('url-note-close').textContent = t.dismiss;
  if (!$('url-note').hidden) $('url-note-title').textContent = t.urlProblems;
  $('tour-start').textContent = t.tourStart;
  $('tour-start').href = `?tour=1&lang=${state.lang}`;
  $('network-start').textContent = t.networkStart;
  $('network-start').href = `?stage=network&lang=${state.lang}`;
  tour?.show();
  slow.show();
  main.translate(t, state.lang);
  logistic.translate(t, state.lang);
  extra.translate(t, state.lang);
  smallFrame.translate();
  readouts.invalidate();
}

function applyStyle() {
  lab.set_style(state.dpr, state.lang, state.grid, theme.dark());
  loop.request();
}
theme.onChange(applyStyle);

// ---- readouts, text alternatives and the live summary ----
const readouts = setupReadouts(document, { lab, words: () => t, playing: () => state.playing, panels: () => panelsView.panels });
const snapshot = readouts.snapshot;
const announce = readouts.announce;

/** Training reached its epoch: where the boundary settled and how many beans are right. */
function showTrainedEnd() {
  const el = $('trained-end');
  el.textContent = t.trainedEnd(snapshot());
  el.hidden = false;
}

// ---- the frame ----
const training = createTraining({
  lab,
  target: () => state.target,
  speed: () => state.speed,
  topSpeed: specs.get('speed').max,
  reducedMotion: () => reducedMotion.matches,
});
function frame(time) {
  const start = performance.now();
  let trained = 0;
  if (state.playing) {
    trained = training.train();
    checkDiverged();
    if (lab.epoch() === state.target) {
      setPlaying(false);
      showTrainedEnd();
    }
  }
  // The sliders follow w and b wherever they come from (training, steps, reset).
  main.set('w', lab.w());
  main.set('b', lab.b());
  lab.render();
  readouts.update();
  updateChain(t);
  tour?.update();
  if (!state.playing) scheduleUrl();
  training.observe(time, trained, performance.now() - start - trained);
  return state.playing;
}
const loop = createLoop(frame);

const panelsView = setupPanels(document, lab, (dpr) => {
  state.dpr = dpr;
  lab.set_style(state.dpr, state.lang, state.grid, theme.dark());
  // Paint now, inside the resize callback, so a resized canvas is never shown blank.
  lab.render();
});

const updateChain = setupChain(document, lab);
const slow = setupSlowStep(lab, () => t, () => loop.request(), () => setPlaying(false));
const tour = tourModule?.setupTour(tourStep, {
  lab,
  lang: () => state.lang,
  words: () => t,
  dpr: () => state.dpr,
  dark: () => theme.dark(),
  setParam(key, v) {
    main.set(key, v);
    onParam(key, v);
  },
  request: () => loop.request(),
  // The whole lab in the state the step left, one click away.
  fullLab() {
    const kept = new Map(state.kept);
    kept.delete('tour');
    return `?${stateQuery(lab, { ...state, kept })}`;
  },
  controlsShown(on) {
    $('lab').querySelector('.controls').classList.toggle('waiting', !on);
  },
});
setupProbe(panelsView.panels, lab, () => loop.request(), {
  on: () => $('edit-beans').checked,
  click: (bean, at) => ownBeans.click(bean, at),
});

// ---- the cost landscape: click or drag to put the neuron at (w, b) ----
setupLandscapeDrag(panelsView.panels.find((p) => p.key === 'landscape'), lab, () => loop.request());

// ---- your own beans (the link carries them) ----
const ownBeans = setupOwnBeans(document, {
  lab,
  words: () => t,
  note,
  stopped: () => setPlaying(false),
  changed: () => loop.request(),
  course: () => newBeans(state.seed),
});
state.beans = ownBeans;
if (beansFromLink) ownBeans.fromLink();

translate();
main.set('alpha', lab.alpha());
extra.set('speed', state.speed);
extra.set('seed', state.seed);
extra.set('n', state.n);
applyStyle();
showUrlProblems(url.problems);
performance.mark('lab:first-frame');
// Size the canvases now rather than when the ResizeObserver first reports: the first frame is then
// drawn once, at its real size.
document.documentElement.classList.remove('booting');
panelsView.layout();
frame();
performance.mark('lab:first-frame-done');
// The address gets its normalised form just after the first paint.
setTimeout(syncUrl, 0);
if (autoplay) setPlaying(true);
document.documentElement.classList.add('ready');

// For tests and the benchmark: the live handle and the frame counter.
window.sigmoidLab = {
  lab, state, stats: loop.stats, setPlaying, request: loop.request, loadExport,
  // A panel's canvas by layer: `data` is the one on the page, `axes` and `ink` are off-page.
  layer: (panel, cls) => panelsView.panels.find((p) => p.key === panel)?.[cls],
};

// Export code (and its GIF encoder) loads on first use: most visits never export. The first click
// waits for it and is then handed on to it.
let exportModule = null;
function loadExport() {
  exportModule ??= import('./export.js').then((m) => m.setupExport({ lab, state, note, words: () => t }));
  exportModule.catch((e) => { exportModule = null; note(String(e?.message ?? e)); });
  return exportModule;
}
// A pointer over the export buttons or focus on them fetches the code ahead of the click.
const exportButtons = $('export-gif').parentElement;
const warmExport = () => loadExport().then((api) => api.warm(), () => {});
exportButtons.addEventListener('pointerenter', warmExport, { once: true });
exportButtons.addEventListener('focusin', warmExport, { once: true });
for (const button of [$('export-gif'), $('export-png'), $('export-svg')]) {
  button.addEventListener('click', async (e) => {
    if (window.sigmoidExport) return;
    e.stopImmediatePropagation();
    try {
      await loadExport();
    } catch {
      return; // the note says why
    }
    button.click();
  });
}
