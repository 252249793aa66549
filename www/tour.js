// The lesson path: lesson 05's argument in its order, one step at a time (`?tour=N`). Each step is
// a state of the page (its settings), the charts and controls it talks about and nothing else, and
// for the lesson's two quizzes a question answered before the result is shown.

import { normalize_query, draw_stack_demo } from './pkg/sigmoid_lab.js';

const f3 = (v) => (Math.abs(v) < 5e-4 ? 0 : v).toFixed(3);

/**
 * The steps in order. Their words are in strings-*-tour.js, step by step at the same index; `live`
 * gives the numbers of the sentence that follows the state (null while there are none).
 */
export const STEPS = [
  {
    query: 'w=1.2&b=-0.2',
    panels: ['xz'],
    controls: ['w', 'b'],
    readouts: [],
  },
  {
    query: 'activation=step&w=10&b=-4.3',
    panels: ['za', 'xa'],
    controls: ['w', 'b'],
    readouts: [],
  },
  {
    query: 'activation=step&w=1&b=-0.3',
    panels: ['xa', 'cost'],
    controls: ['train'],
    readouts: ['w', 'b', 'epoch', 'cost'],
  },
  {
    query: 'w=5&b=-2.5',
    panels: ['za', 'xa'],
    controls: [],
    readouts: ['probe'],
    probe: 0.62,
    live: (lab) => {
      const [x, z, a, slope] = lab.probe_values();
      return x === undefined ? null : { x: f3(x), z: f3(z), a: f3(a), slope: slope.toFixed(4) };
    },
  },
  {
    query: 'w=3&b=-1',
    panels: ['xz', 'za', 'xa'],
    controls: ['w', 'b'],
    readouts: [],
    quiz: {
      sweep: ['w', 3, 8],
      correct: 1,
    },
  },
  {
    query: 'w=5&b=-5',
    panels: ['xa'],
    controls: ['w', 'b'],
    readouts: ['boundary'],
    quiz: {
      hide: true,
      sweep: ['w', 5, 10],
      correct: 0,
    },
  },
  {
    query: 'w=3&b=-1.2',
    panels: ['chain', 'xa'],
    controls: ['train'],
    readouts: [],
  },
  {
    query: 'alpha=0.5&autoplay=1&epochs=1000',
    panels: ['xa', 'cost'],
    controls: ['train', 'alpha'],
    readouts: ['epoch', 'cost', 'boundary', 'accuracy'],
    live: (lab) => {
      const [safe, toxic] = lab.class_gap();
      return safe === undefined ? null : { safe: f3(safe), toxic: f3(toxic) };
    },
  },
  {
    query: 'w=5&b=-2.5',
    panels: [],
    controls: [],
    readouts: [],
    demo: true,
  },
];

/** The link of step n (1-based), keeping the language. */
export function stepHref(n, lang) {
  const q = new URLSearchParams(STEPS[n - 1].query);
  q.set('tour', String(n));
  if (lang) q.set('lang', lang);
  return `?${normalize_query(q.toString()).query}`;
}

/** A bare `?tour=N` (none of the step's settings) goes to the step's full link. */
export function redirectBareStep(step, search, lang) {
  if (!step || step > STEPS.length) return false;
  const keys = [...new URLSearchParams(STEPS[step - 1].query).keys()];
  const have = new URLSearchParams(search);
  if (keys.some((k) => have.has(k))) return false;
  location.replace(stepHref(step, lang));
  return true;
}

/** What step n shows: its panels, controls and readouts. */
export function stepView(n) {
  const s = STEPS[n - 1];
  return { panels: s.panels, controls: s.controls, readouts: s.readouts, probe: s.probe };
}

/**
 * host: { lab, lang(), words() → the page's strings with their `tour` part, dpr(), dark(),
 * setParam(key, v), request(), fullLab() → href of the whole lab in the current state,
 * controlsShown(on) }.
 */
export function setupTour(step, host) {
  const $ = (id) => document.getElementById(id);
  const box = $('tour');
  const demoCanvas = $('stack-demo');
  const s = STEPS[step - 1];
  let answer = null;
  let lastLive = null;
  document.documentElement.classList.add('lesson');
  if (s.quiz) {
    host.controlsShown(false);
    document.documentElement.classList.toggle('quiz-pending', Boolean(s.quiz.hide));
  }

  function show() {
    const lang = host.lang();
    const w = host.words().tour;
    box.hidden = false;
    $('tour-count').textContent = w.step(step, STEPS.length);
    $('tour-title').textContent = w.steps[step - 1].title;
    $('tour-text').textContent = w.steps[step - 1].text;
    const prev = $('tour-prev');
    const next = $('tour-next');
    prev.textContent = w.prev;
    next.textContent = w.next;
    prev.hidden = step === 1;
    next.hidden = step === STEPS.length;
    if (step > 1) prev.href = stepHref(step - 1, lang);
    if (step < STEPS.length) next.href = stepHref(step + 1, lang);
    // The last step goes on to the network stage, its hidden neurons linear: the claim to try.
    if (step === STEPS.length) {
      let network = $('tour-network');
      if (!network) {
        network = document.createElement('a');
        network.id = 'tour-network';
        network.className = 'button-link primary';
        next.after(network);
      }
      network.textContent = w.network;
      network.href = `?stage=network&hidden=linear&lang=${lang}`;
    }
    const exit = $('tour-exit');
    exit.textContent = w.exit;
    exit.href = host.fullLab();
    showQuiz();
    lastLive = null;
    update();
    demoCanvas.parentElement.hidden = !s.demo;
    if (s.demo) drawDemo();
  }

  function showQuiz() {
    const quiz = $('quiz');
    quiz.hidden = !s.quiz;
    if (!s.quiz) return;
    const words = host.words().tour.steps[step - 1].quiz;
    $('quiz-question').textContent = words.question;
    const buttons = words.options.map((label, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.dataset.answer = String(i);
      b.setAttribute('aria-pressed', String(answer === i));
      b.addEventListener('click', () => reveal(i));
      return b;
    });
    $('quiz-options').replaceChildren(...buttons);
    $('quiz-reveal').hidden = answer === null;
    if (answer !== null) $('quiz-reveal').textContent = `${answer === s.quiz.correct ? words.right : words.wrong} ${words.reason}`;
  }

  function reveal(i) {
    const first = answer === null;
    answer = i;
    document.documentElement.classList.remove('quiz-pending');
    host.controlsShown(true);
    showQuiz();
    // The picture that answers the question: the parameter moves on its own, once.
    if (first) sweep(...s.quiz.sweep);
  }

  function sweep(key, from, to) {
    const ms = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 1600;
    const start = performance.now();
    const tick = (now) => {
      const u = ms ? Math.min(1, (now - start) / ms) : 1;
      host.setParam(key, from + (to - from) * (0.5 - Math.cos(Math.PI * u) / 2));
      if (u < 1) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  /** Words that follow the state (the probe's slope, the sample's gap); written only on change. */
  function update() {
    if (!s.live) return;
    const numbers = s.live(host.lab);
    const text = numbers ? host.words().tour.steps[step - 1].live(numbers) : '';
    if (text !== lastLive) {
      $('tour-live').textContent = text;
      $('tour-live').hidden = !text;
      lastLive = text;
    }
  }

  // The link follows the state, so the whole lab opens where the step left it.
  $('tour-exit').addEventListener('click', (e) => {
    e.preventDefault();
    location.assign(host.fullLab());
  });
  for (const type of ['pointerenter', 'focus']) $('tour-exit').addEventListener(type, () => { $('tour-exit').href = host.fullLab(); });

  function drawDemo() {
    const rect = demoCanvas.getBoundingClientRect();
    const ratio = host.dpr();
    demoCanvas.width = Math.max(1, Math.round(rect.width * ratio));
    demoCanvas.height = Math.max(1, Math.round(rect.height * ratio));
    draw_stack_demo(demoCanvas, ratio, host.lang(), host.dark());
  }
  if (s.demo) new ResizeObserver(drawDemo).observe(demoCanvas);

  show();
  return { show, update };
}
