// <sigmoid-lab w="5" b="-5" panels="xz,za,xa"></sigmoid-lab>: the lab in any page that can load one
// script. Each element holds the page in embed mode in its own frame, so several on one page are
// independent; the attributes are the link's keys (see the README), and changing one reloads it.
// Every attribute but the element's own goes to the page, which checks it against its one settings
// table and names what it does not know, so no list of keys is kept here.

// The page is found next to this script, wherever the host loads it from.
const PAGE = new URL('../index.html', import.meta.url);
// Attributes any element may have that are not settings (lang is one: the page's language).
const OWN = new Set(['title', 'id', 'class', 'style', 'hidden', 'dir', 'tabindex', 'slot', 'part']);

// The frame's colour scheme is the one a transparent lab's root keeps (www/style.css, bg=), so
// no opaque backdrop hides the host page behind it, whatever the host's own scheme.
const sheet = new CSSStyleSheet();
sheet.replaceSync(':host { display: block; height: 480px; } iframe { display: block; width: 100%; height: 100%; border: 0; color-scheme: light; }');

class SigmoidLabElement extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    // A constructed stylesheet: works under a strict style-src, unlike a <style> element.
    root.adoptedStyleSheets = [sheet];
    this.frame = document.createElement('iframe');
    root.append(this.frame);
    // Any attribute may be a setting, so all are watched (observedAttributes needs a fixed list).
    new MutationObserver(() => { if (this.isConnected) this.load(); }).observe(this, { attributes: true });
  }

  connectedCallback() {
    this.load();
  }

  /** The address of the embedded page for the current attributes. */
  get src() {
    const q = new URLSearchParams();
    for (const { name, value } of this.attributes) if (!OWN.has(name) && !name.startsWith('data-') && !name.startsWith('aria-')) q.set(name, value);
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
