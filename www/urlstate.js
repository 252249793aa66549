// The page's state in its address: read once at start (the core validates and names what was
// wrong), written back with replaceState whenever the state settles, so a copied link opens
// exactly this setting.

import { normalize_query, seed_params } from './pkg/sigmoid_lab.js';
import { getSchema } from './schema.js';

/** `{params: URLSearchParams of valid settings only, problems: [{key, text}]}` */
export function readUrl(search) {
  const { query, problems } = normalize_query(search);
  return { params: new URLSearchParams(query), problems };
}

/** The canonical query string for the lab's current state. */
export function stateQuery(lab, state) {
  const p = new URLSearchParams();
  const [w, b, originEpoch] = lab.origin();
  const [sw, sb] = seed_params(state.seed);
  // w and b are left out while they are the seed's own starting point.
  if (w !== sw || b !== sb) {
    p.set('w', String(w));
    p.set('b', String(b));
  }
  p.set('alpha', String(lab.alpha()));
  p.set('seed', String(state.seed));
  p.set('n', String(state.n));
  p.set('speed', String(state.speed));
  const trained = lab.epoch() - originEpoch;
  if (trained > 0) p.set('epochs', String(trained));
  p.set('activation', lab.activation());
  const [l, k, x0] = lab.logistic();
  p.set('l', String(l));
  p.set('k', String(k));
  p.set('x0', String(x0));
  p.set('cost', lab.cost_fn());
  if (state.langChosen) p.set('lang', state.lang);
  p.set('grid', state.grid ? '1' : '0');
  // The learner's own beans travel in the link; the course's are known from the seed and n.
  if (state.beans?.own) p.set('data', lab.beans_pairs());
  for (const key of getSchema().linkOnly) {
    if (state.kept.has(key)) p.set(key, state.kept.get(key));
  }
  return normalize_query(p.toString()).query;
}

let last = null;
/** Puts `query` into the address bar without adding a history entry. */
export function writeUrl(query) {
  if (query === last) return;
  last = query;
  const url = new URL(location.href);
  url.search = query;
  history.replaceState(history.state, '', url);
}

/** Writes `query()` once things settle (browsers limit replaceState): { sync() now, schedule() }. */
export function createUrlWriter(query) {
  let timer = 0;
  const sync = () => { clearTimeout(timer); writeUrl(query()); };
  return { sync, schedule() { clearTimeout(timer); timer = setTimeout(sync, 250); } };
}

// The note naming what was wrong in the link, until dismissed (its words are data-i18n ones).
/** Lists `problems` ([{key, text}]) as text, so a link can never inject markup, and shows them. */
export function showUrlNote(doc, problems) {
  const box = doc.getElementById('url-note');
  doc.getElementById('url-note-close').addEventListener('click', () => { box.hidden = true; });
  if (!problems.length) return;
  doc.getElementById('url-note-list').replaceChildren(...problems.map((p) => {
    const li = doc.createElement('li');
    li.textContent = p.text;
    li.dataset.key = p.key;
    return li;
  }));
  box.hidden = false;
}
