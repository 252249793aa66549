// The readouts (w, b, α, epoch, cost, boundary, share right, the probe), the charts' text
// alternatives and the live summary for screen readers. Text is written only when it changes.

import { num, sig } from './format.js';
import { setText } from './text.js';

// The charts' text alternatives are written this long after the last change.
const ALT_SETTLE_MS = 250;

/** host: { lab, words() → the page's strings, playing() , panels (the charts, for their labels) }. */
export function setupReadouts(doc, host) {
  const { lab } = host;
  const outputs = Object.fromEntries([...doc.querySelectorAll('.readouts [data-readout]')].map((el) => [el.dataset.readout, el]));
  let altDirty = true;
  let altWritten = false;
  let altTimer = 0;

  /** The numbers as the page shows them. */
  function snapshot() {
    const boundary = lab.boundary();
    const [x, z, a] = lab.probe_values();
    const probe = x === undefined
      ? { 'probe-x': '—', 'probe-z': '—', 'probe-a': '—' }
      : { 'probe-x': num(x, 3), 'probe-z': num(z, 3), 'probe-a': num(a, 3) };
    return {
      w: num(lab.w(), 3),
      b: num(lab.b(), 3),
      alpha: sig(lab.alpha()),
      epoch: String(lab.epoch()),
      cost: num(lab.cost(), 4),
      boundary: boundary === undefined ? null : num(boundary, 3),
      accuracy: num(lab.accuracy() * 100, 0),
      ...probe,
    };
  }

  function update() {
    const s = snapshot();
    for (const [key, el] of Object.entries(outputs)) {
      if (setText(el, s[key] ?? '—')) altDirty = true;
    }
    // Text alternatives change with the curves, but screen readers need them only once things
    // settle: written at once the first time, then once a drag or a run has rested (five long
    // attributes a frame while dragging were a share of the frame).
    if (!altDirty || host.playing()) return;
    clearTimeout(altTimer);
    if (altWritten) altTimer = setTimeout(writeAlts, ALT_SETTLE_MS);
    else writeAlts();
  }

  function writeAlts() {
    if (host.playing()) return;
    altDirty = false;
    altWritten = true;
    const s = snapshot();
    const t = host.words();
    for (const p of host.panels()) p.data.setAttribute('aria-label', t.panelAlt[p.key]({ ...s, boundary: s.boundary ?? '—' }));
  }

  return {
    snapshot,
    update,
    /** The words changed: the text alternatives are written again. */
    invalidate() { altDirty = true; },
    /** Says the state in the live region (when training pauses or an epoch is stepped). */
    announce() { doc.getElementById('summary').textContent = host.words().summary(snapshot()); },
  };
}
