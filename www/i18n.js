// The page's words: Chinese (the course's language) or English, one file each, so a visit loads
// only its own language.

/** The words of `lang` ('zh' or 'en'). */
export function loadStrings(lang) {
  return (lang === 'en' ? import('./strings-en.js') : import('./strings-zh.js')).then((m) => m.default);
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
