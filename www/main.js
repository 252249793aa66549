// Boots the page: loads the core, builds the controls from its parameter table, and runs the
// animation loop. State lives in the core's Lab handle; this file only wires events to it.

import init, { Lab, params, parse_value, from_slider, to_slider } from './pkg/sigmoid_lab.js';
import { STRINGS, pickLang, applyStrings } from './i18n.js';
import { buildControls, fieldText } from './controls.js';
import { setupPanels } from './panels.js';
import { createLoop } from './loop.js';
import { num, sig } from './format.js';

await init({ module_or_path: new URL('./pkg/sigmoid_lab_bg.wasm', import.meta.url) });

const specs = new Map(params().map((p) => [p.key, p]));
const darkQuery = matchMedia('(prefers-color-scheme: dark)');
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

const state = {
  lang: pickLang(),
  grid: true,
  playing: false,
  speed: specs.get('speed').default,
  seed: specs.get('seed').default,
  n: specs.get('n').default,
  target: specs.get('epochs').default,
  dpr: window.devicePixelRatio || 1,
};
let t = STRINGS[state.lang];

const lab = new Lab(state.seed, state.n, undefined, undefined, specs.get('alpha').default);
const $ = (id) => document.getElementById(id);
const readouts = Object.fromEntries([...document.querySelectorAll('[data-readout]')].map((el) => [el.dataset.readout, el]));

// ---- notes (clamped or refused input, divergence) ----
const noteEl = $('note');
let noteTimer = 0;
function note(text) {
  noteEl.textContent = text;
  noteEl.hidden = false;
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => { noteEl.hidden = true; }, 8000);
}

// ---- controls ----
const core = { parse: parse_value, fromSlider: from_slider, toSlider: to_slider };
function onParam(key, v) {
  if (key === 'w') lab.set_params(v, lab.b());
  else if (key === 'b') lab.set_params(lab.w(), v);
  else if (key === 'alpha') lab.set_alpha(v);
  else if (key === 'speed') state.speed = v;
  else if (key === 'seed' || key === 'n') {
    state[key] = v;
    newBeans(state.seed);
  }
  loop.request();
}
const main = buildControls($('params'), specs, [{ key: 'w' }, { key: 'b' }, { key: 'alpha' }], core, onParam, note);
const extra = buildControls($('extra'), specs, [{ key: 'speed' }, { key: 'seed', slider: false }, { key: 'n', slider: false }], core, onParam, note);

function newBeans(seed) {
  state.seed = seed;
  lab.new_beans(state.seed, state.n);
  extra.set('seed', state.seed);
}

function setPlaying(on) {
  state.playing = on;
  const btn = $('play');
  btn.textContent = on ? t.pause : t.play;
  btn.setAttribute('aria-pressed', String(on));
  if (on) loop.request();
  else announce();
}

$('play').addEventListener('click', () => setPlaying(!state.playing));
$('bean').addEventListener('click', () => { lab.step_bean(); checkDiverged(); loop.request(); });
$('epoch').addEventListener('click', () => { lab.step_epoch(); checkDiverged(); loop.request(); announce(); });
$('reset').addEventListener('click', () => { setPlaying(false); lab.reset(); loop.request(); });
$('beans').addEventListener('click', () => { setPlaying(false); newBeans((state.seed + 1) % (specs.get('seed').max + 1)); loop.request(); });
$('grid').addEventListener('change', (e) => { state.grid = e.target.checked; applyStyle(); });
$('lang').addEventListener('click', () => { state.lang = t.switchLang; translate(); applyStyle(); });

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

function checkDiverged() {
  const at = lab.diverged_at();
  if (at !== undefined) {
    setPlaying(false);
    note(t.diverged(at));
  }
}

// ---- language and theme ----
function translate() {
  t = applyStrings(state.lang);
  const sw = $('lang');
  sw.textContent = t.switchTo;
  sw.lang = t.switchLang === 'zh' ? 'zh-CN' : 'en';
  $('play').textContent = state.playing ? t.pause : t.play;
  $('bean').textContent = t.bean;
  $('epoch').textContent = t.epochBtn;
  $('reset').textContent = t.reset;
  $('beans').textContent = t.beans;
  main.translate(t, state.lang);
  extra.translate(t, state.lang);
  altDirty = true;
}

function applyStyle() {
  lab.set_style(state.dpr, state.lang, state.grid, darkQuery.matches);
  loop.request();
}
darkQuery.addEventListener('change', applyStyle);

// ---- readouts, text alternatives and the live summary ----
function snapshot() {
  const boundary = lab.boundary();
  return {
    w: num(lab.w(), 3),
    b: num(lab.b(), 3),
    alpha: sig(lab.alpha()),
    epoch: String(lab.epoch()),
    cost: num(lab.cost(), 4),
    boundary: boundary === undefined ? null : num(boundary, 3),
    accuracy: num(lab.accuracy() * 100, 0),
  };
}

let altDirty = true;
function updateReadouts() {
  const s = snapshot();
  for (const [key, el] of Object.entries(readouts)) {
    const text = s[key] ?? '—';
    if (el.textContent !== text) {
      el.textContent = text;
      altDirty = true;
    }
  }
  // Text alternatives change with the curves, but screen readers need them only once things settle.
  if (altDirty && !state.playing) {
    altDirty = false;
    for (const p of panelsView.panels) p.data.setAttribute('aria-label', t.panelAlt[p.key]({ ...s, boundary: s.boundary ?? '—' }));
  }
}

function announce() {
  $('summary').textContent = t.summary(snapshot());
}

// ---- the frame ----
function frame() {
  if (state.playing) {
    const left = lab.epoch() < state.target ? state.target - lab.epoch() : Infinity;
    const k = Math.max(1, Math.min(reducedMotion.matches ? Math.max(state.speed, 50) : state.speed, left));
    lab.train_epochs(k);
    checkDiverged();
    if (lab.epoch() === state.target) setPlaying(false);
  }
  // The sliders follow w and b wherever they come from (training, steps, reset).
  main.set('w', lab.w());
  main.set('b', lab.b());
  lab.render();
  updateReadouts();
  return state.playing;
}
const loop = createLoop(frame);

const panelsView = setupPanels(document, lab, (dpr) => {
  state.dpr = dpr;
  lab.set_style(state.dpr, state.lang, state.grid, darkQuery.matches);
  // Paint now, inside the resize callback, so a resized canvas is never shown blank.
  lab.render();
});

translate();
main.set('alpha', lab.alpha());
extra.set('speed', state.speed);
extra.set('seed', state.seed);
extra.set('n', state.n);
applyStyle();
frame();
document.documentElement.classList.add('ready');

// For tests and the benchmark: the live handle and the frame counter.
window.sigmoidLab = { lab, state, stats: loop.stats, setPlaying, request: loop.request };
