// One SGD step in slow motion: forward x → z → a → e, then back e → a → z → w, b, then the
// update, one stage at a time, lighting up each factor in the chain-rule panel and following the
// bean through the charts with the probe.

const STAGES = [['z'], ['a'], ['e'], ['deda'], ['dadz'], ['dzdw', 'dzdb'], ['dedw', 'dedb'], ['update']];
// The chart each stage's words name; the backward stages are read in the chain-rule panel.
const CHARTS = ['xz', 'za', 'xa', 'chain', 'chain', 'chain', 'chain', 'chain'];

/** `words()` → the page's strings with their `slow` part. */
export function setupSlowStep(lab, words, changed, stopPlaying) {
  const box = document.getElementById('slow');
  const text = document.getElementById('slow-stage');
  const next = document.getElementById('slow-next');
  const stopBtn = document.getElementById('slow-stop');
  const rows = [...document.querySelectorAll('table.chain tr[data-factor]')];
  let stage = -1;

  function show() {
    const t = words();
    const on = stage >= 0;
    box.hidden = !on;
    for (const r of rows) r.classList.toggle('active', on && STAGES[stage].includes(r.dataset.factor));
    if (!on) return;
    text.textContent = t.slow.stages[stage];
    next.textContent = stage === STAGES.length - 1 ? t.slow.done : t.slow.next;
    stopBtn.textContent = t.slow.stop;
  }

  /** Brings the chart the stage talks about into view (the stage bar floats over the page). */
  function reveal() {
    const chart = document.querySelector(`.panel[data-panel="${CHARTS[stage]}"]:not([hidden])`);
    if (!chart) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  }

  function start() {
    stopPlaying();
    const i = lab.next_bean();
    lab.select_bean(i);
    lab.set_probe(lab.beans_x()[i]);
    stage = 0;
    show();
    changed();
    next.focus({ preventScroll: true });
    reveal();
  }

  function stop() {
    stage = -1;
    lab.select_bean(undefined);
    lab.set_probe(undefined);
    show();
    changed();
  }

  next.addEventListener('click', () => {
    if (stage === STAGES.length - 1) {
      lab.step_bean();
      stop();
      return;
    }
    stage += 1;
    show();
    reveal();
  });
  stopBtn.addEventListener('click', stop);
  document.getElementById('slow-start').addEventListener('click', start);
  return { show, get active() { return stage >= 0; } };
}
