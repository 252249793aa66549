// Robust for every learner: hostile input, panics, long runs, no NaN anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout, frames } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const pageText = (page) => page.evaluate(() => document.body.innerText);

test('huge α: typed 1e6 is clamped with a message; α = 10 trains with no NaN or Infinity', async () => {
  const { page, context, errors } = await openLab(env);
  await page.fill('#p-alpha-field', '1e6');
  await page.press('#p-alpha-field', 'Enter');
  await frames(page);
  assert.equal(await readout(page, 'alpha'), '10');
  assert.ok(await page.isVisible('#note'));
  assert.match(await page.textContent('#note'), /1e6/);
  await page.evaluate(() => { window.sigmoidLab.state.target = 400; });
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '400', null, { timeout: 30000 });
  assert.doesNotMatch(await pageText(page), /NaN|Infinity/);
  await page.click('#reset');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

const HOSTILE = ['<b>x</b>', '"><img src=x onerror=alert(1)>', '1e400', '-1e400', '', '   ', '−3', '2,5', 'NaN', 'Infinity', '0x10', '１２', '9'.repeat(400)];

test('hostile text in every number field: no error, a sensible value or a message, no markup', async () => {
  const { page, context, errors } = await openLab(env);
  const fields = await page.$$eval('input.field', (els) => els.filter((e) => e.checkVisibility()).map((e) => e.id));
  assert.ok(fields.length >= 6, fields.join());
  for (const id of fields) {
    for (const text of HOSTILE) {
      await page.fill(`#${id}`, text);
      await page.press(`#${id}`, 'Enter');
      await frames(page, 1);
      const value = await page.inputValue(`#${id}`);
      assert.doesNotMatch(value, /NaN|Infinity|</, `${id} after ${JSON.stringify(text)}`);
      assert.ok(value === '' || Number.isFinite(Number(value)), `${id} shows a number, not ${value}`);
    }
  }
  assert.equal(await page.locator('#note b, #note img').count(), 0);
  assert.doesNotMatch(await pageText(page), /NaN|Infinity/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Rust panic shows the error panel, and starting again brings the page back', async () => {
  const { page, context } = await openLab(env, { query: '?w=2&b=-1' });
  await page.evaluate(async () => {
    const { force_panic_for_tests } = await import('./www/pkg/sigmoid_lab.js');
    setTimeout(() => force_panic_for_tests(), 0);
  });
  await page.waitForSelector('#failure:not([hidden])');
  assert.match(await page.textContent('#failure-text'), /forced panic/);
  await Promise.all([page.waitForEvent('load'), page.click('#failure-reset')]);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  assert.equal(await page.isVisible('#failure'), false);
  assert.equal(await readout(page, 'w'), '2.000', 'settings kept');
  await page.click('#epoch');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '1');
  await context.close();
});

test('100,000 epochs at full speed keep memory flat', async () => {
  const { page, context } = await openLab(env);
  const measure = () => page.evaluate(async () => {
    const { wasm_memory_bytes } = await import('./www/pkg/sigmoid_lab.js');
    for (let i = 0; i < 3; i++) window.gc();
    return { wasm: wasm_memory_bytes(), js: performance.memory?.usedJSHeapSize ?? 0 };
  });
  // Warm up, so first-use allocations are not counted as growth.
  await page.evaluate(() => { window.sigmoidLab.lab.train_epochs(3000); window.sigmoidLab.request(); });
  await frames(page, 3);
  const start = await measure();
  await page.evaluate(() => { window.sigmoidLab.state.target = 1e9; window.sigmoidLab.state.speed = 200; });
  await page.click('#play');
  await page.waitForFunction(() => window.sigmoidLab.lab.epoch() >= 100000, null, { timeout: 120000, polling: 500 });
  await page.click('#play');
  await frames(page, 3);
  const end = await measure();
  assert.ok(end.wasm - start.wasm <= 1 << 20, `wasm memory grew ${end.wasm - start.wasm} bytes`);
  if (start.js) assert.ok(end.js - start.js <= 1 << 20, `JS heap grew ${end.js - start.js} bytes`);
  assert.doesNotMatch(await pageText(page), /NaN|Infinity/);
  await context.close();
});
