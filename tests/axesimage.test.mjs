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

/**
 * Installs `window.look(name)` in the page: per panel, whether the axes' image shows, the data
 * canvas's share of the panel, whether it lies inside, and what the panel shows, kept in the page
 * under `name` (pixels stay there: `differ` compares two kept pictures).
 */
const install = (page) => page.evaluate((keys) => {
  const kept = {};
  window.look = (name) => {
    kept[name] = {};
    return Object.fromEntries(keys.map((key) => {
      const fig = document.querySelector(`.panel[data-panel="${key}"]`);
      const [under, data] = [fig.querySelector('canvas.axes'), fig.querySelector('canvas.data')];
      const [box, win] = [fig.querySelector('.layers').getBoundingClientRect(), data.getBoundingClientRect()];
      const shown = window.sigmoidLab.layer(key, 'data');
      kept[name][key] = shown.getContext('2d').getImageData(0, 0, shown.width, shown.height).data;
      return [key, {
        image: !under.hidden,
        share: (data.width * data.height) / (shown.width * shown.height),
        inside: win.left >= box.left - 0.5 && win.top >= box.top - 0.5 && win.right <= box.right + 0.5 && win.bottom <= box.bottom + 0.5,
        size: shown.width * shown.height,
      }];
    }));
  };
  // Pixels where two kept pictures of a panel differ by more than antialiasing's rounding.
  window.differ = (one, two, key) => {
    const [a, b] = [kept[one][key], kept[two][key]];
    if (a.length !== b.length) return Infinity;
    let n = 0;
    for (let i = 0; i < a.length; i += 4) {
      let most = 0;
      for (let k = 0; k < 4; k++) most = Math.max(most, Math.abs(a[i + k] - b[i + k]));
      if (most > 24) n++;
    }
    return n;
  };
}, PANELS);

const look = (page, name) => page.evaluate((name) => window.look(name), name);
const differ = (page, one, two, key) => page.evaluate(([one, two, key]) => window.differ(one, two, key), [one, two, key]);

for (const dpr of [1, 2]) {
  test(`the axes rest as an image, the data on the plot's window, the same picture (devicePixelRatio ${dpr})`, async () => {
    const { page, context, errors } = await openLab(env, { dpr, query: '?w=3&b=-1.5' });
    await install(page);
    await page.evaluate(() => window.sigmoidLab.axesSettled());
    await frames(page, 2);
    const rest = await look(page, 'rest');
    // The core forgets what it painted: the next frame paints each panel whole, axes included. It is
    // looked at in that frame, after the page's own callback: no timer (the image's) can run between.
    const whole = await page.evaluate(() => {
      window.sigmoidLab.lab.invalidate();
      window.sigmoidLab.request();
      return new Promise((r) => requestAnimationFrame(() => r(window.look('whole'))));
    });
    for (const key of PANELS) {
      assert.ok(rest[key].image, `${key}: its axes show as an image`);
      assert.ok(rest[key].share < 0.8 && rest[key].share > 0.3, `${key}: the data canvas is ${(rest[key].share * 100).toFixed(0)}% of the panel`);
      assert.ok(rest[key].inside, `${key}: the data canvas lies inside the panel`);
      assert.ok(!whole[key].image && whole[key].share === 1, `${key}: repainted whole, without the image`);
      const n = await differ(page, 'rest', 'whole', key);
      assert.ok(n < whole[key].size / 1000, `${key}: ${n} pixels differ between the image with its window and the whole canvas`);
    }
    // And back to the image, with the same picture as before.
    await page.evaluate(() => window.sigmoidLab.axesSettled());
    await frames(page, 2);
    const again = await look(page, 'again');
    for (const key of PANELS) {
      assert.ok(again[key].image);
      assert.equal(await differ(page, 'again', 'rest', key), 0, key);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a drag moves only the data: the axes image stays, its canvas keeps its window', async () => {
  const { page, context } = await openLab(env, { dpr: 2 });
  await install(page);
  await page.evaluate(() => window.sigmoidLab.axesSettled());
  await look(page, 'before');
  await page.focus('#p-b-range');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await frames(page, 2);
  const after = await look(page, 'after');
  for (const key of ['za', 'xa']) {
    assert.ok(after[key].image, `${key}: the axes image still shows`);
    assert.ok(await differ(page, 'after', 'before', key) > 0, `${key}: the data moved`);
  }
  await context.close();
});
