// The embed builder behind "复制嵌入代码": a dialog where a teacher picks the charts, controls,
// language, theme and size of an embed, sees it live at that size, and copies it as an <iframe>,
// as Markdown for MkDocs or Obsidian, as a <sigmoid-lab> element or as a plain link. Loaded on
// the first click. Numbers are rounded and transient keys dropped as embedcode.js does; the
// dialog's defaults give the same <iframe> snippet the button always gave.

import { embedQuery, embedHeight, frameStyle, EMBED_PANELS, EMBED_CONTROLS, EMBED_WIDTH } from './embedcode.js';
import { loadStrings } from './i18n.js';
import { getSchema } from './schema.js';

const PANELS = ['xz', 'za', 'xa', 'cost', 'landscape', 'chain'];
const CONTROLS = ['w', 'b', 'alpha', 'train', 'model', 'speed', 'beans', 'grid', 'share', 'export'];
/** Size presets: `fit` is the snippet's width with the height its charts need. */
export const SIZES = { fit: null, note: [688, 400], phone: [360, 640], custom: null };
const FORMATS = ['iframe', 'markdown', 'element', 'link'];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const sameSet = (a, b) => a.length === b.length && a.every((k) => b.includes(k));

/**
 * What to copy for `choice` made from the page's `query`: {query, url, width, height, code} for
 * each format. `choice`: {panels, controls, lang, theme, transparent, size, width, height, step};
 * `title` the iframe's title, `base` the page's address.
 */
export function buildEmbed(query, choice, title, base = location.href) {
  const p = new URLSearchParams(query);
  const start = {
    panels: p.get('panels')?.split(',') ?? EMBED_PANELS,
    controls: p.get('controls')?.split(',') ?? EMBED_CONTROLS,
  };
  // A key is only written when the choice differs from what the query already gives.
  const list = (key, chosen, all, fallback) => {
    if (sameSet(chosen, start[key])) return;
    const ordered = all.filter((k) => chosen.includes(k));
    if (sameSet(ordered, fallback)) p.delete(key);
    else p.set(key, ordered.join(','));
  };
  list('panels', choice.panels, PANELS, EMBED_PANELS);
  list('controls', choice.controls, CONTROLS, EMBED_CONTROLS);
  if (choice.lang) p.set('lang', choice.lang);
  if (choice.theme === 'auto') p.delete('theme');
  else if (choice.theme) p.set('theme', choice.theme);
  if (choice.transparent) p.set('bg', 'transparent');
  else if (p.get('bg') === 'transparent') p.delete('bg');
  const q = embedQuery(p.toString(), { keepStep: choice.step });
  const panels = choice.panels.length ? choice.panels : EMBED_PANELS;
  let [width, height] = [EMBED_WIDTH, embedHeight(panels, choice.controls, EMBED_WIDTH)];
  if (choice.size === 'note' || choice.size === 'phone') [width, height] = SIZES[choice.size];
  if (choice.size === 'custom') [width, height] = [choice.width, choice.height];
  const url = new URL(base);
  url.search = q;
  url.hash = '';
  const iframe = `<iframe src="${esc(url.href)}" title="${esc(title)}" width="${width}" height="${height}" loading="lazy" style="${frameStyle(q)}"></iframe>`;
  // The page itself, for a plain link: the same state, outside embed mode.
  const page = new URL(url);
  const pq = new URLSearchParams(q);
  pq.delete('embed');
  page.search = pq.toString();
  const script = new URL('www/sigmoid-lab.js', new URL('.', url)).href;
  const attrs = [...new URLSearchParams(q)].filter(([k]) => k !== 'embed').map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return {
    query: q,
    url: url.href,
    width,
    height,
    code: {
      iframe,
      markdown: `${iframe}\n\n[${title}](${page.href})\n`,
      element: `<script type="module" src="${esc(script)}"></script>\n<sigmoid-lab${attrs} title="${esc(title)}" style="height:${height}px;max-width:${width}px"></sigmoid-lab>`,
      link: page.href,
    },
  };
}

let dialog = null;

/**
 * Opens the builder for the page's current `query`. `words` are the page's (its language's builder
 * words load here), `copy(text)` puts text on the clipboard and says so in the page.
 */
export async function openEmbedBuilder({ query, words, copy }) {
  // The builder's own words load with it, in the page's language.
  const t = await loadStrings(words.htmlLang.startsWith('zh') ? 'zh' : 'en', ['builder']);
  dialog?.remove();
  dialog = build(query, t, copy);
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** The names of the charts and controls to tick: the core's chart titles and setting labels where
 * it has them (the chain rule is the page's table, the other controls groups of the page's). */
function names(t, lang) {
  const schema = getSchema();
  const labels = new Map(schema.params.map((p) => [p.key, p[`label_${lang}`]]));
  return {
    panel: (k) => schema.panelTitles[lang][k] ?? t.chainTitle,
    control: (k) => labels.get(k) ?? t.builder.controlNames[k],
  };
}

function build(query, t, copy) {
  const w = t.builder;
  const pageLang = t.htmlLang.startsWith('zh') ? 'zh' : 'en';
  const name = names(t, pageLang);
  const q = new URLSearchParams(query);
  const el = (tag, props = {}, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children);
    return e;
  };
  const box = (name, value, label, checked) => {
    const input = el('input', { type: 'checkbox', name, value, checked });
    return el('label', { className: 'builder-check' }, input, ` ${label}`);
  };
  const radio = (name, value, label, checked) => {
    const input = el('input', { type: 'radio', name, value, checked });
    return el('label', { className: 'builder-check' }, input, ` ${label}`);
  };
  const group = (legend, ...items) => el('fieldset', { className: 'builder-group' }, el('legend', { textContent: legend }), ...items);

  const panels = q.get('panels')?.split(',') ?? EMBED_PANELS;
  const controls = q.get('controls')?.split(',') ?? EMBED_CONTROLS;
  const lang = q.get('lang');
  const theme = q.get('theme') ?? 'auto';
  const d = el('dialog', { id: 'embed-builder', className: 'builder' });
  d.setAttribute('aria-labelledby', 'embed-builder-title');
  const heading = el('h2', { id: 'embed-builder-title', textContent: w.title });
  const width = el('input', { type: 'number', id: 'builder-width', min: 200, max: 2000, value: 688 });
  const height = el('input', { type: 'number', id: 'builder-height', min: 150, max: 2000, value: 400 });
  const custom = el('span', { className: 'builder-custom' },
    el('label', { htmlFor: 'builder-width', textContent: `${w.width} ` }), width,
    ' × ',
    el('label', { htmlFor: 'builder-height', textContent: `${w.height} ` }), height);
  const form = el('form', { className: 'builder-form', method: 'dialog' },
    group(w.panels, ...PANELS.map((k) => box('panel', k, name.panel(k), panels.includes(k)))),
    group(w.controls, ...CONTROLS.map((k) => box('control', k, name.control(k), controls.includes(k)))),
    group(w.lang, radio('lang', '', w.langPage, !lang), radio('lang', 'zh', '中文', lang === 'zh'), radio('lang', 'en', 'English', lang === 'en')),
    group(w.theme, ...['auto', 'light', 'dark'].map((k) => radio('theme', k, w.themes[k], theme === k)),
      box('transparent', '1', w.transparent, q.get('bg') === 'transparent')),
    group(w.size, ...Object.keys(SIZES).map((k) => radio('size', k, w.sizes[k], k === 'fit')), custom),
    group(w.step, box('step', '1', w.includeStep, false)));
  const frameBox = el('div', { className: 'builder-preview' });
  const frame = el('iframe', { title: w.preview, id: 'builder-preview' });
  frameBox.append(frame);
  const sizeNote = el('p', { className: 'builder-size', id: 'builder-size' });
  const output = el('textarea', { className: 'share-text', id: 'builder-code', readOnly: true, rows: 4 });
  output.setAttribute('aria-label', w.code);
  const buttons = el('div', { className: 'builder-buttons' },
    ...FORMATS.map((f) => el('button', { type: 'button', id: `builder-copy-${f}`, textContent: w.copy[f], value: f })),
    el('button', { type: 'button', id: 'builder-close', textContent: w.close }));
  d.append(heading, form, sizeNote, frameBox, output, buttons);

  const choice = () => {
    const data = new FormData(form);
    return {
      panels: data.getAll('panel'),
      controls: data.getAll('control'),
      lang: data.get('lang') || null,
      theme: data.get('theme'),
      transparent: data.has('transparent'),
      size: data.get('size'),
      width: Math.min(2000, Math.max(200, Math.round(Number(width.value) || 688))),
      height: Math.min(2000, Math.max(150, Math.round(Number(height.value) || 400))),
      step: data.has('step'),
    };
  };
  let titles = { [pageLang]: t.embedTitle };
  const titleFor = (c) => titles[c.lang ?? ''] ?? t.embedTitle;
  let current = null;
  function update() {
    const c = choice();
    custom.hidden = c.size !== 'custom';
    current = buildEmbed(query, c, titleFor(c));
    if (frame.getAttribute('src') !== current.url) frame.src = current.url;
    frame.width = current.width;
    frame.height = current.height;
    // Larger than the dialog: shown scaled down, at its true size inside.
    const room = Math.max(200, frameBox.clientWidth || 640);
    const scale = Math.min(1, room / current.width);
    frameBox.classList.toggle('scaled', scale < 1);
    frame.style.setProperty('--scale', String(scale));
    frameBox.style.setProperty('--preview-height', `${Math.ceil(current.height * scale)}px`);
    sizeNote.textContent = w.shown(current.width, current.height, Math.round(scale * 100));
    output.value = current.code.iframe;
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  for (const f of FORMATS) {
    d.querySelector(`#builder-copy-${f}`).addEventListener('click', () => {
      update();
      output.value = current.code[f];
      copy(current.code[f]);
    });
  }
  d.querySelector('#builder-close').addEventListener('click', () => d.close());
  d.addEventListener('close', () => document.getElementById('copy-embed')?.focus());
  // The other language's title, for an embed in it.
  for (const other of ['zh', 'en']) {
    if (!titles[other]) loadStrings(other).then((s) => { titles = { ...titles, [other]: s.embedTitle }; update(); }, () => {});
  }
  d.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); d.close(); } });
  requestAnimationFrame(update);
  update();
  return d;
}
