// Shared by the browser tests and the benchmark: the page served on 127.0.0.1 and Debian's
// Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// As root and with no network but the registries, Chromium needs these to start quietly.
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions',
  // Memory tests read exact heap sizes after a forced collection.
  '--enable-precise-memory-info', '--js-flags=--expose-gc',
];

export async function launch() {
  const server = await startServer(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A new page at `query`, waiting until the lab is drawn; collects console errors. */
export async function openLab(env, { query = '', width = 1280, height = 900, dpr = 1, locale = 'zh-CN', colorScheme = 'light' } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, locale, colorScheme,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.base + query);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
  // Let the first layout and paint settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, context, errors };
}

export async function readout(page, key) {
  return page.locator(`[data-readout="${key}"]`).textContent();
}

/**
 * Waits for n animation frames of the page, and then for as many more as its numbers lag the lab
 * (while values move they change at a readable pace: www/text.js).
 */
export const frames = (page, n = 2) => page.evaluate((n) => new Promise((r) => {
  const handle = window.sigmoidLab ?? window.sigmoidNetwork;
  const step = () => (n-- <= 0 && !handle?.numbersOwed?.() ? r() : requestAnimationFrame(step));
  step();
}), n);

/**
 * How many pixels of a panel the data (curves, beans, marks) covers: where the panel on the page
 * differs from its axes layer underneath.
 */
export const marked = (target, panel) => target.evaluate((panel) => {
  const get = (cls) => {
    const c = window.sigmoidLab.layer(panel, cls);
    return c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  };
  const [shown, axes] = [get('data'), get('axes')];
  let n = 0;
  for (let i = 0; i < shown.length; i += 4) {
    if (shown[i] !== axes[i] || shown[i + 1] !== axes[i + 1] || shown[i + 2] !== axes[i + 2] || shown[i + 3] !== axes[i + 3]) n++;
  }
  return n;
}, panel);

/**
 * Presses `play` (a button's selector), logs `count` animation frames of training, then presses it
 * again and waits two frames. Per frame, by the frame's own time: whether the numbers (readouts,
 * the chain table) changed, and whether the element `chart` (a selector) changed.
 */
export const framesWhilePlaying = (page, { play, chart, count = 40 }) => page.evaluate(async ({ play, chart, count }) => {
  const log = [];
  let numbers = false;
  const observer = new MutationObserver(() => { numbers = true; });
  for (const el of document.querySelectorAll('.readouts output, table.chain output')) observer.observe(el, { subtree: true, characterData: true, childList: true });
  const shown = () => document.querySelector(chart).innerHTML;
  document.querySelector(play).click();
  let last = shown();
  for (let i = 0; i < count; i++) {
    const time = await new Promise((r) => requestAnimationFrame(r));
    // This callback runs after the page's frame of the same time (it was asked for first).
    await Promise.resolve();
    observer.takeRecords().length && (numbers = true);
    const now = shown();
    log.push({ time, numbers, chart: now !== last });
    numbers = false;
    last = now;
  }
  document.querySelector(play).click();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return log;
}, { play, chart, count });
