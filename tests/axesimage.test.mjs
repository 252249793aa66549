// Once a panel's axes rest, the page shows them as a still image and the data on a canvas no larger
// than the plot (the browser hands every 2D canvas to the compositor each frame, by its pixels).
// What the panel shows is the same picture as the whole canvas the core paints before that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, frames } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const PANELS = ['xz', 'za', 'xa', 'cost'];

/** Per panel: whether the axes' image shows, the data canvas's share of the panel, and what it shows. */
const look = (page) => page.evaluate((keys) => Object.fromEntries(keys.map((key) => {
  const fig = document.querySelector(`.panel[data-panel="${key}"]`);
  const [under, data] = [fig.querySelector('canvas.axes'), fig.querySelector('canvas.data')];
  const [box, win] = [fig.querySelector('.layers').getBoundingClientRect(), data.getBoundingClientRect()];
  const shown = window.sigmoidLab.layer(key, 'data');
  const pixels = shown.getContext('2d').getImageData(0, 0, shown.width, shown.height).data;
  return [key, {
    image: !under.hidden,
    share: (data.width * data.height) / (shown.width * shown.height),
    inside: win.left >= box.left - 0.5 && win.top >= box.top - 0.5 && win.right <= box.right + 0.5 && win.bottom <= box.bottom + 0.5,
    pixels: Array.from(pixels),
  }];
})), PANELS);

/** Pixels (of four channels) where two pictures differ by more than antialiasing's rounding. */
function differ(a, b) {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.max(...[0, 1, 2, 3].map((k) => Math.abs(a[i + k] - b[i + k]))) > 24) n++;
  }
  return n;
}

for (const dpr of [1, 2]) {
  test(`the axes rest as an image, the data on the plot's window, the same picture (devicePixelRatio ${dpr})`, async () => {
    const { page, context, errors } = await openLab(env, { dpr, query: '?w=3&b=-1.5' });
    await page.evaluate(() => window.sigmoidLab.axesSettled());
    await frames(page, 2);
    const rest = await look(page);
    // The core forgets what it painted: the next frame paints each panel whole, axes included.
    await page.evaluate(() => { window.sigmoidLab.lab.invalidate(); window.sigmoidLab.request(); });
    await frames(page, 1);
    const whole = await look(page);
    for (const key of PANELS) {
      assert.ok(rest[key].image, `${key}: its axes show as an image`);
      assert.ok(rest[key].share < 0.8 && rest[key].share > 0.3, `${key}: the data canvas is ${(rest[key].share * 100).toFixed(0)}% of the panel`);
      assert.ok(rest[key].inside, `${key}: the data canvas lies inside the panel`);
      assert.ok(!whole[key].image && whole[key].share === 1, `${key}: repainted whole, without the image`);
      const n = differ(rest[key].pixels, whole[key].pixels);
      assert.ok(n < whole[key].pixels.length / 4 / 1000, `${key}: ${n} pixels differ between the image with its window and the whole canvas`);
    }
    // And back to the image, with the same picture as before.
    await page.evaluate(() => window.sigmoidLab.axesSettled());
    await frames(page, 2);
    const again = await look(page);
    for (const key of PANELS) {
      assert.ok(again[key].image);
      assert.equal(differ(again[key].pixels, rest[key].pixels), 0, key);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a drag moves only the data: the axes image stays, its canvas keeps its window', async () => {
  const { page, context } = await openLab(env, { dpr: 2 });
  await page.evaluate(() => window.sigmoidLab.axesSettled());
  const before = await look(page);
  await page.focus('#p-b-range');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await frames(page, 2);
  const after = await look(page);
  for (const key of ['za', 'xa']) {
    assert.ok(after[key].image, `${key}: the axes image still shows`);
    assert.ok(differ(after[key].pixels, before[key].pixels) > 0, `${key}: the data moved`);
  }
  await context.close();
});
