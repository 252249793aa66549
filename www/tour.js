// The guided tour: the lesson's claims in order, each a state of the page reachable by a link
// (`?tour=N` plus the settings that show it).

import { normalize_query, draw_stack_demo } from './pkg/sigmoid_lab.js';

export const STEPS = [
  {
    query: 'activation=step&w=10&b=-4.3',
    zh: ['阶跃函数只给出 0 或 1', '罗森布拉特感知器把 z 送进阶跃函数：z ≥ 0 就是 1，否则是 0。看 x → a：豆豆要么被判有毒，要么无毒，没有中间。'],
    en: ['The step function gives only 0 or 1', 'Rosenblatt’s perceptron puts z through a step: 1 when z ≥ 0, else 0. On x → a every bean is either toxic or not, nothing in between.'],
  },
  {
    query: 'activation=step&w=1&b=-0.3&epochs=100',
    zh: ['阶跃函数的斜率是 0，梯度下降动不了', '这里已经训练了 100 轮，w 和 b 还是 1 和 −0.3。看链式法则面板：da/dz = 0，所以 de/dw 和 de/db 都是 0。'],
    en: ['Its slope is 0, so gradient descent cannot move', 'This has trained 100 epochs and w, b are still 1 and −0.3. In the chain-rule panel: da/dz = 0, so de/dw and de/db are 0.'],
  },
  {
    query: 'w=5&b=-2.5',
    zh: ['sigmoid：在 0 和 1 之间，光滑，斜率处处不为 0', 'a = 1/(1 + e^−z) 永远在 (0, 1) 里；它的斜率 da/dz = a(1 − a) 处处大于 0。在图上拖动探针，看 z 与 a 一起变。'],
    en: ['The sigmoid: between 0 and 1, smooth, slope never 0', 'a = 1/(1 + e^−z) stays in (0, 1); its slope da/dz = a(1 − a) is above 0 everywhere. Drag the probe on a chart and watch z and a move together.'],
  },
  {
    query: 'w=3&b=-1',
    zh: ['z → a 图不随 w、b 改变', '拖动 w 和 b：x → z 的直线和 x → a 的曲线都在动，z → a 的 sigmoid 一动不动，只有阴影（豆豆的 z 所在的区间）在动。a 不管 z 是怎么来的。'],
    en: ['Panel z → a does not change with w and b', 'Drag w and b: the line on x → z and the curve on x → a move, the sigmoid on z → a does not; only the shaded band of the beans’ z moves. a does not care how z was made.'],
  },
  {
    query: 'w=5&b=-5',
    zh: ['x → a 会平移和伸缩', 'w = 5、b = −5：x = 1 时 z = 0，a = 0.5，中点在 x = 1。把 w 改成 10：中点移到 x = 0.5，而且更陡。'],
    en: ['x → a shifts and stretches', 'w = 5, b = −5: z = 0 and a = 0.5 at x = 1, the midpoint. Set w to 10: the midpoint moves to x = 0.5 and the curve gets steeper.'],
  },
  {
    query: 'w=3&b=-1.2',
    zh: ['链式法则与定义法一致', 'de/dw = de/da · da/dz · dz/dw：链式法则面板里每个因子都是数字，乘积与用定义法（中心差分）算出的导数相同。点一颗豆豆看它的。'],
    en: ['The chain rule equals the definition', 'de/dw = de/da · da/dz · dz/dw: each factor is a number in the chain-rule panel, and the product equals the derivative by definition (a central difference). Click a bean to see its own.'],
  },
  {
    query: 'autoplay=1&epochs=1000',
    zh: ['训练让曲线拟合豆豆', '按课里的循环训练 1000 轮：代价下降，分界停在 x ≈ 0.43 附近（豆豆的毒性边界是 3/7）。'],
    en: ['Training fits the beans', 'The lesson’s loop for 1000 epochs: the cost falls and the boundary settles near x ≈ 0.43 (the beans’ border is 3/7).'],
  },
  {
    query: 'panels=xa',
    zh: ['叠线性还是线性，激活函数打破它', '两个不带激活函数的神经元叠起来，仍然只是一条直线；中间加上 sigmoid，输出就能弯曲，甚至做出一个“凸起”。这就是激活函数给机器注入的灵魂。'],
    en: ['Linear on linear stays linear; the activation breaks that', 'Two neurons stacked without an activation are still one straight line; put a sigmoid between them and the output can bend, even make a bump. That is the soul the activation gives the machine.'],
    demo: true,
  },
];

const WORDS = {
  zh: { step: (n) => `导览 ${n} / ${STEPS.length}`, prev: '上一步', next: '下一步', exit: '结束导览' },
  en: { step: (n) => `Tour ${n} / ${STEPS.length}`, prev: 'Back', next: 'Next', exit: 'End tour' },
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

export function setupTour(step, getLang, dpr, dark) {
  const box = document.getElementById('tour');
  const start = document.getElementById('tour-start');
  const demoCanvas = document.getElementById('stack-demo');

  function show() {
    const lang = getLang();
    const w = WORDS[lang];
    start.href = stepHref(1, lang);
    if (!step) return;
    const s = STEPS[step - 1];
    box.hidden = false;
    document.getElementById('tour-count').textContent = w.step(step);
    document.getElementById('tour-title').textContent = s[lang][0];
    document.getElementById('tour-text').textContent = s[lang][1];
    const prev = document.getElementById('tour-prev');
    const next = document.getElementById('tour-next');
    prev.textContent = w.prev;
    next.textContent = w.next;
    prev.hidden = step === 1;
    next.hidden = step === STEPS.length;
    if (step > 1) prev.href = stepHref(step - 1, lang);
    if (step < STEPS.length) next.href = stepHref(step + 1, lang);
    const exit = document.getElementById('tour-exit');
    exit.textContent = w.exit;
    exit.href = `?lang=${lang}`;
    demoCanvas.parentElement.hidden = !s.demo;
    if (s.demo) drawDemo();
  }

  function drawDemo() {
    const rect = demoCanvas.getBoundingClientRect();
    const ratio = dpr();
    demoCanvas.width = Math.max(1, Math.round(rect.width * ratio));
    demoCanvas.height = Math.max(1, Math.round(rect.height * ratio));
    draw_stack_demo(demoCanvas, ratio, getLang(), dark());
  }
  if (step && STEPS[step - 1].demo) new ResizeObserver(drawDemo).observe(demoCanvas);

  show();
  return { show };
}
