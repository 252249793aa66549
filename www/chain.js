// The chain-rule panel: for the bean the next step uses (or the one clicked), the forward pass,
// each factor, their products beside the definition-based derivatives, and the update.

import { num } from './format.js';
import { setText } from './text.js';

const FIELDS = {
  'chain-z': ['z', 4], 'chain-a': ['a', 4], 'chain-e': ['e', 4],
  deda: ['deda', 6], dadz: ['dadz', 6], dzdw: ['dzdw', 4], dzdb: ['dzdb', 0],
  dedw: ['dedw', 6], dedb: ['dedb', 6], 'dedw-numeric': ['dedw_numeric', 6], 'dedb-numeric': ['dedb_numeric', 6],
  'w-next': ['w_next', 4], 'b-next': ['b_next', 4],
};

export function setupChain(root, lab) {
  const outputs = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, root.querySelector(`[data-readout="${k}"]`)]));
  const beanEl = root.querySelector('#chain-bean');
  const explain = root.querySelector('#chain-explain');
  let lastCost = null;
  let lastAct = null;

  return function update(t) {
    const chosen = lab.selected_bean();
    const c = lab.chain(chosen);
    const cost = lab.cost_fn();
    const act = lab.activation_form();
    if (act !== lastAct) {
      for (const m of root.querySelectorAll('math[data-act]')) m.toggleAttribute('hidden', m.dataset.act !== act);
      lastAct = act;
    }
    if (cost !== lastCost) {
      for (const m of root.querySelectorAll('math[data-cost]')) m.toggleAttribute('hidden', m.dataset.cost !== cost);
      lastCost = cost;
    }
    for (const [key, [field, decimals]] of Object.entries(FIELDS)) {
      const text = c ? num(c[field], decimals) : '—';
      setText(outputs[key], text);
    }
    const bean = c ? t.chainBean(c, chosen !== undefined) : '';
    setText(beanEl, bean);
    let why = '';
    if (c) {
      if (lab.activation() === 'step') why = t.explainStep;
      else if (cost === 'ce') why = t.explainCe;
      else if (c.stuck) why = t.explainSaturated;
      else why = t.explainAgree;
    }
    setText(explain, why);
  };
}
