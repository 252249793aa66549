// A transparent embed in a note whose colour scheme is not the lab's theme: the note's own
// background shows through. Browsers paint an opaque backdrop behind a frame whose root's scheme
// differs from the frame element's, so a dark lab in a light note used to sit in a black box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch } from './browser.mjs';

let env;
let notes;
let notesBase;
// The note pages, by path; each test writes the ones it opens.
const pages = new Map();
before(async () => {
  env = await launch();
  notes = createServer((req, res) => {
    const body = pages.get(req.url);
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body ?? '');
  });
  await new Promise((r) => notes.listen(0, '127.0.0.1', r));
  notesBase = `http://localhost:${notes.address().port}`;
});
after(async () => {
  await env?.close();
  await new Promise((r) => notes?.close(r) ?? r());
});

const note = (head, body) => `<!doctype html><html><head><meta charset="utf-8"><title>Notes</title>${head}</head>
<body style="margin:0">${body}</body></html>`;

/** The colour on screen at (x, y) of the page, as #rrggbb. */
async function seen(page, x, y) {
  const shot = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return `#${[...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  }, shot.toString('base64'));
}

/** Opens note `path` and waits until every lab frame in it is drawn; returns the frames by id. */
async function openNote(path, { colorScheme = 'light' } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 700, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(notesBase + path);
  const frames = {};
  for (const el of await page.$$('iframe, sigmoid-lab')) {
    const id = await el.getAttribute('id');
    const inner = (await el.evaluate((e) => e.localName)) === 'iframe' ? el : (await el.evaluateHandle((e) => e.shadowRoot.querySelector('iframe'))).asElement();
    const frame = await inner.contentFrame();
    await frame.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const box = await inner.boundingBox();
    frames[id] = { frame, box };
  }
  return { page, context, frames, errors };
}

/** Where the frame shows only its background: the page's padding, and the chart's top right corner. */
async function emptySpots(frame, box) {
  const corner = await frame.evaluate(() => {
    const r = document.querySelector('[data-panel="xa"] .layers').getBoundingClientRect();
    return [r.right - 4, r.top + 4];
  });
  return [[box.x + 2, box.y + 2], [box.x + corner[0], box.y + corner[1]]];
}

test('theme=dark&bg=transparent in a light note shows the note\'s background, with dark controls', async () => {
  const src = `${env.base}?embed=1&theme=dark&bg=transparent&panels=xa&controls=w`;
  // As a teacher writes it by hand: no style on the frame, the note in the browser's usual scheme.
  pages.set('/light', note('<style>body { background: #fdf6e3; }</style>',
    `<iframe id="lab" src="${src}" width="600" height="400" style="border:0"></iframe>`));
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, frames, errors } = await openNote('/light', { colorScheme });
    const { frame, box } = frames.lab;
    for (const [x, y] of await emptySpots(frame, box)) {
      assert.equal(await seen(page, x, y), '#fdf6e3', `the note's colour at ${x},${y} (system ${colorScheme})`);
    }
    // The lab is still dark: its text is light and its fields are in the dark scheme.
    assert.equal(await frame.evaluate(() => getComputedStyle(document.getElementById('p-w-field')).colorScheme), 'dark');
    assert.ok(await frame.evaluate(() => document.documentElement.classList.contains('theme-dark')));
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('theme=light&bg=transparent in a dark note, as the embed code and the element give it', async () => {
  // The embed code the page gives for this state, from the embed builder's module.
  const lab = await env.browser.newContext();
  const labPage = await lab.newPage();
  await labPage.goto(`${env.base}?theme=light&bg=transparent&panels=xa&controls=w`);
  await labPage.waitForFunction(() => document.documentElement.classList.contains('ready'));
  const iframe = await labPage.evaluate(async () => {
    // The source modules, beside the page's bundle: their own wasm instance.
    await (await import('./www/pkg/sigmoid_lab.js')).default();
    return (await import('./www/embedcode.js')).embedCode(location.search, 'Sigmoid Lab');
  });
  await lab.close();
  assert.match(iframe, /color-scheme:light/);
  const dark = '<style>:root { color-scheme: dark; } body { background: #002b36; }</style>';
  pages.set('/dark', note(`${dark}<script type="module" src="${env.base}www/sigmoid-lab.js"></script>`,
    `${iframe.replace('<iframe ', '<iframe id="code" ')}
<sigmoid-lab id="element" theme="light" bg="transparent" panels="xa" controls="w" style="height:400px;width:600px"></sigmoid-lab>`));
  // A dark note that does not declare its scheme, with a frame written by hand.
  pages.set('/dark-plain', note('<style>body { background: #002b36; }</style>',
    `<iframe id="plain" src="${env.base}?embed=1&theme=light&bg=transparent&panels=xa&controls=w" width="600" height="400" style="border:0"></iframe>`));
  for (const path of ['/dark', '/dark-plain']) {
    const { page, context, frames, errors } = await openNote(path, { colorScheme: 'dark' });
    assert.ok(Object.keys(frames).length >= 1);
    for (const [id, { frame, box }] of Object.entries(frames)) {
      for (const [x, y] of await emptySpots(frame, box)) {
        assert.equal(await seen(page, x, y), '#002b36', `${id}: the note's colour at ${x},${y}`);
      }
      assert.equal(await frame.evaluate(() => getComputedStyle(document.getElementById('p-w-field')).colorScheme), 'light', id);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});
