// Course notes on another origin: a note page served from a second server loads the element
// script from the lab's server (a cross-origin module) and holds two <sigmoid-lab> elements and an
// iframe; each is drawn and each is its own lab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch } from './browser.mjs';

let env;
let notes;
let notesBase;
before(async () => {
  env = await launch();
  const note = `<!doctype html><html><head><meta charset="utf-8"><title>Notes</title>
<script type="module" src="${env.base}www/sigmoid-lab.js"></script></head><body>
<h1>Lesson 05</h1>
<sigmoid-lab id="one" w="3" b="-1" panels="xa"></sigmoid-lab>
<sigmoid-lab id="two" w="-7" b="2" panels="xz,xa"></sigmoid-lab>
<iframe id="three" src="${env.base}?w=12&b=-6&embed=1&panels=xa" width="600" height="400"></iframe>
</body></html>`;
  notes = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(note);
  });
  await new Promise((r) => notes.listen(0, '127.0.0.1', r));
  // "localhost" is another origin than 127.0.0.1 even on the same port; another port makes sure.
  notesBase = `http://localhost:${notes.address().port}/`;
});
after(async () => {
  await env?.close();
  await new Promise((r) => notes?.close(r) ?? r());
});

test('the server allows any origin for the page files', async () => {
  const res = await fetch(`${env.base}www/sigmoid-lab.js`, { headers: { Origin: 'http://example.org' } });
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
  const page = await fetch(env.base);
  assert.equal(page.headers.get('access-control-allow-origin'), '*');
  assert.equal((await fetch(`${env.base}package.json`)).status, 404, 'still only the page and its assets');
});

test('elements and an iframe in a note on another origin are drawn and independent', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 1800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(notesBase);
  assert.notEqual(new URL(notesBase).origin, new URL(env.base).origin);
  const frameOf = async (id) => {
    const el = await page.waitForSelector(`#${id}`);
    const handle = id === 'three' ? el : await el.evaluateHandle((e) => e.shadowRoot.querySelector('iframe'));
    return handle.asElement().contentFrame();
  };
  const frames = [await frameOf('one'), await frameOf('two'), await frameOf('three')];
  const ws = [];
  for (const frame of frames) {
    await frame.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
    // Ink on the x → a chart's data layer: some pixels that are not transparent.
    const ink = await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => {
      const c = window.sigmoidLab.layer('xa', 'shapes');
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
      r(n);
    })));
    assert.ok(ink > 200, `drawn (${ink} inked pixels)`);
    // The w the frame shows (its field; the readouts are hidden when embedded).
    ws.push(await frame.inputValue('#p-w-field'));
  }
  assert.deepEqual(await Promise.all(frames.map((f) => f.evaluate(() => window.sigmoidLab.lab.w()))), [3, -7, 12]);
  assert.equal(new Set(ws).size, 3, `different w shown: ${ws}`);
  // One trains, the others stay.
  await frames[1].click('#epoch');
  await frames[1].waitForFunction(() => window.sigmoidLab.lab.epoch() === 1);
  assert.equal(await frames[0].evaluate(() => window.sigmoidLab.lab.epoch()), 0);
  assert.equal(await frames[2].evaluate(() => window.sigmoidLab.lab.epoch()), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
