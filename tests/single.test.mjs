// The single-file build (dist/sigmoid-lab.html, made by scripts/build-single.mjs): opened from
// file:// with every non-file request blocked, it must load, draw and train like the served page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { launch, frames, marked } from './browser.mjs';
import { bundle, BuildError } from '../scripts/build-single.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILE = join(ROOT, 'dist', 'sigmoid-lab.html');
const URL_ = pathToFileURL(FILE).href;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Fails (never skips) when the file is missing or older than what it is built from. */
function assertBuilt() {
  assert.ok(existsSync(FILE), 'dist/sigmoid-lab.html is missing: run `bash scripts/build.sh` (it ends by running scripts/build-single.mjs)');
  const built = statSync(FILE).mtimeMs;
  const sources = ['index.html', ...['www', 'www/pkg'].flatMap((d) => readdirSync(join(ROOT, d)).map((f) => `${d}/${f}`))]
    .filter((f) => statSync(join(ROOT, f)).isFile());
  const newer = sources.filter((f) => statSync(join(ROOT, f)).mtimeMs > built);
  assert.deepEqual(newer, [], `dist/sigmoid-lab.html is older than ${newer.join(', ')}: run \`bash scripts/build.sh\``);
}

/** The single file from file://, only file: requests allowed; resolves once the lab is ready. */
async function openSingle() {
  assertBuilt();
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN', colorScheme: 'light' });
  const blocked = [];
  await context.route('**/*', (r) => {
    if (r.request().url().startsWith('file:')) return r.continue();
    blocked.push(r.request().url());
    return r.abort();
  });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!/^(data|blob):/.test(r.url())) requests.push(r.url()); });
  const t0 = Date.now();
  await page.goto(URL_);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000, polling: 'raf' });
  const loadMs = Date.now() - t0;
  await frames(page);
  return { page, context, errors, blocked, requests, loadMs };
}


/** How many pixels of one canvas layer are painted, and its size. */
function layer(page, panel, cls) {
  return page.evaluate(([panel, cls]) => {
    const c = window.sigmoidLab.layer(panel, cls);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) painted++;
    return { painted, width: c.width, height: c.height };
  }, [panel, cls]);
}

const readout = (page, key) => page.locator(`[data-readout="${key}"]`).textContent();

test('the single file loads from file:// without network, with no console error, and draws all four panels', async (t) => {
  const { page, context, errors, blocked, requests, loadMs } = await openSingle();
  assert.deepEqual(errors, []);
  assert.deepEqual(blocked, [], 'nothing outside the file was requested');
  assert.deepEqual(requests, [URL_], 'the page is the only file it loads');
  for (const panel of ['xz', 'za', 'xa', 'cost']) {
    const shown = await layer(page, panel, 'data');
    assert.ok(shown.width > 200 && shown.height > 150, `${panel} has a size`);
    const data = await marked(page, panel);
    assert.ok(data > 50, `${panel} data has marks over the axes (${data} px)`);
  }
  t.diagnostic(`single file ready after ${loadMs} ms`);
  await context.close();
});

test('one epoch, then play to epoch 1000, puts the boundary near 0.43', async () => {
  const { page, context, errors } = await openSingle();
  assert.equal(await readout(page, 'epoch'), '0');
  await page.click('#epoch');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '1');
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  await frames(page);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false', 'play stops at epoch 1000');
  const boundary = Number(await readout(page, 'boundary'));
  assert.ok(Math.abs(boundary - 0.43) < 0.05, `boundary ${boundary}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- the bundler on its own, with the import/export forms it must handle or refuse ----

/** Writes `files` into a fresh directory and bundles its a.js. */
function bundleOf(files) {
  const dir = mkdtempSync(join(tmpdir(), 'single-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return bundle([join(dir, 'a.js')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the bundle keeps the order and semantics of static and dynamic imports', async () => {
  const { code, modules } = bundleOf({
    'a.js': [
      "import def, { x as y, z } from './b.js';",
      "import * as ns from './c.js';",
      "import './side.js';",
      "await Promise.resolve();",
      "const later = await import('./later.js');",
      "globalThis.RESULT = { def: def(), y, z, c: ns.c, nsDefault: ns.default, order: globalThis.ORDER, later: later.value };",
    ].join('\n'),
    'b.js': "globalThis.ORDER.push('b');\nexport default () => 'b-default'\nexport const x = 'x', z = 'z';\n",
    'c.js': "globalThis.ORDER.push('c');\nexport const c = 'c';\nexport default 'c-default';\n",
    'side.js': "globalThis.ORDER.push('side');\n",
    'later.js': "globalThis.ORDER.push('later');\nexport const value = 'later';\n",
  });
  assert.equal(modules.length, 5, 'the dynamically imported module is in the bundle too');
  globalThis.ORDER = [];
  try {
    await import(`data:text/javascript,${encodeURIComponent(code)}`);
    assert.deepEqual(globalThis.RESULT, { def: 'b-default', y: 'x', z: 'z', c: 'c', nsDefault: 'c-default', order: ['b', 'c', 'side', 'later'], later: 'later' });
  } finally {
    delete globalThis.ORDER;
    delete globalThis.RESULT;
  }
});

test('the bundler refuses, with a message, what it cannot inline', () => {
  const refuses = (files, message) => assert.throws(() => bundleOf(files), (e) => e instanceof BuildError && message.test(e.message), `expected ${message}`);
  refuses({ 'a.js': "import x from 'lodash';" }, /lodash/);
  refuses({ 'a.js': "import x from './missing.js';" }, /missing\.js/);
  refuses({ 'a.js': "import { nope } from './b.js';\nconsole.log(nope);", 'b.js': 'export const yes = 1;' }, /nope/);
  refuses({ 'a.js': "const name = './b.js'; const m = await import(name);" }, /import/);
});

test('the single file takes a link’s settings, and works inside a note’s iframe', async () => {
  assertBuilt();
  const context = await env.browser.newContext({ viewport: { width: 900, height: 700 }, locale: 'en-US' });
  await context.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${URL_}?w=5&b=-5&lang=en`);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  assert.equal(await page.locator('[data-readout="boundary"]').textContent(), '1.000');
  assert.equal(await page.textContent('#play'), 'Train');
  // A Markdown note next to the file, embedding it.
  const dir = mkdtempSync(join(tmpdir(), 'note-'));
  try {
    writeFileSync(join(dir, 'note.html'), `<!doctype html><meta charset="utf-8"><h1>Note</h1><iframe src="${URL_}?embed=1&panels=xa&w=10&b=-5" width="640" height="400"></iframe>`);
    await page.goto(pathToFileURL(join(dir, 'note.html')).href);
    const frame = page.frames().find((f) => f.url().startsWith(URL_)) ?? (await page.waitForEvent('frameattached'));
    await frame.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
    assert.equal(await frame.evaluate(() => window.sigmoidLab.lab.boundary()), 0.5);
    const ink = await frame.evaluate(() => {
      const c = window.sigmoidLab.layer('xa', 'shapes');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
      return n;
    });
    assert.ok(ink > 100, `the embedded chart is drawn (${ink} px)`);
    assert.equal(await frame.isVisible('.site-header'), false, 'embed mode');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});
