// The lesson path: lesson 05's argument in its order, one step at a time (`?tour=N`). Each step is
// a state of the page (its settings), the charts and controls it talks about and nothing else, and
// for the lesson's two quizzes a question answered before the result is shown.

import { normalize_query, draw_stack_demo } from './pkg/sigmoid_lab.js';

const f3 = (v) => (Math.abs(v) < 5e-4 ? 0 : v).toFixed(3);

export const STEPS = [
  {
    query: 'w=1.2&b=-0.2',
    panels: ['xz'],
    controls: ['w', 'b'],
    readouts: [],
    zh: ['豆豆只有两种：有毒 1，无毒 0', '课里的豆豆不再有“毒性大小”，只有有毒（1）和无毒（0）。可一个神经元 z = w·x + b 是一条直线：拖动 w、b，它的输出可以大于 1、小于 0，也可以停在 0.5——直线给不出“是 / 否”。'],
    en: ['A bean is toxic (1) or not (0)', 'The beans no longer have a degree of toxicity: each is toxic (1) or safe (0). One neuron z = w·x + b is a straight line: drag w and b and its output goes above 1, below 0, or sits at 0.5. A line does not answer yes or no.'],
  },
  {
    query: 'activation=step&w=10&b=-4.3',
    panels: ['za', 'xa'],
    controls: ['w', 'b'],
    readouts: [],
    zh: ['阶跃函数把 z 变成 0 或 1', '罗森布拉特的感知器把 z 再送进一个分段函数：z ≥ 0 输出 1，否则输出 0。这就是一种激活函数。看 x → a：每颗豆豆都被判成有毒或无毒，没有中间。'],
    en: ['The step function turns z into 0 or 1', 'Rosenblatt’s perceptron puts z through a piecewise function: 1 when z ≥ 0, else 0. That is an activation function. On x → a every bean is judged toxic or safe, nothing in between.'],
  },
  {
    query: 'activation=step&w=1&b=-0.3',
    panels: ['xa', 'cost'],
    controls: ['train'],
    readouts: ['w', 'b', 'epoch', 'cost'],
    zh: ['阶跃函数的斜率是 0：梯度下降走不动', '按「训练」：轮数在涨，w、b 和代价却一动不动。阶跃函数除了 z = 0 处处平坦，da/dz = 0，所以 de/dw = de/da · 0 · x = 0，梯度下降没有方向可走。'],
    en: ['The step’s slope is 0: gradient descent cannot move', 'Press Train: the epochs count up, but w, b and the cost stay put. The step is flat everywhere but at z = 0, so da/dz = 0 and de/dw = de/da · 0 · x = 0: descent has no direction to go.'],
  },
  {
    query: 'w=5&b=-2.5',
    panels: ['za', 'xa'],
    controls: [],
    readouts: ['probe'],
    probe: 0.62,
    zh: ['sigmoid：在 0 和 1 之间，光滑，斜率处处不为 0', 'a = 1/(1 + e^−z) 总在 0 和 1 之间，而且光滑：它的斜率 da/dz = a(1 − a) 处处大于 0，z = 0 时最大（0.25）。在图上拖动探针，看斜率怎么变。'],
    en: ['The sigmoid: in (0, 1), smooth, slope never 0', 'a = 1/(1 + e^−z) stays between 0 and 1 and is smooth: its slope da/dz = a(1 − a) is above 0 everywhere, largest (0.25) at z = 0. Drag the probe on a chart and watch the slope.'],
    live: (lab, lang) => {
      const [x, z, a, slope] = lab.probe_values();
      if (x === undefined) return '';
      return lang === 'zh'
        ? `探针：x = ${f3(x)}，z = ${f3(z)}，a = ${f3(a)}，斜率 da/dz = a(1 − a) = ${slope.toFixed(4)}`
        : `Probe: x = ${f3(x)}, z = ${f3(z)}, a = ${f3(a)}, slope da/dz = a(1 − a) = ${slope.toFixed(4)}`;
    },
  },
  {
    query: 'w=3&b=-1',
    panels: ['xz', 'za', 'xa'],
    controls: ['w', 'b'],
    readouts: [],
    zh: ['小测验 1', '三张图：x → z 的直线，z → a 的 sigmoid，x → a 是两者叠起来。'],
    en: ['Quiz 1', 'Three charts: the line x → z, the sigmoid z → a, and x → a, the two put together.'],
    quiz: {
      sweep: ['w', 3, 8],
      right: 1,
      zh: {
        question: '改变 w 和 b 时，中间这张 z → a 的曲线会变吗？',
        options: ['1 会变', '2 不会变'],
        right: '答对了：不会。',
        wrong: '其实不会。',
        reason: '看：w 从 3 变到 8，x → z 的直线和 x → a 的曲线都在动，z → a 的 S 曲线一动不动，只有豆豆的阴影在移。a 只看 z：z = 0 时 a 就是 0.5，不管 z 是用什么 w、b 算出来的。而 x → a 会变。现在自己拖 w、b 试试。',
      },
      en: {
        question: 'When w and b change, does the middle chart, z → a, change?',
        options: ['1 Yes', '2 No'],
        right: 'Right: it does not.',
        wrong: 'In fact it does not.',
        reason: 'Watch: w goes from 3 to 8; the line on x → z and the curve on x → a move, the S curve on z → a does not, only the beans’ shaded band moves. a only looks at z: at z = 0 it is 0.5, whatever w and b made that z. x → a does change. Now drag w and b yourself.',
      },
    },
  },
  {
    query: 'w=5&b=-5',
    panels: ['xa'],
    controls: ['w', 'b'],
    readouts: ['boundary'],
    zh: ['小测验 2', '先猜，再看图。'],
    en: ['Quiz 2', 'Guess first, then look.'],
    quiz: {
      hide: true,
      sweep: ['w', 5, 10],
      right: 0,
      zh: {
        question: 'w = 5、b = −5 时，x → a 的中点（a = 0.5 的地方）在哪里？',
        options: ['1 x = 1', '2 x = 0.5'],
        right: '答对了：x = 1。',
        wrong: '其实在 x = 1。',
        reason: 'a = 0.5 就是 z = 0：5·x − 5 = 0，x = 1。看：再把 w 从 5 加到 10，中点移到 x = 0.5（10·0.5 − 5 = 0），曲线也更陡。w 管陡度和位置，b 管位置。',
      },
      en: {
        question: 'With w = 5 and b = −5, where is the midpoint of x → a (where a = 0.5)?',
        options: ['1 x = 1', '2 x = 0.5'],
        right: 'Right: at x = 1.',
        wrong: 'In fact at x = 1.',
        reason: 'a = 0.5 means z = 0: 5·x − 5 = 0, so x = 1. Watch: w goes on from 5 to 10, the midpoint moves to x = 0.5 (10·0.5 − 5 = 0) and the curve gets steeper. w sets steepness and place, b the place.',
      },
    },
  },
  {
    query: 'w=3&b=-1.2',
    panels: ['chain', 'xa'],
    controls: ['train'],
    readouts: [],
    zh: ['链式法则：从外往里剥洋葱', '代价 e = (y − a)² 是一颗洋葱：e 包着 a，a 包着 z，z 包着 w。从外往里一层层求导再相乘：de/dw = de/da · da/dz · dz/dw。面板里每层都是数字，乘积和定义法（把 w 挪一点点，看 e 变多少）一样。按「慢动作走一步」一层层看。'],
    en: ['The chain rule: peel the onion from outside in', 'The cost e = (y − a)² is an onion: e wraps a, a wraps z, z wraps w. Differentiate layer by layer and multiply: de/dw = de/da · da/dz · dz/dw. Each layer is a number in the panel, and the product equals the derivative by definition (nudge w, see how e changes). Press the slow-motion button to peel it.'],
  },
  {
    query: 'alpha=0.5&autoplay=1&epochs=1000',
    panels: ['xa', 'cost'],
    controls: ['train', 'alpha'],
    readouts: ['epoch', 'cost', 'boundary', 'accuracy'],
    zh: ['梯度下降让曲线拟合豆豆', '按课里的循环，一颗豆一颗豆地更新 w 和 b，训练 1000 轮（学习率 α = 0.5，步子大一些）：代价下降，x → a 变陡，分界停在最大的无毒豆和最小的有毒豆之间。'],
    en: ['Gradient descent fits the beans', 'The lesson’s loop updates w and b bean by bean for 1000 epochs (learning rate α = 0.5, larger steps): the cost falls, x → a gets steeper, and the boundary settles between the largest safe bean and the smallest toxic one.'],
    live: (lab, lang) => {
      const [safe, toxic] = lab.class_gap();
      if (safe === undefined) return '';
      return lang === 'zh'
        ? `这批豆豆里最大的无毒豆 x = ${f3(safe)}，最小的有毒豆 x = ${f3(toxic)}，分界就落在这两颗之间。课程的规则把边界定在 3/7 ≈ 0.429 附近（再加一点随机），豆豆越多，这个空隙越窄，分界越接近 3/7。`
        : `In this sample the largest safe bean is at x = ${f3(safe)}, the smallest toxic one at x = ${f3(toxic)}: the boundary lands in that gap. The course’s rule puts the border near 3/7 ≈ 0.429 (blurred a little), so with more beans the gap narrows and the boundary nears 3/7.`;
    },
  },
  {
    query: 'w=5&b=-2.5',
    panels: [],
    controls: [],
    readouts: [],
    demo: true,
    zh: ['叠再多线性神经元还是线性，激活函数打破它', '两个不带激活函数的神经元叠起来，仍然只是一条直线（左）；中间加上 sigmoid，输出就能弯曲，甚至做出一个“凸起”（右）。这就是激活函数给机器注入的灵魂，下一课用它搭出第一个网络。'],
    en: ['Linear on linear stays linear; the activation breaks that', 'Two neurons stacked without an activation are still one straight line (left); put a sigmoid between them and the output can bend, even make a bump (right). That is the soul the activation gives the machine; the next lesson builds the first network with it.'],
  },
];

const WORDS = {
  zh: { step: (n) => `第 ${n} 步，共 ${STEPS.length} 步`, prev: '上一步', next: '下一步', exit: '完整实验室', pick: '先选一个答案：', network: '亲手叠两个神经元' },
  en: { step: (n) => `Step ${n} of ${STEPS.length}`, prev: 'Back', next: 'Next', exit: 'The whole lab', pick: 'Pick an answer first:', network: 'Stack two neurons yourself' },
};

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
 * host: { lab, lang(), dpr(), dark(), setParam(key, v), request(), fullLab() → href of the whole
 * lab in the current state, controlsShown(on) }.
 */
export function setupTour(step, host) {
  const $ = (id) => document.getElementById(id);
  const box = $('tour');
  const demoCanvas = $('stack-demo');
  const s = STEPS[step - 1];
  let answer = null;
  let lastLive = null;
  document.documentElement.classList.add('lesson');
  document.querySelector('.panels').dataset.count = String(s.panels.length);
  if (s.quiz) {
    host.controlsShown(false);
    document.documentElement.classList.toggle('quiz-pending', Boolean(s.quiz.hide));
  }

  function show() {
    const lang = host.lang();
    const w = WORDS[lang];
    box.hidden = false;
    $('tour-count').textContent = w.step(step);
    $('tour-title').textContent = s[lang][0];
    $('tour-text').textContent = s[lang][1];
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
    showQuiz(lang);
    lastLive = null;
    update();
    demoCanvas.parentElement.hidden = !s.demo;
    if (s.demo) drawDemo();
  }

  function showQuiz(lang) {
    const quiz = $('quiz');
    quiz.hidden = !s.quiz;
    if (!s.quiz) return;
    const words = s.quiz[lang];
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
    if (answer !== null) $('quiz-reveal').textContent = `${answer === s.quiz.right ? words.right : words.wrong} ${words.reason}`;
  }

  function reveal(i) {
    const first = answer === null;
    answer = i;
    document.documentElement.classList.remove('quiz-pending');
    host.controlsShown(true);
    showQuiz(host.lang());
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
    const text = s.live(host.lab, host.lang());
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
