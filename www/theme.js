// Light or dark colours and the background, from a link's theme= (auto | light | dark; auto follows
// the system) and bg= (transparent | #rrggbb; the core has already checked and lower-cased it).
// The page's colours are CSS variables switched by a class on <html> (theme-dark / theme-light);
// the charts ask dark() and are told of a change through onChange().

const BG = /^(transparent|#[0-9a-f]{6})$/;

/** `params`: the link's valid settings (URLSearchParams). */
export function setupTheme(params, root = document.documentElement) {
  const choice = params.get('theme') ?? 'auto';
  const bg = BG.test(params.get('bg') ?? '') ? params.get('bg') : '';
  const system = matchMedia('(prefers-color-scheme: dark)');
  const listeners = [];
  const dark = () => choice === 'dark' || (choice === 'auto' && system.matches);

  function apply() {
    root.classList.toggle('theme-dark', dark());
    root.classList.toggle('theme-light', !dark());
  }
  if (bg) {
    // A constructed stylesheet: allowed under the page's style-src 'self', unlike a style attribute.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:root { --page-bg: ${bg}; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    root.classList.add('custom-bg');
    root.classList.toggle('bg-transparent', bg === 'transparent');
  }
  system.addEventListener('change', () => {
    if (choice !== 'auto') return;
    apply();
    for (const fn of listeners) fn(dark());
  });
  apply();

  return {
    /** Whether the page is dark now. */
    dark,
    /** The chosen theme: auto, light or dark. */
    choice,
    /** The chosen background ('' for the theme's own). */
    bg,
    /** Calls `fn(dark)` whenever the page turns light or dark (only with theme=auto). */
    onChange(fn) { listeners.push(fn); },
  };
}
