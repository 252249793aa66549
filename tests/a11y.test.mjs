// Accessibility: axe-core finds no serious or critical problem, in Chinese and English, light and
// dark; a keyboard-only learner can train to a fit and hear the result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, readout } from './browser.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function open(query, { locale = 'zh-CN', colorScheme = 'light', width = 1280 } = {}) {
  // axe is injected as a script: the page's own CSP would rightly refuse it.
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale, colorScheme, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(env.base + query);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  return { page, context };
}

for (const [lang, scheme, width] of [['zh', 'light', 1280], ['en', 'light', 1280], ['zh', 'dark', 360], ['en', 'dark', 1280]]) {
  test(`axe-core: no serious or critical violation (${lang}, ${scheme}, ${width} px)`, async () => {
    const { page, context } = await open(`?lang=${lang}&tour=3&w=5&b=-2.5`, { colorScheme: scheme, width });
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
}

for (const [lang, scheme, width, query] of [['zh', 'light', 1280, 'hidden=linear'], ['en', 'dark', 390, ''], ['en', 'light', 1280, 'output=linear']]) {
  test(`axe-core on the network stage: no serious or critical violation (${lang}, ${scheme}, ${width} px)`, async () => {
    const { page, context } = await open(`?stage=network&lang=${lang}&${query}`, { colorScheme: scheme, width });
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert.deepEqual(violations, []);
    // Every button, slider, field and choice has a name.
    const unnamed = await page.$$eval('#net button, #net input, #net select, #net a', (els) => els
      .filter((e) => !(e.getAttribute('aria-label') || e.labels?.[0]?.textContent.trim() || e.textContent.trim()))
      .map((e) => e.id || e.outerHTML.slice(0, 60)));
    assert.deepEqual(unnamed, []);
    const alts = await page.$$eval('.net-panel svg.data', (cs) => cs.map((c) => c.getAttribute('aria-label') ?? ''));
    assert.equal(alts.length, 3);
    for (const a of alts) assert.ok(a.length > 20, a);
    await context.close();
  });
}

test('keyboard only: train to a fit and hear the result in the live region', async () => {
  const { page, context } = await open('?lang=en');
  // Tab from the top to the Train button, as a keyboard user would.
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'play'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  assert.equal(focused, 'play');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  const live = page.locator('#summary');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  const said = await live.textContent();
  assert.match(said, /boundary at x = 0\.\d{3}, 9\d% of beans right/);
  assert.ok(Math.abs(Number(await readout(page, 'boundary')) - 0.43) < 0.04);
  await context.close();
});

test('each chart has a text alternative describing its curve', async () => {
  const { page, context } = await open('?lang=en&w=5&b=-5');
  const alts = await page.$$eval('.panel svg.data', (cs) => cs.map((c) => c.getAttribute('aria-label') ?? ''));
  assert.equal(alts.length, 5);
  assert.match(alts[0], /z = 5\.000·x \+ -5\.000/);
  assert.match(alts[2], /boundary at x = 1\.000/);
  for (const a of alts) assert.ok(a.length > 20, a);
  await context.close();
});
