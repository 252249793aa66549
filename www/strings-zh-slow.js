// One step in slow motion, its words in Chinese (www/slowstep.js walks through it), loaded with it.

export default {
  next: '下一阶段',
  done: '完成这一步',
  stop: '结束',
  stages: [
    '前向 1/3：z = w·x + b，这颗豆的大小 x 变成 z（看 x → z 图上的探针）。',
    '前向 2/3：a = sigmoid(z)，z 变成 0 到 1 之间的 a（看 z → a 图）。',
    '前向 3/3：e = (y − a)²，预测 a 和真实的 y 差多少。',
    '反向 1/4（从外往里剥洋葱）：de/da = −2(y − a)，代价对 a 的导数。',
    '反向 2/4：da/dz = a(1 − a)，sigmoid 的斜率。',
    '反向 3/4：dz/dw = x，dz/db = 1，线性部分的斜率。',
    '反向 4/4：乘起来，de/dw = de/da · da/dz · dz/dw，de/db 同理；和定义法算出的一样。',
    '更新：w ← w − α·de/dw，b ← b − α·de/db。按“完成这一步”真的走出这一步。',
  ],
};
