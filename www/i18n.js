// The page's words in Chinese (the course's language) and English.

export const STRINGS = {
  zh: {
    htmlLang: 'zh-CN',
    switchTo: 'English',
    switchLang: 'en',
    subtitle: '激活函数：给机器注入灵魂 · 一个神经元，z = wx + b，a = sigmoid(z)',
    panels: '图表',
    readouts: '当前数值',
    controls: '控制',
    training: '训练',
    epoch: '训练轮数',
    cost: '平均代价',
    boundary: '分界 x',
    accuracy: '分对的豆豆',
    grid: '网格',
    play: '训练',
    pause: '暂停',
    bean: '一颗豆',
    epochBtn: '一轮',
    reset: '重置',
    beans: '新豆豆',
    shortcuts: '快捷键：空格 训练/暂停 · . 一颗豆 · E 一轮 · R 重置',
    copyLink: '复制链接',
    copyEmbed: '复制嵌入代码',
    copied: '已复制到剪贴板。',
    copyFailed: '无法自动复制，请手动复制下面的文字。',
    shareText: '链接或嵌入代码',
    embedTitle: 'Sigmoid Lab：激活函数 sigmoid 与一个神经元的训练',
    urlProblems: '链接里有些设置无效，已忽略或调整：',
    dismiss: '知道了',
    failed: '出错了，页面停了下来。链接里的设置都还在，点下面的按钮重新开始。',
    restart: '重新开始（保留设置）',
    chainTitle: '链式法则',
    numeric: '定义法',
    probe: '探针 x → z → a',
    activation: '激活函数',
    stepOption: '阶跃 step',
    costLabel: '代价',
    mseOption: '平方误差 (y − a)²',
    ceOption: '交叉熵',
    stepWhy: '阶跃函数除了 z = 0 处处斜率为 0：da/dz = 0，所以 de/dw = de/da · 0 · x = 0，训练时 w 和 b 一动不动。这正是要换成 sigmoid 的原因。',
    probeHint: '在图上拖动或按 ← →：探针 x 穿过三张图；点一颗豆豆看它的链式法则。',
    chainBean: (c, chosen) => `第 ${c.index + 1} 颗豆：x = ${c.x.toFixed(3)}，y = ${c.y}（${c.y === 1 ? '有毒' : '无毒'}）${chosen ? '' : '，下一步用它'}`,
    explainStep: '阶跃函数的 da/dz = 0：梯度是 0，w 和 b 不会动。',
    explainCe: '交叉熵配 sigmoid：de/da · da/dz = a − y，sigmoid 饱和时梯度也不消失。',
    explainSaturated: 'sigmoid 饱和了：da/dz 接近 0，平方误差的梯度几乎消失，学得很慢。试试交叉熵。',
    explainAgree: '链式法则算出的 de/dw、de/db 与定义法（中心差分）一致。',
    footer: '训练一次 = 对每颗豆豆：前向 x → z → a → e = (y − a)²，再用链式法则 de/dw = de/da · da/dz · dz/dw 反向求导，w ← w − α·de/dw，b ← b − α·de/db。',
    credit: '配合《小白也能听懂的人工智能原理》第 05 课「激活函数：给机器注入灵魂」。',
    slider: (label) => `${label} 滑块`,
    field: (label) => `${label} 数值`,
    clamped: (label, text, v) => `${label}：“${text}” 超出范围，已改为 ${v}。`,
    rejected: (label, text) => `${label}：“${text}” 不是数字，保持原值。`,
    diverged: (epoch) => `α 太大：训练在第 ${epoch} 轮发散，已退回上一个正常状态。请调小 α。`,
    summary: (s) => s.boundary === null
      ? `第 ${s.epoch} 轮，w = 0，没有分界。`
      : `第 ${s.epoch} 轮：分界在 x = ${s.boundary}，${s.accuracy}% 的豆豆分对，平均代价 ${s.cost}。`,
    panelAlt: {
      xz: (s) => `x → z 图：直线 z = ${s.w}·x + ${s.b}，豆豆的大小标在 x 轴上。`,
      za: (s) => `z → a 图：sigmoid 曲线，从 0 平滑升到 1，在 z = 0 处 a = 0.5；阴影是豆豆的 z 所在的区间。`,
      xa: (s) => `x → a 图：曲线 a = sigmoid(${s.w}·x + ${s.b})，分界在 x = ${s.boundary}；有毒豆豆（三角）在 a = 1，无毒豆豆（圆点）在 a = 0。`,
      cost: (s) => `代价图：第 ${s.epoch} 轮，平均代价 ${s.cost}。`,
    },
  },
  en: {
    htmlLang: 'en',
    switchTo: '中文',
    switchLang: 'zh',
    subtitle: 'Activation functions: one neuron, z = wx + b, a = sigmoid(z)',
    panels: 'Charts',
    readouts: 'Current values',
    controls: 'Controls',
    training: 'Training',
    epoch: 'epoch',
    cost: 'mean cost',
    boundary: 'boundary x',
    accuracy: 'beans right',
    grid: 'grid',
    play: 'Train',
    pause: 'Pause',
    bean: 'One bean',
    epochBtn: 'One epoch',
    reset: 'Reset',
    beans: 'New beans',
    shortcuts: 'Keys: Space train/pause · . one bean · E one epoch · R reset',
    copyLink: 'Copy link',
    copyEmbed: 'Copy embed code',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy automatically: copy the text below.',
    shareText: 'Link or embed code',
    embedTitle: 'Sigmoid Lab: the sigmoid activation and training one neuron',
    urlProblems: 'Some settings in the link were invalid and were ignored or adjusted:',
    dismiss: 'Got it',
    failed: 'Something went wrong and the page stopped. Your settings are kept in the link: start again below.',
    restart: 'Start again (settings kept)',
    chainTitle: 'Chain rule',
    numeric: 'by definition',
    probe: 'probe x → z → a',
    activation: 'activation',
    stepOption: 'step',
    costLabel: 'cost',
    mseOption: 'squared error (y − a)²',
    ceOption: 'cross-entropy',
    stepWhy: 'The step function is flat everywhere but at z = 0: da/dz = 0, so de/dw = de/da · 0 · x = 0 and training cannot move w or b. That is why the sigmoid replaces it.',
    probeHint: 'Drag on a chart or press ← →: the probe x goes through all three charts; click a bean to see its chain rule.',
    chainBean: (c, chosen) => `bean ${c.index + 1}: x = ${c.x.toFixed(3)}, y = ${c.y} (${c.y === 1 ? 'toxic' : 'safe'})${chosen ? '' : ', used by the next step'}`,
    explainStep: 'The step’s da/dz = 0: the gradient is 0, so w and b cannot move.',
    explainCe: 'Cross-entropy with the sigmoid: de/da · da/dz = a − y, so the gradient does not vanish when the sigmoid saturates.',
    explainSaturated: 'The sigmoid is saturated: da/dz is near 0, so the squared-error gradient almost vanishes and learning is slow. Try cross-entropy.',
    explainAgree: 'The chain rule’s de/dw and de/db agree with the definition (a central difference).',
    footer: 'One training step, for each bean: forward x → z → a → e = (y − a)², then back by the chain rule de/dw = de/da · da/dz · dz/dw, and w ← w − α·de/dw, b ← b − α·de/db.',
    credit: 'For lesson 05 of the course 《小白也能听懂的人工智能原理》, “Activation functions: giving the machine a soul”.',
    slider: (label) => `${label} slider`,
    field: (label) => `${label} value`,
    clamped: (label, text, v) => `${label}: “${text}” is out of range, set to ${v}.`,
    rejected: (label, text) => `${label}: “${text}” is not a number, value kept.`,
    diverged: (epoch) => `α too large: training diverged at epoch ${epoch}; back to the last good state. Try a smaller α.`,
    summary: (s) => s.boundary === null
      ? `Epoch ${s.epoch}: w = 0, no boundary.`
      : `Epoch ${s.epoch}: boundary at x = ${s.boundary}, ${s.accuracy}% of beans right, mean cost ${s.cost}.`,
    panelAlt: {
      xz: (s) => `x → z chart: the line z = ${s.w}·x + ${s.b}, with the bean sizes marked on the x axis.`,
      za: () => 'z → a chart: the sigmoid curve rising smoothly from 0 to 1, a = 0.5 at z = 0; the shaded band is where the beans’ z values fall.',
      xa: (s) => `x → a chart: the curve a = sigmoid(${s.w}·x + ${s.b}), boundary at x = ${s.boundary}; toxic beans (triangles) at a = 1, safe beans (circles) at a = 0.`,
      cost: (s) => `Cost chart: epoch ${s.epoch}, mean cost ${s.cost}.`,
    },
  },
};

/** zh unless the browser prefers another language first (the switch overrides). */
export function pickLang(search = location.search, languages = navigator.languages ?? [navigator.language]) {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  const first = (languages[0] ?? 'zh').toLowerCase();
  return first.startsWith('zh') || first === '' ? 'zh' : 'en';
}

/** Puts the language's words into every element marked with data-i18n / data-i18n-label. */
export function applyStrings(lang) {
  const t = STRINGS[lang];
  document.documentElement.lang = t.htmlLang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t[el.dataset.i18nLabel]);
  return t;
}
