// The network stage's words in English (www/network.js builds the stage); the words it shares with
// the lab (Train, One bean, mean cost, …) are the page's own, in strings-en.js.

export default {
  subtitle: 'Lesson 06 · two neurons stacked: h1, h2 = f(w·x + b), a = g(v1·h1 + v2·h2 + c)',
  intro: 'Two hidden neurons turn x into h1 and h2; the output neuron adds them with weights. Drag the seven, or press Train.',
  hidden: 'hidden layer f',
  output: 'output g',
  linear: 'linear (no activation)',
  none: 'none (a = z)',
  whyLinear: (s, i) => `The hidden layer is linear: z = v1(w1·x + b1) + v2(w2·x + b2) + c simplifies to one straight line z = ${s}·x + ${i} (slope v1·w1 + v2·w2, intercept v1·b1 + v2·b2 + c). Two neurons are one: a = sigmoid(z) only rises or only falls, one border at most, so the toxic beans in the middle stay out of reach.`,
  whyLinearNone: (s, i) => `Hidden layer and output both linear: the whole network is the one line a = ${s}·x + ${i}.`,
  whySigmoid: 'Sigmoid hidden neurons: one S curve up and one down make a bump that covers the toxic beans in the middle. Press Train and watch it find the bump.',
  slope: 'line slope',
  intercept: 'line intercept',
  chainTitle: 'Chain rule: the hidden weight w1',
  chainBean: (i, x, y) => `bean ${i + 1}: x = ${x}, y = ${y}`,
  single: 'Try one neuron',
  singleHint: 'Train a single neuron on the same beans: it can draw only one border.',
  lab: 'The one-neuron lab',
  trained: (s) => `Trained ${s.epoch} epochs: ${s.accuracy}% of the beans right, mean cost ${s.cost}.`,
  diverged: 'The learning rate is too large: a parameter became infinite, training stopped at the step before. Try a smaller one.',
  alt: {
    hidden: (s) => `Hidden layer: h1 and h2 over the bean size x. ${s.line ? 'Both are straight lines.' : 'Both are S curves.'}`,
    output: (s) => `Output a over x with the beans at their true toxicity; ${s.line ? `one line z = ${s.line}` : 'it can bump'}; ${s.accuracy}% right.`,
    cost: (s) => `Mean cost per epoch, now epoch ${s.epoch}, cost ${s.cost}.`,
  },
};
