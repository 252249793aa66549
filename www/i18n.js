// The page's words, Chinese (the course's) or English, and the switch between them. The page's are
// in strings-zh.js / strings-en.js, each part's off the first screen (the lesson path, the network
// stage, the embed builder, slow motion) in a file of its own loaded with the part, so a visit
// loads only its language and parts.

import * as zhPage from './strings-zh.js';

/** The parts with words of their own; loadStrings puts each under its name (t.tour, …). */
export const PARTS = ['tour', 'network', 'builder', 'slow'];

// Literal imports, so the bundles can follow every one of them. The course's language comes with
// the page (most visits need it at once); the rest loads when asked for.
const FILES = {
  zh: {
    page: async () => zhPage,
    tour: () => import('./strings-zh-tour.js'),
    network: () => import('./strings-zh-network.js'),
    builder: () => import('./strings-zh-builder.js'),
    slow: () => import('./strings-zh-slow.js'),
  },
  en: {
    page: () => import('./strings-en.js'),
    tour: () => import('./strings-en-tour.js'),
    network: () => import('./strings-en-network.js'),
    builder: () => import('./strings-en-builder.js'),
    slow: () => import('./strings-en-slow.js'),
  },
};

/** The words of `lang` ('zh' or 'en'): the page's, and each of `parts` under its name. */
export async function loadStrings(lang, parts = []) {
  const files = FILES[lang === 'en' ? 'en' : 'zh'];
  const [page, ...more] = await Promise.all([files.page(), ...parts.map((p) => files[p]())]);
  return { ...page.default, ...Object.fromEntries(parts.map((p, i) => [p, more[i].default])) };
}

/** zh unless the browser prefers another language first (the switch overrides). */
export function pickLang(search = location.search, languages = navigator.languages ?? [navigator.language]) {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  const first = (languages[0] ?? 'zh').toLowerCase();
  return first.startsWith('zh') || first === '' ? 'zh' : 'en';
}

/** Puts the language's words into every element marked with data-i18n / data-i18n-label. */
export function applyStrings(t) {
  document.documentElement.lang = t.htmlLang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t[el.dataset.i18nLabel]);
  return t;
}

/**
 * The language switch: loads the other language's words and puts them into the page. host: {
 * state, parts (those `words` has), words (the first), note, translate(), switched() }. Returns {
 * words(), apply(), need(part) (its words loaded, now and after a switch) }.
 */
export function setupLanguage(doc, host) {
  const { state } = host;
  const $ = (id) => doc.getElementById(id);
  const parts = [...host.parts];
  let t = host.words;
  function apply() {
    applyStrings(t);
    $('lang').lang = t.switchLang === 'zh' ? 'zh-CN' : 'en';
    // The header's links keep the language.
    $('tour-start').href = `?tour=1&lang=${state.lang}`;
    $('network-start').href = `?stage=network&lang=${state.lang}`;
    host.translate();
  }
  $('lang').addEventListener('click', async () => {
    const lang = t.switchLang;
    try {
      t = await loadStrings(lang, parts);
    } catch {
      host.note(t.langFailed); // offline, say: the page stays as it is
      return;
    }
    [state.lang, state.langChosen] = [lang, true];
    apply();
    host.switched();
  });
  async function need(part) {
    if (!parts.includes(part)) parts.push(part);
    if (t[part]) return;
    const lang = state.lang;
    const words = await loadStrings(lang, parts);
    // A switch meanwhile has loaded the part in its language already.
    if (state.lang === lang) t = words;
  }
  return { words: () => t, apply, need };
}
