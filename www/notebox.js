// The page's note box: clamped or refused input, divergence, what a click did. A message with an
// action gets a button and stays until the learner decides; one without fades after 8 s.

/** Returns note(text, action?) for the box in `doc`; action is { label, run() }. */
export function setupNoteBox(doc) {
  const box = doc.getElementById('note-box');
  const text = doc.getElementById('note');
  const button = doc.getElementById('note-action');
  let timer = 0;
  let action = null;
  let stamp = -1e9;
  button.addEventListener('click', () => {
    action?.run();
    box.hidden = true;
  });
  return function note(message, next = null) {
    // Messages from one action (a clamped value, then what it means) are shown together.
    const now = performance.now();
    const together = !box.hidden && now - stamp < 100;
    stamp = now;
    text.textContent = together ? `${text.textContent} ${message}` : message;
    box.hidden = false;
    action = next;
    button.hidden = !next;
    if (next) button.textContent = next.label;
    clearTimeout(timer);
    if (!next) timer = setTimeout(() => { box.hidden = true; }, 8000);
  };
}
