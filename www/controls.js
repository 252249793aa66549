// Slider + number field pairs built from the core's parameter table. The field takes what people
// type (unicode minus, decimal comma); the core decides what is valid; the page says what it did.

import { num, sig } from './format.js';

const POSITIONS = 1000;

/** `input` in a slot of its row: the input itself is then no flex item, so a new value lays out
 * the input alone (style.css makes it a box of fixed size) rather than the page around it. */
function slot(input, className) {
  const span = document.createElement('span');
  span.className = className;
  span.append(input);
  return span;
}

/** How a parameter's value is written in its field. */
function fieldText(spec, v) {
  if (spec.integer) return String(Math.round(v));
  if (spec.scale === 'log') return sig(v);
  return num(v, 2);
}

/**
 * Builds one row per key into `container`. `core` has parse(key, text), fromSlider(key, s) and
 * toSlider(key, v); `onChange(key, value)` hears every accepted change; `note(text)` shows a message.
 * `slider: false` gives a field only.
 */
export function buildControls(container, specs, rows, core, onChange, note) {
  const byKey = new Map();
  for (const { key, slider = true } of rows) {
    const spec = specs.get(key);
    const row = document.createElement('div');
    row.className = 'param';
    row.dataset.key = key;
    const label = document.createElement('label');
    label.htmlFor = `p-${key}-field`;
    const name = document.createElement('span');
    name.className = 'name';
    const hint = document.createElement('span');
    hint.className = 'hint';
    label.append(name, hint);
    const inputs = document.createElement('div');
    inputs.className = 'inputs';
    let range = null;
    if (slider) {
      range = document.createElement('input');
      range.type = 'range';
      range.id = `p-${key}-range`;
      range.min = '0';
      range.max = String(POSITIONS);
      range.step = '1';
      inputs.append(slot(range, 'slot slider'));
    }
    const field = document.createElement('input');
    field.type = 'text';
    field.id = `p-${key}-field`;
    field.inputMode = 'decimal';
    field.autocomplete = 'off';
    field.spellcheck = false;
    field.className = 'field';
    inputs.append(slot(field, 'slot'));
    row.append(label, inputs);
    container.append(row);

    const entry = { spec, row, name, hint, range, field, value: spec.default, label: '' };
    byKey.set(key, entry);
    show(entry, spec.default);

    range?.addEventListener('input', () => {
      const v = core.fromSlider(key, Number(range.value) / POSITIONS);
      show(entry, v, { slider: false });
      onChange(key, v);
    });
    field.addEventListener('change', () => commit(entry));
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') commit(entry);
      if (e.key === 'Escape') show(entry, entry.value);
    });
  }

  function commit(entry) {
    const key = entry.spec.key;
    const text = entry.field.value;
    if (text === fieldText(entry.spec, entry.value)) return;
    const r = core.parse(key, text);
    if (r.status === 'rejected') {
      note(messages.rejected(entry.label, text.slice(0, 40)));
      show(entry, entry.value, { typed: true });
      return;
    }
    if (r.status === 'clamped') note(messages.clamped(entry.label, text.slice(0, 40), fieldText(entry.spec, r.value)));
    show(entry, r.value, { typed: true });
    onChange(key, r.value);
  }

  // `typed`: the field was just committed, so it shows the value it got even while focused.
  function show(entry, v, { slider = true, field = true, typed = false } = {}) {
    entry.value = v;
    // Written only when they change: each write to the page costs a style and layout pass.
    const text = fieldText(entry.spec, v);
    if (slider && entry.range) {
      const position = String(Math.round(core.toSlider(entry.spec.key, v) * POSITIONS));
      if (entry.range.value !== position) entry.range.value = position;
    }
    if (entry.range && entry.range.getAttribute('aria-valuetext') !== text) entry.range.setAttribute('aria-valuetext', text);
    // Never overwrite what someone is typing.
    if (field && (typed || document.activeElement !== entry.field) && entry.field.value !== text) entry.field.value = text;
  }

  let messages = null;
  return {
    /** Shows value v (from training or code) without firing onChange. */
    set(key, v) {
      const e = byKey.get(key);
      if (e && e.value !== v) show(e, v);
    },
    get(key) {
      return byKey.get(key)?.value;
    },
    /** Labels, hints and accessible names in language `t`. */
    translate(t, lang) {
      messages = t;
      for (const e of byKey.values()) {
        e.label = e.spec[`label_${lang}`];
        e.name.textContent = e.label;
        e.hint.textContent = e.spec[`hint_${lang}`];
        e.field.setAttribute('aria-label', t.field(e.label));
        e.range?.setAttribute('aria-label', t.slider(e.label));
      }
    },
  };
}
