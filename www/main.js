// Boots the page: loads the core and the words, makes the lab from the link and wires the modules
// (one concern each, with its handle) to it and to the frame. State lives in the core's Lab.

import init, { Lab, force_panic_for_tests, wasm_memory_bytes } from './pkg/sigmoid_lab.js';
import { getSchema } from './schema.js';
import { readUrl, stateQuery, createUrlWriter, showUrlNote } from './urlstate.js';
import { loadStrings, pickLang, setupLanguage } from './i18n.js';
import { setupPanels } from './panels.js';
import { setupAxesImages } from './axesimage.js';
import { panelPicture } from './picture.js';
import { createLoop } from './loop.js';
import { numbersPace } from './text.js';
import { setupChain } from './chain.js';
import { setupProbe } from './probe.js';
import { watchFailures, showFailure } from './failure.js';
import { setupOwnBeans } from './ownbeans.js';
import { setupNoteBox } from './notebox.js';
import { setupReadouts } from './readouts.js';
import { setupLandscapeDrag } from './landscape.js';
import { createTraining } from './training.js';
import { setupTheme } from './theme.js';
import { setupSmallFrame } from './smallframe.js';
import { setupParams } from './params.js';
import { applyView } from './view.js';
import { setupPlayback } from './playback.js';
import { setupSharing } from './sharing.js';
import { loadOnUse } from './lazy.js';

performance.mark('lab:module-start');
// The words of the likely language load while the wasm compiles.
const likelyLang = pickLang();
const likelyWords = loadStrings(likelyLang);
// The single-file build puts the wasm bytes into the page itself (see scripts/build-single.mjs).
const inlined = document.getElementById('wasm-inline');
try {
  await init({ module_or_path: inlined ? Uint8Array.from(atob(inlined.textContent.trim()), (c) => c.charCodeAt(0)) : undefined });
} catch (e) {
  // Without the core there is no lab: say so (the panel is outside the still hidden lab).
  showFailure(String(e?.message ?? e));
  throw e;
}
performance.mark('lab:wasm-ready');

const schema = getSchema();
const specs = new Map(schema.params.map((p) => [p.key, p]));
watchFailures(() => language.words(), () => { state.playing = false; });
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

const url = readUrl(location.search);
const q = url.params;
// Light or dark and the background: the page's classes now, the charts' flag in applyStyle.
const theme = setupTheme(q);
// The network stage (`stage=network`) is a module of its own; the single-neuron lab below does not
// run there.
if (q.get('stage') === 'network') {
  const { bootNetwork } = await import('./network.js');
  await bootNetwork({ url, lang: q.get('lang') ?? likelyLang, langChosen: q.has('lang'), picture: panelPicture });
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
const firstWords = await (state.lang === likelyLang && !tourModule ? likelyWords : loadStrings(state.lang, wordParts));

// The link's beans (its own replace the course's: the seed then only sets w, b), neuron and epochs,
// by the core's rule, which the exports follow too. Epochs are trained at once, or played up to
// when autoplay=1.
const lab = Lab.from_query(q.toString());
lab.set_background(theme.bg);
// (The address was normalised: a `data` it keeps holds usable beans.)
const beansFromLink = q.has('data');
const autoplay = q.get('autoplay') === '1';

// Embed mode; a lesson step has its own panels, controls and readouts (applyView, below).
document.documentElement.classList.toggle('embed', state.embed);
const lessonView = tourModule?.stepView(tourStep);
// The probe starts on a bean-sized x, so the x → z → a readout has numbers from the first screen
// (a figure in a note starts clean).
if (lessonView?.probe !== undefined) lab.set_probe(lessonView.probe);
else if (!state.embed && !lessonView) lab.set_probe(0.5);
// The chain-rule panel opens on the bean whose numbers say the most.
lab.select_bean(lab.steepest_bean());

// Small embeds fold the controls into a button over the charts' corner; titles keep clear of it.
const smallFrame = setupSmallFrame(document, {
  embed: state.embed,
  onFold(on) { lab.set_corner(on); loop.request(); },
});
lab.set_corner(smallFrame.folded());
// Notes: clamped or refused input, divergence, what a click did.
const note = setupNoteBox(document);
const language = setupLanguage(document, { state, parts: wordParts, words: firstWords, note, translate, switched: applyStyle });
const words = language.words;
const request = () => loop.request();

const params = setupParams(document, { lab, state, specs, words, note, changed: request, newBeans: () => newBeans(state.seed) });
applyView(document, q, { lesson: lessonView, embed: state.embed, schema });
const playback = setupPlayback(document, {
  lab, state, specs, words, note, newBeans, request,
  announce: () => readouts.announce(),
  snapshot: () => readouts.snapshot(),
  alphaShown: (v) => params.show('alpha', v),
});
const query = () => stateQuery(lab, state);
const address = createUrlWriter(query);
setupSharing(document, { query, sync: address.sync, words, note });
showUrlNote(document, url.problems);

function newBeans(seed) {
  ownBeans.courseChosen();
  state.seed = seed;
  lab.new_beans(state.seed, state.n);
  lab.select_bean(lab.steepest_bean());
  params.show('seed', state.seed);
}

const $ = (id) => document.getElementById(id);
$('grid').checked = state.grid;
$('grid').addEventListener('change', (e) => { state.grid = e.target.checked; applyStyle(); });

// Each module's own words, after a language switch.
function translate() {
  playback.translate();
  tour?.show();
  slow?.show();
  params.translate(words(), state.lang);
  smallFrame.translate();
  readouts.invalidate();
}

function applyStyle() {
  lab.set_style(state.dpr, state.lang, state.grid, theme.dark());
  loop.request();
}
theme.onChange(applyStyle);

// The readouts, the charts' text alternatives and the live summary.
const readouts = setupReadouts(document, { lab, words, playing: () => state.playing, panels: () => panelsView.panels });

const training = createTraining({
  lab,
  target: () => state.target,
  speed: () => state.speed,
  topSpeed: specs.get('speed').max,
  reducedMotion: () => reducedMotion.matches,
});
const numbersDue = numbersPace();
function frame(time) {
  const start = performance.now();
  let trained = 0;
  if (state.playing) {
    trained = training.train();
    playback.checkDiverged();
    if (lab.epoch() === state.target) {
      playback.setPlaying(false);
      playback.showTrainedEnd();
    }
  }
  // A slow machine's full-speed training frame repaints some of the charts, in turns; any other
  // frame, all that changed.
  axesImages.afterRender(state.playing ? lab.render_at_most(training.panels()) : lab.render());
  // While values move (training, a drag), the numbers (the sliders following w and b, the readouts,
  // the chain rule's table) change at a pace one can read, the charts every frame.
  if (numbersDue(time, state.playing)) {
    params.follow();
    readouts.update();
    updateChain(words());
  }
  tour?.update();
  if (!state.playing) address.schedule();
  training.observe(time, trained, performance.now() - start - trained, loop.stats.renderMs);
  return state.playing || numbersDue.owed();
}
const loop = createLoop(frame);

const panelsView = setupPanels(document, lab, (dpr) => {
  state.dpr = dpr;
  lab.set_style(state.dpr, state.lang, state.grid, theme.dark());
  // Paint now, inside the resize callback, so a resized canvas is never shown blank.
  axesImages.afterRender(lab.render());
});
const axesImages = setupAxesImages(panelsView.panels, lab, () => loop.request());

const updateChain = setupChain(document, lab);
const tour = tourModule?.setupTour(tourStep, {
  lab, words,
  lang: () => state.lang,
  dpr: () => state.dpr,
  dark: () => theme.dark(),
  setParam: params.set,
  request,
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
setupProbe(panelsView.panels, lab, request, {
  on: () => $('edit-beans').checked,
  click: (bean, at) => ownBeans.click(bean, at),
});

// The cost landscape: click or drag to put the neuron at (w, b).
setupLandscapeDrag(panelsView.panels.find((p) => p.key === 'landscape'), lab, request);

const ownBeans = setupOwnBeans(document, {
  lab, words, note,
  stopped: () => playback.setPlaying(false),
  changed: request,
  course: () => newBeans(state.seed),
});
state.beans = ownBeans;
if (beansFromLink) ownBeans.fromLink();

// Slow motion and export load on first use.
const failed = (e) => note(String(e?.message ?? e));
let slow = null;
loadOnUse([$('slow-start')], () => Promise.all([import('./slowstep.js'), language.need('slow')]).then(([m]) => {
  slow = m.setupSlowStep(lab, words, request, () => playback.setPlaying(false));
}), { failed });
const loadExport = loadOnUse([$('export-gif'), $('export-png'), $('export-svg')],
  () => import('./export.js').then((m) => m.setupExport({ lab, state, note, words })), { warm: (api) => api.warm(), failed });

language.apply();
applyStyle();
// A link that plays at once lays its first frame out with the run's line under the buttons.
if (autoplay) playback.showRunStart();
performance.mark('lab:first-frame');
// Size the canvases now rather than when the ResizeObserver first reports: the first frame is then
// drawn once, at its real size.
document.documentElement.classList.remove('booting');
panelsView.layout();
frame();
performance.mark('lab:first-frame-done');
// The address gets its normalised form just after the first paint.
setTimeout(address.sync, 0);
if (autoplay) playback.setPlaying(true);
document.documentElement.classList.add('ready');

// For tests and the benchmark only (not an API): the live handle and the frame counter.
window.sigmoidLab = {
  lab, state, stats: loop.stats, setPlaying: playback.setPlaying, request: loop.request, loadExport,
  // A panel's picture by layer, as one canvas (picture.js).
  layer: (panel, cls) => panelPicture(panelsView.panels.find((p) => p.key === panel), cls),
  axesSettled: axesImages.settled,
  // Whether the numbers on the page lag the lab (their pace, text.js) until a coming frame.
  numbersOwed: numbersDue.owed,
  // The page's own wasm instance (the bundle's), for the robustness tests.
  debug: { force_panic_for_tests, wasm_memory_bytes },
};
