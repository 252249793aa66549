// The lesson path: each step a link that opens its state with only its charts and controls, on one
// screen; the two quizzes take an answer before they show the result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout, frames } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const STEPS = 9;
const SIZES = [[1280, 800], [390, 844]];

/** Opens step n as a reader following a step link would. */
async function step(n, { lang = 'zh', width = 1280, height = 800 } = {}) {
  const lab = await openLab(env, { query: `?tour=${n}&lang=${lang}`, width, height });
  await lab.page.waitForFunction(() => /tour=/.test(location.search) && document.documentElement.classList.contains('lesson'));
  return lab;
}

/** Boxes of what shows (display not none), in CSS pixels. */
const shown = (page, selector) => page.$$eval(selector, (els) => els
  .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
  .map((el) => { const r = el.getBoundingClientRect(); return { key: el.dataset.panel ?? el.id ?? el.className, top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }; }));

test('every step opens with its words, charts and controls on one screen, desktop and phone', async () => {
  for (const [width, height] of SIZES) {
    for (let n = 1; n <= STEPS; n++) {
      const { page, context, errors } = await step(n, { width, height });
      const where = `step ${n} at ${width}×${height}`;
      assert.match(await page.textContent('#tour-count'), new RegExp(`${n}\\D+${STEPS}`), where);
      const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
      assert.ok(scroll[0] <= width && scroll[1] <= height, `${where}: no scrolling (${scroll})`);
      const boxes = [...await shown(page, '.panel'), ...await shown(page, '#tour'), ...await shown(page, '.controls .param, .controls .buttons'), ...await shown(page, '.stack-demo')];
      for (const b of boxes) {
        assert.ok(b.top >= 0 && b.bottom <= height + 0.5 && b.left >= 0 && b.right <= width + 0.5, `${where}: ${b.key} inside the viewport (${JSON.stringify(b)})`);
      }
      for (const p of await shown(page, '.panel .layers')) assert.ok(p.height >= 100, `${where}: a chart ${p.height} px tall`);
      const emptyControls = await page.$eval('.controls', (c) => c.getClientRects().length > 0
        && ![...c.querySelectorAll('button, input, select')].some((el) => el.getClientRects().length));
      assert.equal(emptyControls, false, `${where}: no empty controls box`);
      // (Quiz 2 keeps its chart laid out but unseen until the answer.)
      const laidOut = await page.$$eval('.panel, .stack-demo', (els) => els.filter((el) => el.getClientRects().length).length);
      assert.ok(laidOut >= 1, `${where}: something to look at`);
      assert.deepEqual(errors, [], where);
      await context.close();
    }
  }
});

test('quiz 1 takes an answer, then shows z → a standing still while x → a moves', async () => {
  const { page, context } = await step(5);
  assert.equal(await page.isVisible('#params'), false, 'no sliders before the answer');
  assert.equal(await page.isVisible('#quiz-reveal'), false);
  const ink = () => page.evaluate(() => window.sigmoidLab.layer('za', 'ink').toDataURL());
  const xa = () => page.evaluate(() => window.sigmoidLab.layer('xa', 'data').toDataURL());
  const [inkBefore, xaBefore] = [await ink(), await xa()];
  await page.click('#quiz-options [data-answer="0"]');
  assert.match(await page.textContent('#quiz-reveal'), /其实不会/, 'a wrong answer gets the reason, not a cross');
  await page.waitForFunction(() => window.sigmoidLab.lab.w() === 8, null, { timeout: 5000 });
  await frames(page);
  assert.equal(await ink(), inkBefore, 'the sigmoid on z → a did not move');
  assert.notEqual(await xa(), xaBefore, 'x → a did');
  assert.ok(await page.isVisible('#params'), 'now the learner drags');
  await context.close();
});

test('quiz 2 hides the chart until answered, then sweeps w to 10: the midpoint moves to 0.5', async () => {
  const { page, context } = await step(6, { lang: 'en' });
  assert.equal(await page.$eval('.panels', (el) => getComputedStyle(el).visibility), 'hidden', 'guess first');
  await page.click('#quiz-options [data-answer="0"]');
  assert.match(await page.textContent('#quiz-reveal'), /^Right: at x = 1\./);
  assert.equal(await page.$eval('.panels', (el) => getComputedStyle(el).visibility), 'visible');
  await page.waitForFunction(() => window.sigmoidLab.lab.w() === 10, null, { timeout: 5000 });
  await frames(page);
  assert.equal(await readout(page, 'boundary'), '0.500');
  await context.close();
});

test('the language switch puts a step, its quiz and its live sentence into the other language', async () => {
  const { page, context, errors } = await step(5);
  await page.click('#quiz-options [data-answer="1"]');
  assert.match(await page.textContent('#quiz-reveal'), /^答对了：不会。/);
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#tour-title'), 'Quiz 1');
  assert.equal(await page.textContent('#tour-count'), 'Step 5 of 9');
  assert.equal(await page.textContent('#quiz-question'), 'When w and b change, does the middle chart, z → a, change?');
  assert.match(await page.textContent('#quiz-reveal'), /^Right: it does not\./, 'the answer given stays, in English');
  assert.equal(await page.textContent('#tour-next'), 'Next');
  await context.close();
  // Step 4's sentence follows the probe, in the language switched to.
  const probe = await step(4);
  assert.match(await probe.page.textContent('#tour-live'), /^探针：x = 0\.620/);
  await probe.page.click('#lang');
  await probe.page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await probe.page.textContent('#tour-live'), /^Probe: x = 0\.620, z = 0\.600, a = 0\.646/);
  assert.deepEqual([...errors, ...probe.errors], []);
  await probe.context.close();
});

test('step 3: training runs but the step function keeps w and b where they are', async () => {
  const { page, context } = await step(3);
  await page.click('#play');
  await page.waitForFunction(() => Number(document.querySelector('[data-readout="epoch"]').textContent) >= 20);
  assert.equal(await readout(page, 'w'), '1.000');
  assert.equal(await readout(page, 'b'), '-0.300');
  await context.close();
});

test('step 8 trains until the boundary sits in the gap between the classes, and says so', async () => {
  const { page, context } = await step(8, { lang: 'en' });
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  const [safe, toxic] = await page.evaluate(() => [...window.sigmoidLab.lab.class_gap()]);
  const boundary = Number(await readout(page, 'boundary'));
  assert.ok(boundary > safe && boundary < toxic, `${safe} < ${boundary} < ${toxic}`);
  assert.match(await page.textContent('#tour-live'), new RegExp(`x = ${safe.toFixed(3)}.*x = ${toxic.toFixed(3)}`));
  assert.ok(await page.isVisible('#trained-end'));
  await context.close();
});

for (const lang of ['zh', 'en']) {
  test(`step 8 on a phone (${lang}): with its numbers said after training, both charts keep a plot, on one screen, the same size from the run's start to its end`, async () => {
    const { page, context } = await step(8, { lang, width: 390, height: 844 });
    // The run plays from the link: its line under the buttons holds the room its end will take.
    assert.match(await page.textContent('#trained-end'), lang === 'zh' ? /到第 1000 轮停/ : /stops at epoch 1000/);
    const during = await shown(page, '.panel .layers');
    await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
    assert.ok(await page.isVisible('#tour-live'));
    await frames(page, 2);
    const scroll = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(scroll <= 844, `no scrolling (${scroll})`);
    const charts = await shown(page, '.panel .layers');
    assert.equal(charts.length, 2);
    for (const c of charts) {
      assert.ok(c.height >= 140, `a chart ${c.height} px tall`);
      assert.ok(c.top >= 0 && c.bottom <= 844 && c.left >= 0 && c.right <= 390, JSON.stringify(c));
    }
    assert.match(await page.textContent('#trained-end'), lang === 'zh' ? /训练完第 1000 轮/ : /Epoch 1000: the boundary settled/);
    assert.deepEqual(charts, during, 'the charts did not move or shrink when the run ended');
    await context.close();
  });
}

test('step 8 on a small phone: a screen too short scrolls, the charts never lie over the numbers', async () => {
  const { page, context } = await step(8, { lang: 'en', width: 360, height: 740 });
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  await frames(page, 2);
  const bottom = Math.max(...(await shown(page, '.panel')).map((c) => c.bottom));
  const [numbers] = await shown(page, '.readouts');
  assert.ok(bottom <= numbers.top, `charts end at ${bottom}, the numbers start at ${numbers.top}`);
  for (const c of await shown(page, '.panel .layers')) assert.ok(c.height >= 140, `a chart ${c.height} px tall`);
  // What is below the screen can be scrolled to.
  await page.locator('#trained-end').scrollIntoViewIfNeeded();
  const [end] = await shown(page, '#trained-end');
  assert.ok(end.bottom <= 740, `the run's line reachable (${end.bottom})`);
  await context.close();
});

test('step 9 draws the stacked-neurons demo; back goes to step 8', async () => {
  const { page, context } = await step(9);
  const painted = await page.$eval('#stack-demo', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
    return n / (c.width * c.height);
  });
  assert.ok(painted > 0.9, `demo painted ${painted}`);
  assert.equal(await page.isVisible('#tour-next'), false);
  await page.click('#tour-prev');
  await page.waitForFunction(() => document.documentElement.classList.contains('ready') && /tour=8/.test(location.search));
  await context.close();
});

test('the whole lab is one click away and keeps the state the step left', async () => {
  const { page, context } = await step(5);
  await page.click('#quiz-options [data-answer="1"]');
  await page.waitForFunction(() => window.sigmoidLab.lab.w() === 8, null, { timeout: 5000 });
  await page.click('#tour-exit');
  await page.waitForFunction(() => document.documentElement.classList.contains('ready') && !/tour=/.test(location.search));
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.w()), 8);
  assert.equal(await page.isVisible('#tour'), false);
  assert.equal((await shown(page, '.panel')).length, 6, 'all panels again');
  await context.close();
});

test('the lesson path has as many steps as the settings let a link name', async () => {
  const { page, context } = await openLab(env);
  const [steps, allowed, words] = await page.evaluate(async () => {
    // The source modules, beside the page's bundle: their own wasm instance.
    await (await import('./www/pkg/sigmoid_lab.js')).default();
    const { loadStrings } = await import('./www/i18n.js');
    const words = await Promise.all(['zh', 'en'].map((lang) => loadStrings(lang, ['tour']).then((t) => t.tour.steps.length)));
    return [(await import('./www/tour.js')).STEPS.length, (await import('./www/schema.js')).getSchema().tourSteps, words];
  });
  assert.equal(steps, STEPS);
  assert.equal(allowed, STEPS);
  assert.deepEqual(words, [STEPS, STEPS], 'every step has its words in both languages');
  await context.close();
});

test('a bare ?tour=N link opens the step with its settings', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.base}?tour=6`);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready') && location.search.includes('w=5'));
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.predict(1)), 0.5);
  assert.match(await page.evaluate(() => location.search), /tour=6/);
  await context.close();
});
