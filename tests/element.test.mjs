// <sigmoid-lab>: the same keys as a link, several independent instances on one page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const ready = (frame) => frame.waitForFunction(() => document.documentElement.classList.contains('ready'));

test('two <sigmoid-lab> elements on one page work independently', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 1200 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.base}www/element-demo.html`);
  const frames = async () => {
    const handles = await page.$$eval('sigmoid-lab', (els) => els.map((e) => e.id));
    return Promise.all(handles.map(async (id) => (await page.$(`#${id}`)).evaluateHandle((el) => el.shadowRoot.querySelector('iframe')).then((h) => h.asElement().contentFrame())));
  };
  const [first, second] = await frames();
  await Promise.all([ready(first), ready(second)]);
  assert.equal(await first.evaluate(() => window.sigmoidLab.lab.w()), 5);
  assert.equal(await second.evaluate(() => window.sigmoidLab.lab.w()), 10);
  assert.equal(await second.getAttribute('html', 'lang'), 'en');
  assert.ok(await first.evaluate(() => document.documentElement.classList.contains('embed')));
  const shown = (frame) => frame.$$eval('.panel', (ps) => ps.filter((p) => p.getBoundingClientRect().height > 0).map((p) => p.dataset.panel));
  assert.deepEqual(await shown(first), ['xz', 'za', 'xa']);
  assert.deepEqual(await shown(second), ['xa', 'cost']);
  // Training one leaves the other alone.
  await second.click('#epoch');
  await second.waitForFunction(() => window.sigmoidLab.lab.epoch() === 1);
  assert.equal(await first.evaluate(() => window.sigmoidLab.lab.epoch()), 0);
  // An attribute change reloads that element with the new setting.
  await page.evaluate(() => document.getElementById('first').setAttribute('w', '2'));
  const [again] = await frames();
  await again.waitForFunction(() => window.sigmoidLab?.lab.w() === 2);
  assert.equal(await second.evaluate(() => window.sigmoidLab.lab.epoch()), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
