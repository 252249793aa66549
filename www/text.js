// Text that changes every frame (readouts, the chain rule's numbers), written in place: the text
// node's data changes and its layout object stays, where setting textContent would replace the
// node (and its layout object) on every write. Nothing is written when the text is the same.

/** Sets `el`'s text to `text`; returns whether it changed. */
export function setText(el, text) {
  const node = el.firstChild;
  if (node && node === el.lastChild && node.nodeType === Node.TEXT_NODE) {
    if (node.data === text) return false;
    node.data = text;
    return true;
  }
  if (el.textContent === text) return false;
  el.textContent = text;
  return true;
}
