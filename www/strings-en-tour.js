// The lesson path's words in English (www/tour.js holds the steps' settings): the step counter and
// links, and by step its title, text, quiz and the sentence that follows the state.

export default {
  step: (n, total) => `Step ${n} of ${total}`,
  prev: 'Back',
  next: 'Next',
  exit: 'The whole lab',
  network: 'Stack two neurons yourself',
  steps: [
    {
      title: 'A bean is toxic (1) or not (0)',
      text: 'The beans no longer have a degree of toxicity: each is toxic (1) or safe (0). One neuron z = w·x + b is a straight line: drag w and b and its output goes above 1, below 0, or sits at 0.5. A line does not answer yes or no.',
    },
    {
      title: 'The step function turns z into 0 or 1',
      text: 'Rosenblatt’s perceptron puts z through a piecewise function: 1 when z ≥ 0, else 0. That is an activation function. On x → a every bean is judged toxic or safe, nothing in between.',
    },
    {
      title: 'The step’s slope is 0: gradient descent cannot move',
      text: 'Press Train: the epochs count up, but w, b and the cost stay put. The step is flat everywhere but at z = 0, so da/dz = 0 and de/dw = de/da · 0 · x = 0: descent has no direction to go.',
    },
    {
      title: 'The sigmoid: in (0, 1), smooth, slope never 0',
      text: 'a = 1/(1 + e^−z) stays between 0 and 1 and is smooth: its slope da/dz = a(1 − a) is above 0 everywhere, largest (0.25) at z = 0. Drag the probe on a chart and watch the slope.',
      live: (p) => `Probe: x = ${p.x}, z = ${p.z}, a = ${p.a}, slope da/dz = a(1 − a) = ${p.slope}`,
    },
    {
      title: 'Quiz 1',
      text: 'Three charts: the line x → z, the sigmoid z → a, and x → a, the two put together.',
      quiz: {
        question: 'When w and b change, does the middle chart, z → a, change?',
        options: ['1 Yes', '2 No'],
        right: 'Right: it does not.',
        wrong: 'In fact it does not.',
        reason: 'Watch: w goes from 3 to 8; the line on x → z and the curve on x → a move, the S curve on z → a does not, only the beans’ shaded band moves. a only looks at z: at z = 0 it is 0.5, whatever w and b made that z. x → a does change. Now drag w and b yourself.',
      },
    },
    {
      title: 'Quiz 2',
      text: 'Guess first, then look.',
      quiz: {
        question: 'With w = 5 and b = −5, where is the midpoint of x → a (where a = 0.5)?',
        options: ['1 x = 1', '2 x = 0.5'],
        right: 'Right: at x = 1.',
        wrong: 'In fact at x = 1.',
        reason: 'a = 0.5 means z = 0: 5·x − 5 = 0, so x = 1. Watch: w goes on from 5 to 10, the midpoint moves to x = 0.5 (10·0.5 − 5 = 0) and the curve gets steeper. w sets steepness and place, b the place.',
      },
    },
    {
      title: 'The chain rule: peel the onion from outside in',
      text: 'The cost e = (y − a)² is an onion: e wraps a, a wraps z, z wraps w. Differentiate layer by layer and multiply: de/dw = de/da · da/dz · dz/dw. Each layer is a number in the panel, and the product equals the derivative by definition (nudge w, see how e changes). Press the slow-motion button to peel it.',
    },
    {
      title: 'Gradient descent fits the beans',
      text: 'The lesson’s loop updates w and b bean by bean for 1000 epochs (learning rate α = 0.5, larger steps): the cost falls, x → a gets steeper, and the boundary settles between the largest safe bean and the smallest toxic one.',
      live: (g) => `In this sample the largest safe bean is at x = ${g.safe}, the smallest toxic one at x = ${g.toxic}: the boundary lands in that gap. The course’s rule puts the border near 3/7 ≈ 0.429, blurred a little: more beans narrow the gap, and the boundary nears 3/7.`,
    },
    {
      title: 'Linear on linear stays linear; the activation breaks that',
      text: 'Two neurons stacked without an activation are still one straight line (left); put a sigmoid between them and the output can bend, even make a bump (right). That is the soul the activation gives the machine; the next lesson builds the first network with it.',
    },
  ],
};
