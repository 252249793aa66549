// <sigmoid-lab w="5" b="-5" panels="xz,za,xa"></sigmoid-lab>: the lab in any page that can load one
// script. Each element holds the page in embed mode in its own frame, so several on one page are
// independent; the attributes are the link's keys (see the README), and changing one reloads it.

const PAGE = new URL('../index.html', import.meta.url);
const KEYS = ['w', 'b', 'alpha', 'seed', 'n', 'speed', 'epochs', 'l', 'k', 'x0', 'activation', 'cost',
  'panels', 'controls', 'lang', 'grid', 'tour', 'autoplay'];

const sheet = new CSSStyleSheet();
sheet.replaceSync(':host { display: block; height: 480px; } iframe { display: block; width: 100%; height: 100%; border: 0; }');

class SigmoidLabElement extends HTMLElement {
  static observedAttributes = [...KEYS, 'title'];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    // A constructed stylesheet: works under a strict style-src, unlike a <style> element.
    root.adoptedStyleSheets = [sheet];
    this.frame = document.createElement('iframe');
    root.append(this.frame);
  }

  connectedCallback() {
    this.load();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.load();
  }

  /** The address of the embedded page for the current attributes. */
  get src() {
    const q = new URLSearchParams();
    for (const key of KEYS) if (this.hasAttribute(key)) q.set(key, this.getAttribute(key));
    q.set('embed', '1');
    const url = new URL(PAGE);
    url.search = q.toString();
    return url.href;
  }

  load() {
    const src = this.src;
    if (this.frame.src !== src) this.frame.src = src;
    this.frame.title = this.getAttribute('title') ?? 'Sigmoid Lab';
  }
}

if (!customElements.get('sigmoid-lab')) customElements.define('sigmoid-lab', SigmoidLabElement);
