// The network stage's words in Chinese (www/network.js builds the stage); the words it shares with
// the lab (训练, 一颗豆, 平均代价, …) are the page's own, in strings-zh.js.

export default {
  subtitle: '第 06 课 · 叠两个神经元：h1、h2 = f(w·x + b)，a = g(v1·h1 + v2·h2 + c)',
  intro: '两个隐藏神经元把 x 各变成 h1、h2，输出神经元再把它们加权相加。拖动七个参数，或按「训练」。',
  hidden: '隐藏层 f',
  output: '输出 g',
  linear: '线性（不加激活）',
  none: '无（a = z）',
  whyLinear: (s, i) => `隐藏层是线性的：z = v1(w1·x + b1) + v2(w2·x + b2) + c 化简后就是一条直线 z = ${s}·x + ${i}（斜率 v1·w1 + v2·w2，截距 v1·b1 + v2·b2 + c）。两个神经元等于一个：a = sigmoid(z) 只升或只降，最多一条分界，分不出中间的有毒豆豆。`,
  whyLinearNone: (s, i) => `隐藏层和输出都是线性的：整个网络就是一条直线 a = ${s}·x + ${i}。`,
  whySigmoid: '隐藏层用 sigmoid：两条 S 曲线一加一减，能做出一个“凸起”，正好盖住中间的有毒豆豆。按「训练」看它找到这个凸起。',
  slope: '直线斜率',
  intercept: '直线截距',
  chainTitle: '链式法则：隐藏层的权重 w1',
  chainBean: (i, x, y) => `第 ${i + 1} 颗豆：x = ${x}，y = ${y}`,
  single: '一个神经元试试',
  singleHint: '在同一批豆豆上训练单个神经元：它只能画一条分界。',
  lab: '单个神经元实验室',
  trained: (s) => `训练了 ${s.epoch} 轮：${s.accuracy}% 的豆豆分对了，平均代价 ${s.cost}。`,
  diverged: '学习率太大，参数变成了无穷大：训练停在上一步。把学习率调小再试。',
  alt: {
    hidden: (s) => `隐藏层：h1 和 h2 随豆豆大小 x 变化的曲线。${s.line ? '都是直线。' : '都是 S 曲线。'}`,
    output: (s) => `输出 a 随 x 变化，和豆豆的真实毒性；${s.line ? `一条直线 z = ${s.line}` : '可以有凸起'}；分对 ${s.accuracy}%。`,
    cost: (s) => `平均代价随训练轮数变化，现在第 ${s.epoch} 轮，代价 ${s.cost}。`,
  },
};
