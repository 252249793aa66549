// The keyboard and the controls a learner reaches for: global keys, slider keys, speed, grid,
// going on after epoch 1000, and what an embed shows by default.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout, frames } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const epoch = async (page) => Number(await readout(page, 'epoch'));
const hash = (page, panel, cls) => page.evaluate(([panel, cls]) => {
  const c = window.sigmoidLab.layer(panel, cls);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let h = 0;
  for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + d[i + 1] * 7 + d[i + 2] * 13) >>> 0;
  return h;
}, [panel, cls]);

test('Space trains and pauses, "." steps one bean, E one epoch', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en' });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('.');
  await frames(page);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.next_bean()), 1, 'one bean');
  await page.keyboard.press('e');
  await frames(page);
  assert.equal(await epoch(page), 1, 'the rest of the epoch');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => Number(document.querySelector('[data-readout="epoch"]').textContent) > 5);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await page.keyboard.press('Space');
  await frames(page);
  const stopped = await epoch(page);
  await frames(page, 5);
  assert.equal(await epoch(page), stopped, 'Space paused');
  // Typing in a number field is not a shortcut.
  await page.focus('#p-w-field');
  await page.keyboard.press('e');
  await frames(page);
  assert.equal(await epoch(page), stopped);
  await context.close();
});

test('sliders take Home, End, PageUp and PageDown', async () => {
  const { page, context } = await openLab(env, { query: '?w=0&b=0' });
  await page.focus('#p-w-range');
  await page.keyboard.press('Home');
  await frames(page);
  assert.equal(await readout(page, 'w'), '-20.000');
  await page.keyboard.press('End');
  await frames(page);
  assert.equal(await readout(page, 'w'), '20.000');
  await page.keyboard.press('PageDown');
  await frames(page);
  const w = Number(await readout(page, 'w'));
  assert.ok(w < 20 && w >= 15, `PageDown takes a big step: ${w}`);
  await page.keyboard.press('PageUp');
  await frames(page);
  assert.equal(await readout(page, 'w'), '20.000');
  await context.close();
});

test('the speed control sets how many epochs a frame trains', async () => {
  // Epochs per drawn frame while playing, counted inside the page.
  const perFrame = async (speed) => {
    const { page, context } = await openLab(env, { query: `?speed=${speed}` });
    const r = await page.evaluate(() => new Promise((done) => {
      const { lab, stats, setPlaying } = window.sigmoidLab;
      setPlaying(true);
      const [e0, f0] = [lab.epoch(), stats.frames];
      let n = 0;
      const tick = () => {
        if (++n < 12) return requestAnimationFrame(tick);
        setPlaying(false);
        done((lab.epoch() - e0) / Math.max(1, stats.frames - f0));
      };
      requestAnimationFrame(tick);
    }));
    await context.close();
    return r;
  };
  const slow = await perFrame(1);
  const fast = await perFrame(20);
  assert.ok(slow > 0.5 && slow <= 1.5, `speed 1: ${slow} epochs a frame`);
  assert.ok(fast > 15 && fast <= 21, `speed 20: ${fast} epochs a frame`);
});

test('grid lines go when the grid is switched off', async () => {
  const { page, context } = await openLab(env);
  const before = await hash(page, 'xz', 'axes');
  await page.uncheck('#grid');
  await frames(page);
  assert.notEqual(await hash(page, 'xz', 'axes'), before, 'the axes layer is drawn again without grid');
  assert.match(await page.evaluate(() => location.search), /grid=0|^$/);
  await page.check('#grid');
  await frames(page);
  assert.equal(await hash(page, 'xz', 'axes'), before, 'and back');
  await context.close();
});

test('after epoch 1000 Train goes on', async () => {
  const { page, context } = await openLab(env, { query: '?epochs=1000&lang=en' });
  assert.equal(await epoch(page), 1000);
  await page.click('#play');
  await page.waitForFunction(() => Number(document.querySelector('[data-readout="epoch"]').textContent) > 1010);
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  await context.close();
});

test('an embed without lists shows the three function panels and the training controls', async () => {
  const { page, context } = await openLab(env, { query: '?embed=1', width: 800, height: 560 });
  const panels = await page.$$eval('.panel', (ps) => ps.filter((p) => !p.hidden).map((p) => p.dataset.panel));
  assert.deepEqual(panels, ['xz', 'za', 'xa']);
  for (const id of ['#p-w-range', '#p-b-range', '#p-alpha-range', '#play']) assert.ok(await page.isVisible(id), id);
  for (const id of ['#activation', '#copy-link', '#export-gif', '#p-seed-field']) assert.equal(await page.isVisible(id), false, id);
  assert.equal(await page.isVisible('.site-header'), false);
  await context.close();
});
