// theme= and bg=: the page and its charts follow the link, not only the system.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const rgb = (s) => s.match(/[\d.]+/g).map(Number);
const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
/** The pixel at (x, y) of a panel's layer, in device pixels. */
const pixel = (page, panel, cls, x = 2, y = 2) => page.evaluate(([panel, cls, x, y]) => {
  const c = window.sigmoidLab.layer(panel, cls);
  return [...c.getContext('2d').getImageData(x, y, 1, 1).data];
}, [panel, cls, x, y]);

test('theme=dark under a light system gives a dark page and dark charts', async () => {
  const { page, context, errors } = await openLab(env, { query: '?theme=dark', colorScheme: 'light' });
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('theme-dark')));
  assert.ok(luminance(rgb(await page.evaluate(() => getComputedStyle(document.body).backgroundColor))) < 0.15, 'dark page');
  assert.ok(luminance(rgb(await page.evaluate(() => getComputedStyle(document.body).color))) > 0.7, 'light text');
  for (const panel of ['xz', 'za', 'xa']) {
    const px = await pixel(page, panel, 'axes');
    assert.ok(luminance(px) < 0.15 && px[3] === 255, `${panel}: dark chart background ${px}`);
  }
  // The link keeps it.
  await page.waitForFunction(() => location.search.includes('theme=dark'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('theme=light under a dark system stays light; auto follows the system', async () => {
  const { page, context } = await openLab(env, { query: '?theme=light', colorScheme: 'dark' });
  assert.ok(luminance(rgb(await page.evaluate(() => getComputedStyle(document.body).backgroundColor))) > 0.85);
  assert.ok(luminance(await pixel(page, 'xz', 'axes')) > 0.85, 'light chart');
  await context.close();
  const auto = await openLab(env, { query: '', colorScheme: 'dark' });
  assert.ok(luminance(await pixel(auto.page, 'xz', 'axes')) < 0.15, 'auto: the dark system');
  await auto.page.emulateMedia({ colorScheme: 'light' });
  await auto.page.waitForFunction(() => document.documentElement.classList.contains('theme-light'));
  await auto.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(luminance(await pixel(auto.page, 'xz', 'axes')) > 0.85, 'auto: turns light with the system');
  await auto.context.close();
});

test('bg=#rrggbb colours the page and the charts', async () => {
  const { page, context } = await openLab(env, { query: '?bg=%23fdf6e3' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(253, 246, 227)');
  assert.deepEqual(await pixel(page, 'xa', 'axes'), [253, 246, 227, 255]);
  await context.close();
});

test('bg=transparent in an iframe shows the host page through', async () => {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 600 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.setContent(`<body style="margin:0;background:rgb(255,200,0)"><iframe src="${env.base}?embed=1&bg=transparent&panels=xa&controls=w" width="800" height="500" style="border:0"></iframe></body>`);
  const frame = page.frames().find((f) => f.url().startsWith(env.base));
  await frame.waitForFunction(() => document.documentElement.classList.contains('ready'));
  await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The chart's background is left unpainted, and the page's boxes have none.
  assert.equal((await pixel(frame, 'xa', 'axes'))[3], 0);
  for (const sel of ['body', '.panel', '.controls']) {
    assert.equal(await frame.evaluate((s) => getComputedStyle(document.querySelector(s)).backgroundColor, sel), 'rgba(0, 0, 0, 0)', sel);
  }
  // What is on screen inside the chart's corner is the host's colour.
  const box = await frame.evaluate(() => {
    const r = document.querySelector('[data-panel="xa"] .layers').getBoundingClientRect();
    return { x: r.left + 3, y: r.top + 3 };
  });
  const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: 4, height: 4 } });
  const seen = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(1, 1, 1, 1).data];
  }, shot.toString('base64'));
  assert.deepEqual(seen.slice(0, 3), [255, 200, 0], `host colour through the frame: ${seen}`);
  await context.close();
});

test('a bad theme or bg is named in the note and the page starts', async () => {
  const { page, context, errors } = await openLab(env, { query: '?theme=pink&bg=red' });
  await page.waitForSelector('#url-note:not([hidden])');
  const items = await page.$$eval('#url-note-list li', (lis) => lis.map((li) => [li.dataset.key, li.textContent]));
  assert.deepEqual(items.map((i) => i[0]), ['theme', 'bg']);
  assert.match(items[0][1], /pink/);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('theme-light')), 'auto, light system');
  assert.deepEqual(errors, []);
  await context.close();
});
