// Each panel is its axes (a canvas the core paints, shown as a still image once they rest: the
// browser hands every 2D canvas on the page to the compositor each frame, by its pixels) under an
// SVG of its data, drawn in the same device pixels. The image shows exactly what the canvas does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, frames } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const PANELS = ['xz', 'za', 'xa', 'cost', 'landscape'];
// [key, figure] of the lab's panels and of the network stage's charts, which follow the same rule.
const LAB = PANELS.map((key) => [key, `.panel[data-panel="${key}"]`]);
const NETWORK = ['output', 'hidden', 'cost'].map((key) => [key, `.net-panel[data-net="${key}"]`]);

/** Per panel: which of its axes shows (image or canvas), and how its data's SVG lies over it. */
const layers = (page, figures = LAB) => page.evaluate((figures) => Object.fromEntries(figures.map(([key, selector]) => {
  const fig = document.querySelector(selector);
  const [axes, image, svg] = ['canvas.axes', 'canvas.axes-image', 'svg.data'].map((s) => fig.querySelector(s));
  const box = fig.querySelector('.layers').getBoundingClientRect();
  const over = svg.getBoundingClientRect();
  return [key, {
    image: !image.hidden && axes.hidden,
    canvas: !axes.hidden && image.hidden,
    sameSize: image.width === axes.width && image.height === axes.height,
    viewBox: svg.getAttribute('viewBox'),
    // The data is drawn in the canvas's pixels, in quarters at dpr 1 (draw::vector::grain).
    pixels: `0 0 ${axes.width * (devicePixelRatio < 2 ? 4 : 1)} ${axes.height * (devicePixelRatio < 2 ? 4 : 1)}`,
    covers: Math.abs(over.left - box.left) < 0.5 && Math.abs(over.top - box.top) < 0.5
      && Math.abs(over.width - box.width) < 0.5 && Math.abs(over.height - box.height) < 0.5,
    shapes: svg.children.length,
    d: [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d')).join('|'),
  }];
})), figures);

/** Shows a figure's axes canvas instead of its image (or back), as the page does when they change. */
const showCanvas = (page, selector, on) => page.evaluate(([selector, on]) => {
  const fig = document.querySelector(selector);
  fig.querySelector('canvas.axes').hidden = !on;
  fig.querySelector('canvas.axes-image').hidden = on;
}, [selector, on]);

/** Each figure's axes as an image that shows exactly what the canvas does, under the data's SVG. */
async function assertRestingImages(page, figures) {
  const rest = await layers(page, figures);
  for (const [key, selector] of figures) {
    const r = rest[key];
    assert.ok(r.image, `${key}: its axes show as an image, the canvas hidden`);
    assert.ok(r.sameSize, `${key}: the image has the canvas's pixels`);
    assert.equal(r.viewBox, r.pixels, `${key}: the SVG is drawn over the panel's device pixels`);
    assert.ok(r.covers, `${key}: the SVG covers the panel`);
    assert.ok(r.shapes > 0, `${key}: the data has shapes`);
    // The panel as the screen shows it, with the image, then with the canvas in its place.
    const figure = page.locator(`${selector} .layers`);
    const withImage = await figure.screenshot();
    await showCanvas(page, selector, true);
    const withCanvas = await figure.screenshot();
    await showCanvas(page, selector, false);
    assert.ok(withImage.equals(withCanvas), `${key}: the image and the canvas show the same pixels`);
  }
}

for (const dpr of [1, 2]) {
  test(`the axes rest as an image that shows exactly the canvas, under the data's SVG (devicePixelRatio ${dpr})`, async () => {
    const { page, context, errors } = await openLab(env, { dpr, query: '?w=3&b=-1.5' });
    await page.evaluate(() => window.sigmoidLab.axesSettled());
    await frames(page, 2);
    await assertRestingImages(page, LAB);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('new axes show on their canvas at once, and as an image again once they rest', async () => {
  const { page, context } = await openLab(env, { dpr: 2 });
  await page.evaluate(() => window.sigmoidLab.axesSettled());
  // Inside the frame that repaints everything: the axes canvases show, no stale image.
  const fresh = await page.evaluate(async () => {
    window.sigmoidLab.lab.invalidate();
    window.sigmoidLab.request();
    await new Promise((r) => requestAnimationFrame(r));
    return [...document.querySelectorAll('.panel .layers')].map((l) => !l.querySelector('canvas.axes').hidden && l.querySelector('canvas.axes-image').hidden);
  });
  assert.deepEqual(fresh, fresh.map(() => true));
  await page.evaluate(() => window.sigmoidLab.axesSettled());
  await frames(page, 2);
  for (const [key, r] of Object.entries(await layers(page))) assert.ok(r.image, `${key}: an image again`);
  await context.close();
});

test('a drag moves only the data: the axes image stays, the SVG changes', async () => {
  const { page, context } = await openLab(env, { dpr: 2 });
  await page.evaluate(() => window.sigmoidLab.axesSettled());
  const before = await layers(page);
  await page.focus('#p-b-range');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await frames(page, 2);
  const after = await layers(page);
  for (const key of ['za', 'xa', 'landscape']) {
    assert.ok(after[key].image, `${key}: the axes image still shows`);
    assert.notEqual(after[key].d, before[key].d, `${key}: the data moved`);
  }
  await context.close();
});

test('the network stage\'s axes rest as images too; training moves the data, new axes show on their canvas', async () => {
  const { page, context, errors } = await openLab(env, { dpr: 2, query: '?stage=network' });
  await page.evaluate(() => window.sigmoidNetwork.axesSettled());
  await frames(page, 2);
  await assertRestingImages(page, NETWORK);
  // Training: the data moves every frame; once the run's axes are drawn (the cost chart's axis reaches
  // the run's end from its start) they rest as images while it goes on.
  const before = await layers(page, NETWORK);
  const during = await page.evaluate(async () => {
    const { setPlaying, axesSettled, state } = window.sigmoidNetwork;
    setPlaying(true);
    await new Promise((r) => requestAnimationFrame(r));
    await axesSettled();
    const shown = [];
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      shown.push(state.playing && [...document.querySelectorAll('.net-panel .layers')].every((l) => l.querySelector('canvas.axes').hidden));
    }
    setPlaying(false);
    return shown;
  });
  assert.deepEqual(during, during.map(() => true), 'training frames show the axes as images');
  await frames(page, 2);
  const after = await layers(page, NETWORK);
  for (const [key] of NETWORK) assert.notEqual(after[key].d, before[key].d, `${key}: the data moved`);
  // Linear hidden neurons change the hidden chart's axes: its canvas shows them at once, with no
  // stale image, and rests as an image again.
  const fresh = await page.evaluate(async () => {
    const hidden = document.getElementById('net-hidden');
    hidden.value = 'linear';
    hidden.dispatchEvent(new Event('change'));
    await new Promise((r) => requestAnimationFrame(r));
    const l = document.querySelector('.net-panel[data-net="hidden"] .layers');
    return !l.querySelector('canvas.axes').hidden && l.querySelector('canvas.axes-image').hidden;
  });
  assert.ok(fresh, 'the hidden chart\'s new axes show on its canvas');
  await page.evaluate(() => window.sigmoidNetwork.axesSettled());
  await frames(page, 2);
  await assertRestingImages(page, NETWORK);
  assert.deepEqual(errors, []);
  await context.close();
});
