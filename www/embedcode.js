// The <iframe> snippet of "复制嵌入代码": the current state in embed mode, its numbers as the page
// shows them, without what only made sense here (a tour step and the autoplay it brought), and a
// height that fits the panels and controls the embed will show, so a note needs no adjusting.

import { normalize_query } from './pkg/sigmoid_lab.js';
import { sig } from './format.js';
import { getSchema } from './schema.js';

/** The snippet's width; heights below are for it. */
export const EMBED_WIDTH = 800;

// Embed mode's layout (www/style.css, "Embed mode"): padding and gaps, the panels' smallest
// column, the chart panels' natural 3 : 2, and the chain rule's row (its table and explanation).
const PAD = 4;
const GAP = 4;
const MIN_COLUMN = 200;
const CHART_RATIO = 2 / 3;
const CHART_MAX = 400;
const CHAIN_HEIGHT = 450;
// The controls box: its padding and border, then one row per group shown (w, b and α share one).
const CONTROLS_BASE = 14;
const CONTROL_ROWS = [
  [['w', 'b', 'alpha'], 34],
  [['train'], 36],
  [['model'], 100],
  [['speed', 'beans'], 36],
  [['beans'], 70],
  [['grid'], 36],
  [['share'], 36],
  [['export'], 36],
];
/** What embed mode shows when a link does not say: the settings schema's defaults (this module
 * loads after the core, with the embed builder). */
export const EMBED_PANELS = getSchema().embedPanels;
export const EMBED_CONTROLS = getSchema().embedControls;

/** The height in CSS pixels an embed `width` wide needs for these panels and controls. */
export function embedHeight(panels, controls, width = EMBED_WIDTH) {
  const inner = width - 2 * PAD;
  const charts = panels.filter((p) => p !== 'chain').length;
  const chain = panels.includes('chain');
  // auto-fit columns: as many as fit, but no more than there are charts side by side (the chain
  // rule spans a row of its own).
  const fit = Math.max(1, Math.floor((inner + GAP) / (MIN_COLUMN + GAP)));
  const cols = Math.max(1, Math.min(fit, charts));
  const column = (inner - (cols - 1) * GAP) / cols;
  const rows = [];
  for (let i = 0; i < Math.ceil(charts / cols); i++) rows.push(Math.min(CHART_MAX, Math.round(column * CHART_RATIO)));
  if (chain) rows.push(CHAIN_HEIGHT);
  const panelsHeight = rows.reduce((s, h) => s + h, 0) + Math.max(0, rows.length - 1) * GAP;
  let controlsHeight = 0;
  for (const [keys, h] of CONTROL_ROWS) {
    // The grid checkbox sits on the beans' row of buttons when both show.
    if (keys[0] === 'grid' && controls.includes('beans')) continue;
    if (keys.some((k) => controls.includes(k))) controlsHeight += h;
  }
  const side = controlsHeight ? GAP + CONTROLS_BASE + controlsHeight : 0;
  return Math.ceil(PAD + panelsHeight + side + PAD);
}

/**
 * The query of the embed: rounded numbers, no transient keys (unless `keepStep`: the tour step
 * shown now), embed=1 (canonical form).
 */
export function embedQuery(query, { keepStep = false } = {}) {
  const p = new URLSearchParams(query);
  const round = (key, f) => { if (p.has(key)) p.set(key, String(f(Number(p.get(key))))); };
  round('w', (v) => Number(v.toFixed(2)) || 0);
  round('b', (v) => Number(v.toFixed(2)) || 0);
  round('alpha', (v) => Number(sig(v)));
  // A tour step is this visit's; the autoplay a tour step brought goes with it.
  if (!keepStep) {
    if (p.has('tour')) p.delete('autoplay');
    p.delete('tour');
  }
  p.set('embed', '1');
  return normalize_query(p.toString()).query;
}

/** An <iframe> snippet for `query` (the page's state query), titled `title`. */
export function embedCode(query, title, base = location.href) {
  const q = embedQuery(query);
  const p = new URLSearchParams(q);
  const panels = p.get('panels')?.split(',') ?? EMBED_PANELS;
  const controls = p.get('controls')?.split(',') ?? EMBED_CONTROLS;
  const url = new URL(base);
  url.search = q;
  url.hash = '';
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const height = embedHeight(panels, controls);
  return `<iframe src="${esc(url.href)}" title="${esc(title)}" width="${EMBED_WIDTH}" height="${height}" loading="lazy" style="${frameStyle(q)}"></iframe>`;
}

/**
 * The snippet's style for an embed of `query`: no border, no wider than the note. A transparent
 * lab keeps the light scheme at its root, and its frame says the same, so a host in a dark
 * scheme paints no opaque backdrop behind it (www/style.css, bg=).
 */
export function frameStyle(query) {
  const transparent = new URLSearchParams(query).get('bg') === 'transparent';
  return `border:0;max-width:100%${transparent ? ';color-scheme:light' : ''}`;
}
