// One step in slow motion, its words in English (www/slowstep.js walks through it), loaded with it.

export default {
  next: 'Next stage',
  done: 'Take the step',
  stop: 'Stop',
  stages: [
    'Forward 1/3: z = w·x + b turns this bean’s size x into z (see the probe on x → z).',
    'Forward 2/3: a = sigmoid(z) turns z into a between 0 and 1 (see z → a).',
    'Forward 3/3: e = (y − a)², how far the prediction a is from the true y.',
    'Back 1/4 (peeling the onion from outside in): de/da = −2(y − a), the cost’s slope in a.',
    'Back 2/4: da/dz = a(1 − a), the sigmoid’s slope.',
    'Back 3/4: dz/dw = x and dz/db = 1, the slopes of the linear part.',
    'Back 4/4: multiply: de/dw = de/da · da/dz · dz/dw, and de/db likewise; they equal the derivatives by definition.',
    'Update: w ← w − α·de/dw, b ← b − α·de/db. Press “Take the step” to make it.',
  ],
};
