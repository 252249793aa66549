// Your own beans: click to add or remove on x → a, paste or drop CSV, back to the course's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, frames } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const beans = (page) => page.evaluate(() => {
  const { lab } = window.sigmoidLab;
  return [...lab.beans_x()].map((x, i) => [x, lab.beans_y()[i]]);
});

test('a click on x → a adds a bean (upper half toxic) and a click on it removes it', async () => {
  const { page, context } = await openLab(env, { query: '?n=10&seed=5' });
  await page.click('.own-beans summary');
  await page.check('#edit-beans');
  const box = await page.locator('.panel[data-panel="xa"] .layers').boundingBox();
  const left = 54, right = 14, top = 30, bottom = 42;
  const at = (x, y) => [box.x + left + x * (box.width - left - right - 1), box.y + top + (1.1 - y) / 1.2 * (box.height - top - bottom - 1)];
  const before = await beans(page);
  await page.mouse.click(...at(0.15, 0.9));
  await frames(page);
  let now = await beans(page);
  assert.equal(now.length, 11);
  const added = now.find(([x]) => !before.some(([b]) => b === x));
  assert.ok(Math.abs(added[0] - 0.15) < 0.01 && added[1] === 1, `added ${added}`);
  await page.click('.own-beans summary');
  const listed = (await page.inputValue('#beans-text')).trim().split('\n');
  assert.equal(listed[0], 'x,y');
  assert.equal(listed.length, 12, 'the header and the 11 beans, written out when the box opens');
  await page.mouse.click(...at(added[0], 1));
  await frames(page);
  now = await beans(page);
  assert.deepEqual(now, before);
  await context.close();
});

test('pasted CSV replaces the beans; a bad row is refused with its line and nothing is lost', async () => {
  const { page, context, errors } = await openLab(env);
  await page.click('.own-beans summary');
  const before = await beans(page);
  const bad = 'x,y\n0.1,0\n0.2,0\n0.9,maybe\n';
  await page.fill('#beans-text', bad);
  await page.click('#beans-load');
  assert.ok(await page.isVisible('#note'));
  assert.match(await page.textContent('#note'), /line 4/);
  assert.deepEqual(await beans(page), before, 'beans unchanged');
  assert.equal(await page.inputValue('#beans-text'), bad, 'the pasted text is still there to fix');
  await page.fill('#beans-text', 'x,y\n0.1,0\n0.2,0\n0.7,1\n0.9,1\n');
  await page.click('#beans-load');
  await frames(page);
  assert.deepEqual(await beans(page), [[0.1, 0], [0.2, 0], [0.7, 1], [0.9, 1]]);
  assert.equal(await page.textContent('[data-readout="epoch"]'), '0');
  await page.click('#beans-course');
  await frames(page);
  assert.deepEqual(await beans(page), before, 'back to the course’s beans');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dropped CSV file is read like a paste', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en' });
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x,y\n0.3,0\n0.6,1\n0.8,1\n'], 'beans.csv', { type: 'text/csv' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.sigmoidLab.lab.beans_x().length === 3);
  assert.match(await page.textContent('#note'), /3 beans/);
  await context.close();
});

test('copying a link with hand-made beans says the link does not carry them', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const page = await context.newPage();
  await page.goto(env.base);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  await page.click('.own-beans summary');
  await page.fill('#beans-text', 'x,y\n0.1,0\n0.9,1\n');
  await page.click('#beans-load');
  await page.click('#copy-link');
  await page.waitForFunction(() => /not the beans you made/.test(document.getElementById('note').textContent));
  await context.close();
});
