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
  // The note quotes what was typed (which may say "NaN"); nothing the page computes may.
  await page.evaluate(() => { document.getElementById('note-box').hidden = true; });
  assert.doesNotMatch(await pageText(page), /NaN|Infinity/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Rust panic shows the error panel, and starting again brings the page back', async () => {
  const { page, context } = await openLab(env, { query: '?w=2&b=-1' });
  await page.evaluate(async () => {
    const { force_panic_for_tests } = window.sigmoidLab.debug;
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
    const { wasm_memory_bytes } = window.sigmoidLab.debug;
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

test('a large α is named as such; a run that diverges stops, says so, and one click goes on with a smaller α', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en' });
  await page.evaluate(() => {
    const r = document.getElementById('p-alpha-range');
    r.value = '1000';
    r.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await frames(page);
  assert.match(await page.textContent('#note'), /α = 10 is large/);
  // Parameters far outside what the sliders allow, with cross-entropy: the cost explodes at once.
  await page.selectOption('#cost', 'ce');
  await page.evaluate(() => { window.sigmoidLab.lab.set_params(1e300, -1e300); window.sigmoidLab.request(); });
  await page.click('#play');
  await page.waitForFunction(() => /diverged at epoch 1/.test(document.getElementById('note').textContent));
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  assert.doesNotMatch(await pageText(page), /NaN|Infinity/);
  assert.ok(await page.isVisible('#note-action'));
  await page.click('#note-action');
  await frames(page);
  assert.equal(await readout(page, 'alpha'), '1');
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.diverged_at()), undefined);
  await page.click('#reset');
  await page.click('#epoch');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '1');
  await context.close();
});

test('touch: a tap on a chart moves the probe, a slider follows a finger', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(env.base);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  const box = await page.locator('.panel[data-panel="xa"] .layers').boundingBox();
  await page.locator('.panel[data-panel="xa"] .layers').scrollIntoViewIfNeeded();
  const b2 = await page.locator('.panel[data-panel="xa"] .layers').boundingBox();
  await page.touchscreen.tap(b2.x + b2.width * 0.6, b2.y + b2.height * 0.5);
  await frames(page);
  assert.notEqual(await readout(page, 'probe-x'), '—', `probe after a tap (${box.width} px wide chart)`);
  const slider = page.locator('#p-w-range');
  await slider.scrollIntoViewIfNeeded();
  const s = await slider.boundingBox();
  assert.ok(s.height >= 24, `slider hit target ${s.height} px`);
  await page.touchscreen.tap(s.x + s.width * 0.9, s.y + s.height / 2);
  await frames(page);
  assert.ok(Number(await readout(page, 'w')) > 10, `w after a tap near the end: ${await readout(page, 'w')}`);
  for (const id of ['play', 'bean', 'epoch', 'reset']) {
    const bb = await page.locator(`#${id}`).boundingBox();
    assert.ok(bb.height >= 24 && bb.width >= 24, `${id} ${bb.width}×${bb.height}`);
  }
  await context.close();
});

test('prefers-reduced-motion: training takes big steps instead of sweeping the curves', async () => {
  const context = await env.browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(env.base);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  const epochs = await page.evaluate(() => new Promise((resolve) => {
    window.sigmoidLab.setPlaying(true);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.sigmoidLab.setPlaying(false);
      resolve(window.sigmoidLab.lab.epoch());
    }));
  }));
  assert.ok(epochs >= 50, `${epochs} epochs in the first frames`);
  await context.close();
});

test('the core cannot load: the page says so instead of staying blank', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(env.base);
  await page.waitForSelector('#failure', { state: 'visible', timeout: 15000 });
  assert.ok((await page.textContent('#failure-text')).length > 0, 'a reason is given');
  assert.ok(await page.isVisible('#failure-reset'));
  // The lab itself stays hidden rather than showing controls that cannot work.
  assert.ok(!(await page.isVisible('#lab')));
  await context.close();
});

test('the other language cannot load: a note, and the page keeps working in its own', async () => {
  const { page, context, errors } = await openLab(env, { locale: 'zh-CN' });
  await page.route('**/strings-en.js', (route) => route.abort());
  await page.click('#lang');
  await page.waitForSelector('#note', { state: 'visible' });
  assert.match(await page.textContent('#note'), /英文/);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.ok(!(await page.isVisible('#failure')), 'no failure panel for a missing translation');
  await page.click('#epoch');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '1');
  assert.ok(errors.every((e) => /strings-en|Failed to fetch|net::/.test(e)), errors.join(' | '));
  await context.close();
});
