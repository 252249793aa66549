// Which panels, controls and readouts show: a link's lists, a lesson step's, or embed mode's.

/** `q`: the link's settings; `lesson`: tour.js's stepView or undefined. After the controls exist. */
export function applyView(doc, q, { lesson, embed, schema }) {
  // Embedded without a list: the lesson's three function panels.
  const panels = q.get('panels')?.split(',') ?? lesson?.panels ?? (embed ? schema.embedPanels : undefined);
  for (const fig of doc.querySelectorAll('.panel')) fig.hidden = panels ? !panels.includes(fig.dataset.panel) : false;
  // How many panels show: a lesson step and an embed lay them out by it (style.css).
  doc.querySelector('.panels').dataset.count = String(doc.querySelectorAll('.panel:not([hidden])').length);
  const controls = q.get('controls')?.split(',') ?? lesson?.controls ?? (embed ? schema.embedControls : null);
  if (controls) {
    const controlOf = (el) => ({ seed: 'beans', n: 'beans', l: 'model', k: 'model', x0: 'model' }[el.dataset.key] ?? el.dataset.key ?? el.dataset.control);
    for (const el of doc.querySelectorAll('.param, [data-control]')) el.hidden = !controls.includes(controlOf(el));
    doc.getElementById('shortcuts').hidden = embed || Boolean(lesson);
  }
  if (!lesson) return;
  // A lesson step shows the readouts it talks about (the probe row counts as one).
  for (const el of doc.querySelectorAll('.readouts dl > div')) {
    const key = el.classList.contains('probe-row') ? 'probe' : el.querySelector('[data-readout]').dataset.readout;
    el.hidden = !lesson.readouts.includes(key);
  }
  const lab = doc.getElementById('lab');
  lab.querySelector('.readouts').hidden = !lesson.readouts.length;
  // A step with nothing to press shows no empty controls box.
  lab.querySelector('.controls').hidden = !lesson.controls.length;
  lab.querySelector('.side').hidden = !lesson.readouts.length && !lesson.controls.length;
}
