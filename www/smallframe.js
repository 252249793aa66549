// Small embeds (a note's iframe of 300 × 200, say): below about 260 px of height the controls fold
// into one button in the frame's corner that shows them over the chart; the button again, or
// Escape, hides them. The layout itself is CSS (www/style.css, "Small embeds").

// The button shows below this height (www/style.css, "Small embeds").
const FOLDED = '(max-height: 259px)';

/**
 * `onFold(folded)` is called when the button appears or goes (the charts keep their titles clear
 * of it). Returns a handle; without embed mode it does nothing.
 */
export function setupSmallFrame(doc, { embed, onFold = () => {} }) {
  const controls = doc.querySelector('.controls');
  if (!embed || !controls) return { translate() {}, open: () => false, folded: () => false };
  const fold = doc.defaultView.matchMedia(FOLDED);
  fold.addEventListener('change', () => onFold(fold.matches));
  const root = doc.documentElement;
  controls.id ||= 'controls';
  const button = doc.createElement('button');
  button.type = 'button';
  button.id = 'controls-toggle';
  button.className = 'controls-toggle';
  button.textContent = '⚙';
  button.setAttribute('aria-controls', controls.id);
  button.setAttribute('aria-expanded', 'false');
  const open = () => root.classList.contains('controls-open');
  const set = (on) => {
    root.classList.toggle('controls-open', on);
    button.setAttribute('aria-expanded', String(on));
  };
  button.addEventListener('click', () => set(!open()));
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && open()) {
      set(false);
      button.focus();
    }
  });
  controls.before(button);
  return {
    /** The button's name is the controls' own (translated with the page). */
    translate() { button.setAttribute('aria-label', controls.getAttribute('aria-label') ?? 'controls'); },
    open,
    /** Whether the controls are folded into the button now. */
    folded: () => fold.matches,
  };
}
