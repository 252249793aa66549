// The readouts (w, b, α, epoch, cost, boundary, share right, the probe), the charts' text
// alternatives and the live summary for screen readers. Text is written only when it changes.

import { num, sig } from './format.js';

/** host: { lab, words() → the page's strings, playing() , panels (the charts, for their labels) }. */
export function setupReadouts(doc, host) {
  const { lab } = host;
  const outputs = Object.fromEntries([...doc.querySelectorAll('.readouts [data-readout]')].map((el) => [el.dataset.readout, el]));
  let altDirty = true;

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
      const text = s[key] ?? '—';
      if (el.textContent !== text) {
        el.textContent = text;
        altDirty = true;
      }
    }
    // Text alternatives change with the curves, but screen readers need them only once things settle.
    if (altDirty && !host.playing()) {
      altDirty = false;
      const t = host.words();
      for (const p of host.panels()) p.data.setAttribute('aria-label', t.panelAlt[p.key]({ ...s, boundary: s.boundary ?? '—' }));
    }
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
