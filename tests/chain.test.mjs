// The chain rule made visible: the probe, the chain-rule panel, the step activation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout, frames, marked } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const sigmoid = (z) => 1 / (1 + Math.exp(-z));

test('the probe follows x through z = wx + b and a = sigmoid(z)', async () => {
  const { page, context } = await openLab(env, { query: '?w=6&b=-2.5' });
  assert.equal(await readout(page, 'probe-x'), '0.500', 'the first screen has a probe, with numbers');
  await page.focus('.panel[data-panel="xz"] .layers');
  await page.keyboard.press('ArrowRight');
  await frames(page);
  assert.equal(await readout(page, 'probe-x'), '0.510');
  assert.equal(Number(await readout(page, 'probe-z')), Number((6 * 0.51 - 2.5).toFixed(3)));
  assert.equal(Number(await readout(page, 'probe-a')), Number(sigmoid(6 * 0.51 - 2.5).toFixed(3)));
  // Dragging on panel x → a moves it too; the z → a panel maps its z back to x.
  const box = await page.locator('.panel[data-panel="xa"] .layers').boundingBox();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.55);
  await page.mouse.up();
  await frames(page);
  const x = Number(await readout(page, 'probe-x'));
  assert.ok(x > 0.7 && x < 0.85, `probe x ${x}`);
  assert.equal(Number(await readout(page, 'probe-a')), Number(sigmoid(6 * x - 2.5).toFixed(3)));
  await page.keyboard.press('Escape');
  await frames(page);
  assert.equal(await readout(page, 'probe-x'), '—');
  await context.close();
});

test('the probe is drawn on all three function panels and the sigmoid stays untouched', async () => {
  const { page, context } = await openLab(env);
  const digest = (panel, cls) => page.evaluate(([panel, cls]) => {
    const c = window.sigmoidLab.layer(panel, cls);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + d[i + 1] * 3 + d[i + 2] * 7 + d[i + 3]) >>> 0;
    return h;
  }, [panel, cls]);
  const before = {};
  for (const [p, l] of [['xz', 'data'], ['za', 'data'], ['xa', 'data'], ['za', 'ink']]) before[p + l] = await digest(p, l);
  await page.evaluate(() => { window.sigmoidLab.lab.set_probe(0.3); window.sigmoidLab.request(); });
  await frames(page);
  for (const p of ['xz', 'za', 'xa']) assert.notEqual(await digest(p, 'data'), before[`${p}data`], `${p} shows the probe`);
  assert.equal(await digest('za', 'ink'), before.zaink);
  await context.close();
});

test('chain-rule readouts for a clicked bean equal the maths and the definition', async () => {
  const { page, context } = await openLab(env, { query: '?w=3&b=-1.2&alpha=0.5' });
  // Click the 60th bean on panel x → a, where the page draws it (same layout as the core's).
  const { x, y } = await page.evaluate(() => {
    const { lab } = window.sigmoidLab;
    return { x: lab.beans_x()[59], y: lab.beans_y()[59] };
  });
  const box = await page.locator('.panel[data-panel="xa"] .layers').boundingBox();
  const left = 4 + 50, right = 14, top = 30, bottom = 4 + 38;
  const px = box.x + left + x * (box.width - left - right - 1);
  const py = box.y + top + (1.1 - y) / 1.2 * (box.height - top - bottom - 1);
  await page.mouse.click(px, py);
  await frames(page);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.selected_bean()), 59);
  assert.match(await page.textContent('#chain-bean'), /60/);

  const z = 3 * x - 1.2, a = sigmoid(z);
  const expected = {
    'chain-z': z.toFixed(4), 'chain-a': a.toFixed(4), 'chain-e': ((y - a) ** 2).toFixed(4),
    deda: (-2 * (y - a)).toFixed(6), dadz: (a * (1 - a)).toFixed(6), dzdw: x.toFixed(4), dzdb: '1',
    dedw: (-2 * (y - a) * a * (1 - a) * x).toFixed(6), dedb: (-2 * (y - a) * a * (1 - a)).toFixed(6),
    'w-next': (3 - 0.5 * (-2 * (y - a) * a * (1 - a) * x)).toFixed(4),
  };
  for (const [key, value] of Object.entries(expected)) {
    assert.equal(Number(await readout(page, key)), Number(value), key);
  }
  const dedw = Number(await readout(page, 'dedw'));
  const dedb = Number(await readout(page, 'dedb'));
  assert.ok(Math.abs(dedw - Number(await readout(page, 'dedw-numeric'))) <= 1e-6);
  assert.ok(Math.abs(dedb - Number(await readout(page, 'dedb-numeric'))) <= 1e-6);
  // Exactly, before rounding for display.
  const c = await page.evaluate(() => window.sigmoidLab.lab.chain(59));
  assert.ok(Math.abs(c.dedw - c.dedw_numeric) < 1e-6 && Math.abs(c.dedb - c.dedb_numeric) < 1e-6);
  await context.close();
});

test('the panel opens on the steepest bean; without one chosen it shows the next bean, and follows a step', async () => {
  const { page, context } = await openLab(env);
  const steepest = await page.evaluate(() => window.sigmoidLab.lab.steepest_bean());
  assert.match(await page.textContent('#chain-bean'), new RegExp(`第 ${steepest + 1} 颗`));
  await page.evaluate(() => { window.sigmoidLab.lab.select_bean(undefined); window.sigmoidLab.request(); });
  await frames(page);
  assert.match(await page.textContent('#chain-bean'), /第 1 颗/);
  await page.click('#bean');
  await frames(page);
  assert.match(await page.textContent('#chain-bean'), /第 2 颗/);
  await context.close();
});

test('with the step activation training cannot move w and b, and the page says why', async () => {
  const { page, context } = await openLab(env, { query: '?w=1&b=-0.3' });
  await page.selectOption('#activation', 'step');
  await frames(page);
  assert.ok(await page.isVisible('#step-why'));
  assert.match(await page.textContent('#step-why'), /da\/dz = 0/);
  assert.match(await page.textContent('.panel[data-panel="chain"]'), /da\/dz = 0|0\.000000/);
  await page.evaluate(() => { window.sigmoidLab.lab.train_epochs(100); window.sigmoidLab.request(); });
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '100');
  assert.equal(await readout(page, 'w'), '1.000');
  assert.equal(await readout(page, 'b'), '-0.300');
  assert.equal(await readout(page, 'dadz'), '0.000000');
  await page.waitForFunction(() => /activation=step/.test(location.search));
  await context.close();
});

test('cross-entropy keeps the gradient alive where the sigmoid saturates', async () => {
  const { page, context } = await openLab(env, { query: '?w=-20&b=10' });
  await page.evaluate(() => { window.sigmoidLab.lab.select_bean(99); window.sigmoidLab.request(); });
  await frames(page);
  const mse = Math.abs(Number(await readout(page, 'dedw')));
  await page.selectOption('#cost', 'ce');
  await frames(page);
  const ce = Math.abs(Number(await readout(page, 'dedw')));
  assert.ok(mse < 1e-3 && ce > 0.5, `mse ${mse} ce ${ce}`);
  assert.equal(await page.locator('math[data-cost="ce"]:visible').count(), 2);
  assert.equal(await page.locator('math[data-cost="mse"]:visible').count(), 0);
  await context.close();
});

test('the cost landscape: clicking a point puts the neuron there, training draws its path', async () => {
  const { page, context } = await openLab(env);
  const box = await page.locator('.panel[data-panel="landscape"] .layers').boundingBox();
  const left = 54, right = 14, top = 30, bottom = 42;
  // w = 10, b = -5 in a window of ±20 on both axes.
  const px = box.x + left + (10 + 20) / 40 * (box.width - left - right - 1);
  const py = box.y + top + (20 - -5) / 40 * (box.height - top - bottom - 1);
  await page.mouse.click(px, py);
  await frames(page);
  assert.ok(Math.abs(Number(await readout(page, 'w')) - 10) < 0.5, await readout(page, 'w'));
  assert.ok(Math.abs(Number(await readout(page, 'b')) + 5) < 0.5, await readout(page, 'b'));
  assert.equal(Number(await page.inputValue('#p-w-field')).toFixed(0), '10', 'the slider followed');
  const painted = () => marked(page, 'landscape');
  const before = await painted();
  await page.evaluate(() => { window.sigmoidLab.lab.train_epochs(500); window.sigmoidLab.request(); });
  await frames(page);
  assert.ok(await painted() > before, 'the path grew');
  await context.close();
});

test('one step in slow motion walks forward, back and updates, lighting each factor', async () => {
  const { page, context } = await openLab(env, { query: '?w=2&b=-1&lang=en', height: 700 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const w0 = await page.evaluate(() => window.sigmoidLab.lab.w());
  await page.click('#slow-start');
  // The first start waits for the slow-motion code, loaded on use.
  await page.waitForSelector('#slow-stage', { state: 'visible' });
  const lit = () => page.$$eval('table.chain tr.active', (rows) => rows.map((r) => r.dataset.factor));
  const seen = [];
  const charts = ['xz', 'za', 'xa', 'chain', 'chain', 'chain', 'chain', 'chain'];
  const heights = new Set();
  for (let i = 0; i < 8; i++) {
    seen.push((await lit()).join('+'));
    assert.ok(await page.isVisible('#slow-stage'));
    // The chart the stage names is in view, and so is the stage bar, whose height never changes.
    const [chart, bar, vh] = await page.evaluate((key) => [document.querySelector(`.panel[data-panel="${key}"]`).getBoundingClientRect().toJSON(), document.getElementById('slow').getBoundingClientRect().toJSON(), innerHeight], charts[i]);
    assert.ok(chart.bottom > 0 && chart.top < vh, `stage ${i + 1}: ${charts[i]} in view (${chart.top}..${chart.bottom})`);
    assert.ok(bar.top >= 0 && bar.bottom <= vh, `stage ${i + 1}: the stage bar in view`);
    heights.add(Math.round(bar.height));
    if (i < 7) await page.click('#slow-next');
  }
  assert.equal(heights.size, 1, `no jump between stages: heights ${[...heights]}`);
  assert.deepEqual(seen, ['z', 'a', 'e', 'deda', 'dadz', 'dzdw+dzdb', 'dedw+dedb', 'update+update']);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.probe()), await page.evaluate(() => window.sigmoidLab.lab.beans_x()[0]), 'the probe follows the bean');
  const expected = await page.evaluate(() => window.sigmoidLab.lab.chain(0).w_next);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.w()), w0, 'nothing moves before the update');
  await page.click('#slow-next');
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.w()), expected, 'the step is the one shown');
  assert.equal(await page.isVisible('#slow'), false);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.next_bean()), 1);
  await context.close();
});

test('the logistic family: L, k, x0 reshape the curve, the chain rule uses its derivative', async () => {
  const { page, context } = await openLab(env, { query: '?l=2&k=3&x0=1&w=5&b=-1&lang=en' });
  assert.deepEqual(await page.evaluate(() => [...window.sigmoidLab.lab.logistic()]), [2, 3, 1]);
  assert.match(await page.evaluate(() => location.search), /l=2&k=3&x0=1/);
  const c = await page.evaluate(() => window.sigmoidLab.lab.chain(10));
  const u = 1 / (1 + Math.exp(-3 * (c.z - 1)));
  assert.ok(Math.abs(c.a - 2 * u) < 1e-12);
  assert.ok(Math.abs(c.dadz - 2 * 3 * u * (1 - u)) < 1e-12);
  assert.ok(Math.abs(c.dedw - c.dedw_numeric) < 1e-6);
  // Boundary where z = x0: x = (1 − b)/w = 0.4.
  assert.equal(await page.textContent('[data-readout="boundary"]'), '0.400');
  await page.click('.logistic summary');
  await page.fill('#p-k-field', '1');
  await page.press('#p-k-field', 'Enter');
  assert.deepEqual(await page.evaluate(() => [...window.sigmoidLab.lab.logistic()]), [2, 1, 1]);
  await context.close();
});

test('the chain-rule panel writes the derivative of the activation in use', async () => {
  const { page, context } = await openLab(env, { query: '?l=2&k=3' });
  const shown = () => page.$$eval('math[data-act]', (ms) => [...new Set(ms.filter((m) => m.checkVisibility()).map((m) => m.dataset.act))]);
  assert.deepEqual(await shown(), ['logistic']);
  await page.selectOption('#activation', 'step');
  await frames(page);
  assert.deepEqual(await shown(), ['step']);
  await context.close();
});

test('slow motion speaks the language switched to, mid-step', async () => {
  const { page, context, errors } = await openLab(env, { query: '?w=2&b=-1&lang=zh' });
  await page.click('#slow-start');
  await page.waitForSelector('#slow-stage', { state: 'visible' });
  assert.match(await page.textContent('#slow-stage'), /^前向 1\/3/);
  await page.click('#slow-next');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('#slow-stage'), /^Forward 2\/3: a = sigmoid\(z\)/);
  assert.equal(await page.textContent('#slow-next'), 'Next stage');
  assert.equal(await page.textContent('#slow-stop'), 'Stop');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every number of the chain rule ends at its table\'s right edge: a phone, a desktop, the network stage', async () => {
  for (const [query, width, table] of [
    ['?lang=zh', 390, '.chain-panel table.chain'],
    ['?lang=en', 1280, '.chain-panel table.chain'],
    ['?stage=network', 1280, '.net-chain table.chain'],
    ['?stage=network&lang=en', 390, '.net-chain table.chain'],
  ]) {
    const { page, context, errors } = await openLab(env, { query, width });
    const rows = await page.$$eval(`${table} tr`, (trs) => trs.filter((tr) => tr.checkVisibility()).map((tr) => {
      const box = (e) => e.getBoundingClientRect();
      const value = tr.querySelector('td > output');
      return { factor: tr.dataset.factor, row: box(tr).width, table: box(tr.closest('table')).width, right: box(value).right, product: tr.classList.contains('product') };
    }));
    const where = `${query} at ${width} px`;
    assert.ok(rows.some((r) => r.product), `${where}: a product row`);
    // One right edge for every row's number, the product's too (a row laid out apart from the
    // table's columns once put it in the middle, under a border cut short).
    const right = rows[0].right;
    for (const r of rows) {
      assert.ok(Math.abs(r.right - right) < 1, `${where}, ${r.factor}: its number ends at ${r.right}, the others at ${right}`);
      assert.ok(Math.abs(r.row - r.table) < 1, `${where}, ${r.factor}: the row is as wide as the table`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('on a phone the chain rule, far below the charts, shows the numbers of the neuron trained meanwhile', async () => {
  const { page, context, errors } = await openLab(env, { query: '?w=3&b=-1.2&alpha=0.5', width: 390, height: 844, dpr: 2 });
  // Off screen, it is laid out only once it nears the screen.
  assert.equal(await page.$eval('.chain-panel table.chain tr', (el) => el.checkVisibility({ contentVisibilityAuto: true })), false, 'skipped while far below');
  await page.click('#epoch');
  await frames(page);
  await page.$eval('.chain-panel', (el) => el.scrollIntoView());
  await frames(page);
  assert.equal(await page.$eval('.chain-panel table.chain tr', (el) => el.checkVisibility({ contentVisibilityAuto: true })), true, 'shown once scrolled to');
  const { i, w, b, x, y } = await page.evaluate(() => {
    const { lab } = window.sigmoidLab;
    const i = lab.selected_bean() ?? lab.next_bean();
    return { i, w: lab.w(), b: lab.b(), x: lab.beans_x()[i], y: lab.beans_y()[i] };
  });
  assert.notEqual(w, 3, 'the epoch moved w');
  assert.match(await page.textContent('#chain-bean'), new RegExp(`${i + 1}`));
  const z = w * x + b, a = sigmoid(z);
  assert.equal(Number(await readout(page, 'chain-z')), Number(z.toFixed(4)));
  assert.equal(Number(await readout(page, 'chain-a')), Number(a.toFixed(4)));
  assert.equal(Number(await readout(page, 'dedw')), Number((-2 * (y - a) * a * (1 - a) * x).toFixed(6)));
  const box = await page.$eval('table.chain', (t) => t.getBoundingClientRect().toJSON());
  assert.ok(box.top >= 0 && box.top < 844 && box.height > 300, `the table on screen, laid out: ${JSON.stringify(box)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone slow motion\'s bar stays on screen, wherever the page is scrolled', async () => {
  const { page, context, errors } = await openLab(env, { width: 390, height: 844, dpr: 2 });
  await page.click('#slow-start');
  const bar = () => page.evaluate(() => {
    const r = document.getElementById('slow').getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { top: r.top, bottom: r.bottom, hit: Boolean(hit?.closest('#slow')) };
  });
  for (const y of [0, 1200, 100000]) {
    await page.evaluate((y) => scrollTo(0, y), y);
    await frames(page);
    const b = await bar();
    assert.ok(b.top >= 0 && b.bottom <= 844 && b.hit, `scrolled to ${y}: the bar at ${b.top}–${b.bottom}, on top: ${b.hit}`);
  }
  await page.click('#slow-next');
  assert.match(await page.textContent('#slow-stage'), /2\/3/);
  assert.deepEqual(errors, []);
  await context.close();
});
