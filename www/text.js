// Text that changes every frame (readouts, the chain rule's numbers), written in place: the text
// node's data changes and its layout object stays, where setting textContent would replace the
// node (and its layout object) on every write. Nothing is written when the text is the same.
// While values move (training plays, a drag sends a new value every frame) such numbers change at a
// pace one can read (numbers that change every frame cannot be read, and each costs the frame a
// layout and a paint); the charts change every frame.

/** How far apart, in frame time, the numbers change while values move. */
const NUMBERS_EVERY_MS = 60;

/**
 * A pace for the numbers: `due(time, playing)` says whether this frame writes them. The first
 * change after a rest is written at once, later ones at most every 60 ms, and always in the frame
 * training starts or stops (a pause shows where it stopped). A frame that skips them leaves them
 * `owed()`: the loop goes on until they are written, so at rest they agree with the charts.
 */
export function numbersPace() {
  let at = -Infinity;
  let owed = false;
  let wasPlaying = false;
  // The first frame is called by hand, without a frame's time.
  const due = (time = performance.now(), playing = false) => {
    const turned = playing !== wasPlaying;
    wasPlaying = playing;
    owed = !turned && time - at < NUMBERS_EVERY_MS;
    if (!owed) at = time;
    return !owed;
  };
  due.owed = () => owed;
  return due;
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
