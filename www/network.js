// The network stage (`?stage=network`): the lesson-06 network of three neurons, 1-2-1, on the
// lesson-06 beans. Seven sliders, the hidden layer linear or sigmoid, training, and the chain rule
// for a hidden weight beside its derivative by definition. State and every number live in the
// core's NetworkLab handle; this module builds the stage and wires events to it.

import { params, parse_value, from_slider, to_slider, normalize_query } from './pkg/sigmoid_lab.js';
// The network's core is a wasm module of its own, loaded only on this stage (the single-file
// build carries its bytes in the page).
import initNetwork, { NetworkLab, network_seed_params } from './pkg/sigmoid_lab_network.js';
import { createUrlWriter, showUrlNote } from './urlstate.js';
import { loadStrings, applyStrings } from './i18n.js';
import { buildControls } from './controls.js';
import { createLoop } from './loop.js';
import { num, sig } from './format.js';
import { numbersPace, setText } from './text.js';
import { setupAxesImages } from './axesimage.js';

const NAMES = ['w1', 'b1', 'w2', 'b2', 'v1', 'v2', 'c'];
/** The network's own learning rate when a link gives none: the lesson-06 network passes 95% within
 * a hundred epochs with it on the default seed (the single neuron's 0.05 takes thousands). */
const NETWORK_ALPHA = 0.3;
/** Train plays this many epochs (then stops; pressing again goes on as far again). */
const EPOCHS = 1000;
const EPOCHS_PER_FRAME = 10;

/** One chain-rule row: its formula, the number, and for the product the derivative by definition. */
const CHAIN_ROWS = [
  ['z1', 'z1 = w1·x + b1'],
  ['h1', 'h1 = f(z1)'],
  ['a', 'a = g(v1·h1 + v2·h2 + c)'],
  ['e', 'e = (y − a)²'],
  ['deda', 'de/da = −2(y − a)'],
  ['dadz', 'da/dz = g′(z)'],
  ['dzdh1', 'dz/dh1 = v1'],
  ['dh1dz1', 'dh1/dz1 = f′(z1)'],
  ['dz1dw1', 'dz1/dw1 = x'],
  ['dedw1', 'de/dw1 = de/da · da/dz · dz/dh1 · dh1/dz1 · dz1/dw1'],
  ['w1_next', 'w1 ← w1 − α·de/dw1'],
];

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** The stage's markup, put in place of the single-neuron lab. */
function buildStage() {
  // A chart's layers, as the lab's panels: the axes on a canvas, the data in an SVG over them.
  const chart = (key) => {
    const data = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    data.setAttribute('class', 'data');
    data.setAttribute('role', 'img');
    return el('figure', { class: 'panel net-panel', dataset: { net: key } },
      el('div', { class: 'layers' }, el('canvas', { class: 'axes', 'aria-hidden': 'true' }), data));
  };
  const readout = (key, unit = '') => el('div', {}, el('dt', { dataset: { w: key } }), el('dd', {}, el('output', { dataset: { readout: key } }, '—'), unit ? el('span', { class: 'unit' }, unit) : ''));
  const rows = CHAIN_ROWS.map(([key, formula]) => el('tr', { class: key === 'dedw1' ? 'product' : '', dataset: { factor: key } },
    el('th', { scope: 'row' }, formula),
    el('td', {}, el('output', { dataset: { readout: `chain-${key}` } }, '—')),
    el('td', { class: 'numeric' }, ...(key === 'dedw1' ? [el('span', { dataset: { w: 'numeric' } }), ' ', el('output', { dataset: { readout: 'chain-dedw1-numeric' } }, '—')] : []))));
  const select = (id, options) => el('select', { id }, ...options.map(([v, w]) => el('option', { value: v, dataset: { w } }, v)));
  const main = el('main', { id: 'net', class: 'netstage' },
    el('section', { class: 'net-charts', dataset: { wLabel: 'panels' } },
      chart('output'), chart('hidden'), chart('cost'),
      el('figure', { class: 'panel chain-panel net-chain', 'aria-labelledby': 'net-chain-title' },
        el('figcaption', { id: 'net-chain-title', class: 'chain-title' }, el('span', { dataset: { w: 'chainTitle' } }), ' ', el('span', { id: 'net-chain-bean', class: 'chain-bean' })),
        el('table', { class: 'chain' }, el('tbody', {}, ...rows)))),
    el('aside', { class: 'side net-side' },
      el('section', { class: 'controls' },
        el('p', { class: 'explain', dataset: { w: 'intro' } }),
        el('div', { class: 'readouts' }, el('dl', {}, readout('epoch'), readout('cost'), readout('accuracy', '%'), readout('slope'), readout('intercept'))),
        el('div', { class: 'buttons training', role: 'group', dataset: { wLabel: 'training' } },
          el('button', { type: 'button', id: 'net-play', class: 'primary', 'aria-pressed': 'false' }),
          el('button', { type: 'button', id: 'net-bean' }),
          el('button', { type: 'button', id: 'net-epoch' }),
          el('button', { type: 'button', id: 'net-reset' })),
        el('p', { id: 'net-status', class: 'trained-end', role: 'status' }),
        el('div', { class: 'choices' },
          el('label', {}, el('span', { dataset: { w: 'hidden' } }), select('net-hidden', [['sigmoid', ''], ['linear', 'linear']])),
          el('label', {}, el('span', { dataset: { w: 'output' } }), select('net-output', [['sigmoid', ''], ['linear', 'none']]))),
        el('p', { id: 'net-why', class: 'explain net-why' }),
        el('div', { id: 'net-params', class: 'params net-params' }),
        el('div', { class: 'buttons' },
          el('a', { id: 'net-single', class: 'button-link', dataset: { w: 'single' } }),
          el('a', { id: 'net-lab', class: 'button-link', dataset: { w: 'lab' } })),
        el('div', { id: 'net-note', class: 'note', hidden: true }, el('p', { role: 'status', 'aria-live': 'polite' })))));
  document.getElementById('lab').replaceWith(main);
  document.querySelector('.site-footer').hidden = true;
  document.getElementById('network-start')?.remove();
  return main;
}

/** Boots the stage. `url`: the link's settings as main.js read them ({params, problems}). */
export async function bootNetwork({ url, lang: firstLang, langChosen, picture }) {
  const inlined = document.getElementById('wasm-network-inline');
  const bytes = inlined && Uint8Array.from(atob(inlined.textContent.trim()), (c) => c.charCodeAt(0));
  // Without bytes, the glue finds the wasm beside itself in www/pkg.
  await initNetwork({ module_or_path: bytes ?? undefined });
  const q = url.params;
  const specs = new Map(params().map((p) => [p.key, p]));
  const number = (key, fallback = specs.get(key).default) => (q.has(key) ? Number(q.get(key)) : fallback);
  const state = {
    lang: firstLang,
    langChosen,
    seed: number('seed'),
    n: number('n'),
    grid: q.get('grid') !== '0',
    playing: false,
    target: EPOCHS,
    dpr: window.devicePixelRatio || 1,
    embed: q.get('embed') === '1',
  };
  let t = await loadStrings(state.lang, ['network']);
  // The stage's own words, and the lab's where they are the same (训练, 平均代价, …).
  const words = () => t.network;
  const word = (key) => t.network[key] ?? t[key];
  const root = buildStage();
  const $ = (id) => document.getElementById(id);
  const darkQuery = matchMedia('(prefers-color-scheme: dark)');
  document.documentElement.classList.add('network');
  document.documentElement.classList.toggle('embed', state.embed);

  // The seven from the link, each one absent drawn from the seed.
  const seeded = network_seed_params(state.seed);
  const given = NAMES.some((k) => q.has(k)) ? NAMES.map((k, i) => number(k, seeded[i])) : undefined;
  const lab = new NetworkLab(state.seed, state.n, given, number('alpha', NETWORK_ALPHA), q.get('hidden') ?? 'sigmoid', q.get('output') ?? 'sigmoid');
  if (q.has('epochs')) lab.train_epochs(number('epochs'));
  state.target = Math.max(EPOCHS, lab.epoch());

  const readouts = Object.fromEntries([...root.querySelectorAll('[data-readout]')].map((e) => [e.dataset.readout, e]));
  const charts = [...root.querySelectorAll('.net-panel')].map((figure) => {
    const layers = figure.querySelector('.layers');
    return { key: figure.dataset.net, figure, layers, axes: layers.querySelector('canvas.axes'), data: layers.querySelector('svg.data') };
  });
  for (const c of charts) lab.attach(c.key, c.axes, c.data);

  // ---- notes ----
  let noteTimer = 0;
  function note(text) {
    const box = $('net-note');
    box.querySelector('p').textContent = text;
    box.hidden = false;
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => { box.hidden = true; }, 8000);
  }

  // ---- sliders: the seven and α, from the core's parameter table ----
  const core = { parse: parse_value, fromSlider: from_slider, toSlider: to_slider };
  const sliders = buildControls($('net-params'), specs, [...NAMES, 'alpha'].map((key) => ({ key })), core, (key, v) => {
    if (key === 'alpha') lab.set_alpha(v);
    else lab.set_param(key, v);
    state.moved = true;
    loop.request();
  }, note);
  sliders.set('alpha', lab.alpha());

  // ---- training ----
  function setPlaying(on) {
    state.playing = on;
    document.documentElement.classList.toggle('live', on);
    $('net-play').textContent = on ? t.pause : t.play;
    $('net-play').setAttribute('aria-pressed', String(on));
    if (on) {
      if (lab.epoch() >= state.target) state.target = lab.epoch() + EPOCHS;
      // The cost chart's axis reaches the run's end from its start.
      lab.set_epoch_goal(state.target);
      $('net-status').textContent = '';
    }
    // A pause too: its frame writes the numbers the run stopped at.
    loop.request();
  }
  function checkDiverged() {
    if (!lab.diverged()) return false;
    setPlaying(false);
    note(words().diverged);
    return true;
  }
  $('net-play').addEventListener('click', () => setPlaying(!state.playing));
  $('net-bean').addEventListener('click', () => { lab.step_bean(); checkDiverged(); loop.request(); });
  $('net-epoch').addEventListener('click', () => { lab.step_epoch(); checkDiverged(); loop.request(); });
  $('net-reset').addEventListener('click', () => { setPlaying(false); lab.reset(); state.target = EPOCHS; $('net-status').textContent = ''; loop.request(); });
  const layers = () => { lab.set_layers($('net-hidden').value, $('net-output').value); showWhy(); loop.request(); };
  $('net-hidden').value = lab.hidden();
  $('net-output').value = lab.output();
  $('net-hidden').addEventListener('change', layers);
  $('net-output').addEventListener('change', layers);

  // ---- words ----
  function translate() {
    applyStrings(t);
    const w = words();
    for (const e of root.querySelectorAll('[data-w]')) e.textContent = word(e.dataset.w) ?? e.textContent;
    for (const e of root.querySelectorAll('[data-w-label]')) e.setAttribute('aria-label', word(e.dataset.wLabel));
    // Options keep their value as the word when they have none of their own.
    for (const o of root.querySelectorAll('option')) if (!o.dataset.w) o.textContent = o.value;
    document.querySelector('.subtitle').textContent = w.subtitle;
    $('net-play').textContent = state.playing ? t.pause : t.play;
    $('net-bean').textContent = t.bean;
    $('net-epoch').textContent = t.epochBtn;
    $('net-reset').textContent = t.reset;
    $('lang').lang = t.switchLang === 'zh' ? 'zh-CN' : 'en';
    $('tour-start').href = `?tour=1&lang=${state.lang}`;
    $('net-lab').href = `?lang=${state.lang}`;
    $('net-single').title = w.singleHint;
    sliders.translate(t, state.lang);
    showWhy();
    altDirty = true;
  }
  $('lang').addEventListener('click', async () => {
    const lang = t.switchLang;
    try {
      t = await loadStrings(lang, ['network']);
    } catch {
      return; // offline: the page stays in its language
    }
    [state.lang, state.langChosen] = [lang, true];
    translate();
    applyStyle();
  });

  const f2 = (v) => num(v, 2);
  function showWhy() {
    const line = lab.collapsed_line();
    const w = words();
    $('net-why').textContent = line.length
      ? (lab.output() === 'linear' ? w.whyLinearNone : w.whyLinear)(f2(line[0]), f2(line[1]))
      : w.whySigmoid;
    $('net-why').classList.toggle('warn', line.length > 0);
  }

  function applyStyle() {
    lab.set_style(state.dpr, state.lang, state.grid, darkQuery.matches);
    loop.request();
  }
  darkQuery.addEventListener('change', applyStyle);

  // ---- readouts ----
  const fixed = (v) => num(v, 8);
  const six = (v) => num(v, 6);
  let altDirty = true;
  function snapshot() {
    const line = lab.collapsed_line();
    return {
      epoch: String(lab.epoch()),
      cost: num(lab.cost(), 4),
      accuracy: num(lab.accuracy() * 100, 0),
      slope: line.length ? num(line[0], 3) : '—',
      intercept: line.length ? num(line[1], 3) : '—',
      line: line.length ? `${f2(line[0])}·x + ${f2(line[1])}` : null,
    };
  }
  let lastLine = '';
  function updateReadouts() {
    const s = snapshot();
    const c = lab.chain();
    const values = { ...s };
    if (c) {
      for (const key of ['z1', 'h1', 'a', 'e', 'deda', 'dadz', 'dzdh1', 'dh1dz1', 'dz1dw1', 'w1_next']) values[`chain-${key}`] = six(c[key]);
      values['chain-dedw1'] = fixed(c.dedw1);
      values['chain-dedw1-numeric'] = fixed(c.dedw1_numeric);
      setText($('net-chain-bean'), words().chainBean(c.index, num(c.x, 4), String(c.y)));
    }
    for (const [key, e] of Object.entries(readouts)) {
      if (setText(e, values[key] ?? '—')) altDirty = true;
    }
    if (s.line !== lastLine) {
      lastLine = s.line;
      showWhy();
    }
    if (altDirty && !state.playing) {
      altDirty = false;
      for (const c of charts) c.data.setAttribute('aria-label', words().alt[c.key](s));
      const single = new URLSearchParams({ data: lab.beans_pairs(), seed: String(state.seed), alpha: String(lab.alpha()) });
      if (state.langChosen) single.set('lang', state.lang);
      $('net-single').href = `?${normalize_query(single.toString()).query}`;
    }
  }

  // ---- link state ----
  function stateQuery() {
    const p = new URLSearchParams();
    p.set('stage', 'network');
    const origin = lab.origin();
    const start = network_seed_params(state.seed);
    if (NAMES.some((_, i) => origin[i] !== start[i])) NAMES.forEach((k, i) => p.set(k, String(origin[i])));
    if (lab.alpha() !== NETWORK_ALPHA) p.set('alpha', String(lab.alpha()));
    p.set('seed', String(state.seed));
    p.set('n', String(state.n));
    const trained = lab.epoch() - origin[7];
    if (trained > 0) p.set('epochs', String(Math.floor(trained)));
    p.set('hidden', lab.hidden());
    p.set('output', lab.output());
    if (state.langChosen) p.set('lang', state.lang);
    if (!state.grid) p.set('grid', '0');
    if (state.embed) p.set('embed', '1');
    return normalize_query(p.toString()).query;
  }
  const address = createUrlWriter(stateQuery);

  // ---- the frame ----
  const numbersDue = numbersPace();
  function frame(time) {
    if (state.playing) {
      const k = Math.min(EPOCHS_PER_FRAME, state.target - lab.epoch());
      lab.train_epochs(Math.max(1, k));
      if (!checkDiverged() && lab.epoch() >= state.target) {
        setPlaying(false);
        $('net-status').textContent = words().trained(snapshot());
      }
    }
    axesImages.afterRender(lab.render());
    // While values move (training, a drag), the sliders following the seven, the readouts and the
    // chain rule's numbers change at a pace one can read; the charts every frame.
    if (numbersDue(time, state.playing)) {
      for (const k of NAMES) sliders.set(k, lab.param(k));
      updateReadouts();
    }
    if (!state.playing) address.schedule();
    return state.playing || numbersDue.owed();
  }
  const loop = createLoop(frame);
  // The axes as still images once they rest, as in the lab (axesimage.js).
  const axesImages = setupAxesImages(charts, lab, () => loop.request());

  // Canvases at device resolution, re-laid out when a chart changes size or the pixel ratio changes.
  function layout() {
    state.dpr = window.devicePixelRatio || 1;
    for (const { layers, axes } of charts) {
      const rect = layers.getBoundingClientRect();
      const w = Math.max(1, Math.round(rect.width * state.dpr));
      const h = Math.max(1, Math.round(rect.height * state.dpr));
      // Setting the size clears the canvas: the core sees the new size and repaints the axes.
      if (axes.width !== w || axes.height !== h) [axes.width, axes.height] = [w, h];
    }
    lab.set_style(state.dpr, state.lang, state.grid, darkQuery.matches);
    axesImages.afterRender(lab.render());
  }
  const observer = new ResizeObserver(layout);
  for (const { layers } of charts) observer.observe(layers);
  const watchRatio = () => matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`).addEventListener('change', () => { layout(); watchRatio(); }, { once: true });
  watchRatio();

  translate();
  showUrlNote(document, url.problems);
  document.documentElement.classList.remove('booting');
  layout();
  frame();
  setTimeout(address.sync, 0);
  document.documentElement.classList.add('ready');
  // For tests: the live handle.
  window.sigmoidNetwork = {
    lab, state, setPlaying, request: loop.request, stats: loop.stats, numbersOwed: numbersDue.owed,
    axesSettled: axesImages.settled,
    // A chart's picture as one canvas (picture.js, the page's, handed over by main.js).
    layer: (key, cls = 'data') => picture(charts.find((c) => c.key === key), cls),
  };
  return window.sigmoidNetwork;
}
