// The cost landscape as a control: a click or a drag on it puts the neuron at that (w, b).

export function setupLandscapeDrag(panel, lab, changed) {
  const { layers, axes } = panel;
  const place = (e) => {
    const rect = layers.getBoundingClientRect();
    const ratio = axes.width / rect.width;
    const [w, b] = lab.data_at('landscape', (e.clientX - rect.left) * ratio, (e.clientY - rect.top) * ratio);
    lab.set_params(w, b);
    changed();
  };
  let dragging = false;
  layers.addEventListener('pointerdown', (e) => { dragging = true; layers.setPointerCapture(e.pointerId); place(e); });
  layers.addEventListener('pointermove', (e) => { if (dragging) place(e); });
  layers.addEventListener('pointerup', () => { dragging = false; });
  layers.addEventListener('pointercancel', () => { dragging = false; });
}
