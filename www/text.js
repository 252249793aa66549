// Text that changes every frame (readouts, the chain rule's numbers), written in place: the text
// node's data changes and its layout object stays, where setting textContent would replace the
// node (and its layout object) on every write. Nothing is written when the text is the same.
// While training plays such numbers change at a pace one can read (numbers that change every frame
// cannot be read, and each costs the frame a layout and a paint); the charts change every frame.

/** How far apart, in frame time, the numbers change while training plays. */
const NUMBERS_WHILE_PLAYING_MS = 60;

/** A pace for the numbers: `due(time, playing)` says whether this frame writes them (at rest,
 * every frame). */
export function numbersPace() {
  let at = -Infinity;
  return function due(time, playing) {
    if (playing && time - at < NUMBERS_WHILE_PLAYING_MS) return false;
    at = time;
    return true;
  };
}

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
