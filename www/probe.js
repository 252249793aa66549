// The probe: drag on panel x → z, z → a or x → a (or use the arrow keys on a focused panel) to
// follow one size x through z = wx + b and a = sigmoid(z). Clicking a bean picks it for the
// chain-rule panel.

export function setupProbe(panels, lab, changed, edit) {
  const keyStep = 0.01;
  for (const p of panels.filter((p) => ['xz', 'za', 'xa'].includes(p.key))) {
    const el = p.layers;
    const at = (e) => {
      const rect = el.getBoundingClientRect();
      const ratio = p.axes.width / rect.width;
      return [(e.clientX - rect.left) * ratio, (e.clientY - rect.top) * ratio];
    };
    let dragging = false;
    el.addEventListener('pointerdown', (e) => {
      const [px, py] = at(e);
      const bean = lab.bean_at(p.key, px, py);
      if (p.key === 'xa' && edit.on()) {
        edit.click(bean, lab.data_at(p.key, px, py));
        return;
      }
      if (bean !== undefined) {
        lab.select_bean(lab.selected_bean() === bean ? undefined : bean);
        changed();
        return;
      }
      dragging = true;
      el.setPointerCapture(e.pointerId);
      move(e);
    });
    const move = (e) => {
      if (!dragging) return;
      const [px, py] = at(e);
      const x = lab.x_at(p.key, px, py);
      if (x !== undefined) {
        lab.set_probe(x);
        changed();
      }
    };
    el.addEventListener('pointermove', move);
    const stop = () => { dragging = false; };
    el.addEventListener('pointerup', stop);
    el.addEventListener('pointercancel', stop);
    el.addEventListener('keydown', (e) => {
      const step = e.shiftKey ? keyStep * 10 : keyStep;
      const x = lab.probe() ?? 0.5;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        const next = Math.round((x + (e.key === 'ArrowRight' ? step : -step)) / keyStep) * keyStep;
        lab.set_probe(Math.min(1, Math.max(0, next)));
        changed();
      } else if (e.key === 'Escape') {
        lab.set_probe(undefined);
        lab.select_bean(undefined);
        changed();
      }
    });
  }
}
