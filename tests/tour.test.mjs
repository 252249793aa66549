// The guided tour: each step is a link that opens the state it names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function step(n, lang = 'zh') {
  const opened = await openLab(env, { query: `?tour=${n}&lang=${lang}` });
  // The tour box links to the step's full state; follow it as a reader would.
  const href = n === 1 ? await opened.page.getAttribute('#tour-start', 'href') : await opened.page.evaluate(async (n) => (await import('./www/tour.js')).stepHref(n, document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'), n);
  await opened.context.close();
  const lab = await openLab(env, { query: href });
  assert.deepEqual(lab.errors, []);
  assert.ok(await lab.page.isVisible('#tour'));
  assert.match(await lab.page.textContent('#tour-count'), new RegExp(`${n} / 8`));
  return lab;
}

test('tour steps 1 and 2: the step function gives 0 or 1 and cannot learn', async () => {
  let { page, context } = await step(1);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.activation()), 'step');
  const as = await page.evaluate(() => [0.1, 0.3, 0.6, 0.9].map((x) => window.sigmoidLab.lab.predict(x)));
  assert.ok(as.every((a) => a === 0 || a === 1), `${as}`);
  await context.close();
  ({ page, context } = await step(2));
  assert.equal(await readout(page, 'epoch'), '100');
  assert.equal(await readout(page, 'w'), '1.000');
  assert.equal(await readout(page, 'b'), '-0.300');
  assert.equal(await readout(page, 'dedw'), '0.000000');
  await context.close();
});

test('tour step 5: w = 5, b = −5 puts the midpoint at x = 1', async () => {
  const { page, context } = await step(5);
  assert.equal(await readout(page, 'boundary'), '1.000');
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.predict(1)), 0.5);
  await context.close();
});

test('tour step 7 trains to a fit near 0.43', async () => {
  const { page, context } = await step(7, 'en');
  assert.match(await page.textContent('#tour-title'), /Training fits/);
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  assert.ok(Math.abs(Number(await readout(page, 'boundary')) - 0.43) < 0.04);
  await context.close();
});

test('tour step 8 draws the stacked-neurons demo; next and back links chain the steps', async () => {
  const { page, context } = await step(8);
  const painted = await page.$eval('#stack-demo', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
    return n / (c.width * c.height);
  });
  assert.ok(painted > 0.9, `demo painted ${painted}`);
  assert.equal(await page.isVisible('#tour-next'), false);
  await page.click('#tour-prev');
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  assert.match(await page.textContent('#tour-count'), /7 \/ 8/);
  await context.close();
});

test('a bare ?tour=N link opens the step with its settings', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.base}?tour=5`);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready') && location.search.includes('w=5'));
  assert.equal(await readout(page, 'boundary'), '1.000');
  assert.match(await page.evaluate(() => location.search), /tour=5/);
  await context.close();
});
