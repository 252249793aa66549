// The page's words: Chinese (the course's language) or English. Each language has the page's
// words (strings-zh.js, strings-en.js) and the words of each part off the first screen (the lesson
// path, the network stage, the embed builder) in a file of its own, loaded with that part: a visit
// loads only its own language and parts, and the first screen does not carry the others' words.

/** The parts with words of their own; loadStrings puts each under its name (t.tour, …). */
export const PARTS = ['tour', 'network', 'builder'];

// Literal imports, so the single-file build can bundle every one of them.
const FILES = {
  zh: {
    page: () => import('./strings-zh.js'),
    tour: () => import('./strings-zh-tour.js'),
    network: () => import('./strings-zh-network.js'),
    builder: () => import('./strings-zh-builder.js'),
  },
  en: {
    page: () => import('./strings-en.js'),
    tour: () => import('./strings-en-tour.js'),
    network: () => import('./strings-en-network.js'),
    builder: () => import('./strings-en-builder.js'),
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
