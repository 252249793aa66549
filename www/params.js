// The lab's settings (sliders, fields, the model's choices) and what a change to each does.

import { parse_value, from_slider, to_slider } from './pkg/sigmoid_lab.js';
import { buildControls } from './controls.js';
import { sig } from './format.js';

const core = { parse: parse_value, fromSlider: from_slider, toSlider: to_slider };
// From this α on a step can jump past the valley: the page says so, so a jumping cost is expected.
const LARGE_ALPHA = 2;

/** host: { lab, state, specs, words(), note, changed(), newBeans() }. Returns { set, show, follow, translate }. */
export function setupParams(doc, host) {
  const { lab, state, specs, note } = host;
  const $ = (id) => doc.getElementById(id);
  const applyLogistic = () => lab.set_logistic(logistic.get('l'), logistic.get('k'), logistic.get('x0'));

  function onParam(key, v) {
    if (key === 'w') lab.set_params(v, lab.b());
    else if (key === 'b') lab.set_params(lab.w(), v);
    else if (key === 'alpha') {
      lab.set_alpha(v);
      if (v >= LARGE_ALPHA) note(host.words().largeAlpha(sig(v)));
    }
    else if (key === 'speed') state.speed = v;
    else if (key === 'l' || key === 'k' || key === 'x0') applyLogistic();
    else if (key === 'seed' || key === 'n') {
      state[key] = v;
      host.newBeans();
    }
    host.changed();
  }
  const main = buildControls($('params'), specs, [{ key: 'w' }, { key: 'b' }, { key: 'alpha' }], core, onParam, note);
  const logistic = buildControls($('logistic'), specs, [{ key: 'l' }, { key: 'k' }, { key: 'x0' }], core, onParam, note);
  const extra = buildControls($('extra'), specs, [{ key: 'speed' }, { key: 'seed', slider: false }, { key: 'n', slider: false }], core, onParam, note);
  const groups = [main, logistic, extra];
  const groupOf = { w: main, b: main, alpha: main, l: logistic, k: logistic, x0: logistic, speed: extra, seed: extra, n: extra };
  // The controls start where the lab and the link put the settings.
  ['l', 'k', 'x0'].forEach((key, i) => logistic.set(key, lab.logistic()[i]));
  main.set('alpha', lab.alpha());
  for (const key of ['speed', 'seed', 'n']) extra.set(key, state[key]);

  // ---- the model: activation and cost ----
  $('activation').value = lab.activation();
  $('cost').value = lab.cost_fn();
  $('activation').addEventListener('change', (e) => { lab.set_activation(e.target.value); showModel(); host.changed(); });
  $('cost').addEventListener('change', (e) => { lab.set_cost(e.target.value); showModel(); host.changed(); });
  function showModel() {
    const step = lab.activation() === 'step';
    $('step-why').hidden = !step;
    // The family's shape applies to the sigmoid; picking it again restores the chosen shape.
    for (const el of $('logistic').querySelectorAll('input')) el.disabled = step;
    if (!step) applyLogistic();
  }
  showModel();

  return {
    /** As if the learner moved it (show: only shown); follow: w and b's sliders follow the lab. */
    set(key, v) {
      groupOf[key].set(key, v);
      onParam(key, v);
    },
    show: (key, v) => groupOf[key].set(key, v),
    follow() {
      main.set('w', lab.w());
      main.set('b', lab.b());
    },
    translate(t, lang) {
      for (const g of groups) g.translate(t, lang);
    },
  };
}
