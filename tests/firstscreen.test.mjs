// What a beginner meets: a readable first screen with one obvious first action, charts that stay
// in view on a phone while training runs, a cost chart that draws the state shown, and a visible end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout, frames } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('a bare URL: the boundary is on the chart, the chain rule says something, the first action is in view', async () => {
  const { page, context, errors } = await openLab(env, { width: 1280, height: 800 });
  const boundary = Number(await readout(page, 'boundary'));
  assert.ok(boundary > 0 && boundary < 1, `boundary ${boundary}`);
  const dedw = Math.abs(Number(await readout(page, 'dedw')));
  assert.ok(dedw > 0.01, `|de/dw| = ${dedw}`);
  // The chain header prints x as the dz/dw = x row does.
  const header = await page.textContent('#chain-bean');
  assert.ok(header.includes(`x = ${await readout(page, 'dzdw')}`), `${header} / ${await readout(page, 'dzdw')}`);
  const start = await page.locator('#tour-start').boundingBox();
  assert.ok(start.y + start.height <= 800, 'the lesson start is on the first screen');
  assert.match(await page.getAttribute('#tour-start', 'class'), /primary/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('at epoch 0, w and b set by hand: the cost readout moves and one epoch later the cost falls', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en' });
  const before = await readout(page, 'cost');
  await page.fill('.param[data-key="w"] .field', '5');
  await page.press('.param[data-key="w"] .field', 'Enter');
  await page.fill('.param[data-key="b"] .field', '-5');
  await page.press('.param[data-key="b"] .field', 'Enter');
  await frames(page);
  const set = Number(await readout(page, 'cost'));
  assert.notEqual(String(set), before);
  const costData = () => page.evaluate(() => window.sigmoidLab.layer('cost', 'data').toDataURL());
  const drawn = await costData();
  await page.click('#epoch');
  await frames(page);
  assert.ok(Number(await readout(page, 'cost')) < set, 'the cost fell');
  assert.notEqual(await costData(), drawn, 'and the cost chart drew it');
  await context.close();
});

test('on a phone, x → a stays in view while training runs', async () => {
  const { page, context } = await openLab(env, { width: 390, height: 844, dpr: 3, query: '?speed=1' });
  await page.locator('#play').scrollIntoViewIfNeeded();
  await page.click('#play');
  await frames(page, 4);
  const box = await page.locator('.panel[data-panel="xa"]').boundingBox();
  assert.ok(box.y >= -1 && box.y + box.height <= 845, `x → a at ${box.y}..${box.y + box.height}`);
  const play = await page.locator('#play').boundingBox();
  assert.ok(play.y >= 0 && play.y + play.height <= 844, 'and so does the pause button');
  await context.close();
});

test('the end of training is said where the learner looks: boundary and share right', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en&speed=200' });
  assert.equal(await page.isVisible('#trained-end'), false);
  await page.click('#play');
  await page.waitForFunction(() => /^Epoch 1000:/.test(document.getElementById('trained-end').textContent), null, { timeout: 60000 });
  const text = await page.textContent('#trained-end');
  assert.match(text, new RegExp(`boundary settled at x = ${(await readout(page, 'boundary')).replace('.', '\\.')}, ${await readout(page, 'accuracy')}% of beans right`));
  assert.doesNotMatch(await page.textContent('#chain-explain'), /saturat/i, 'a good fit is not called saturated');
  await context.close();
});
