// The embed builder behind "复制嵌入代码": a labelled <dialog> that Escape closes, a live preview
// at the chosen size, four copy formats that are what they say, and an iframe that, pasted into a
// note on another origin, shows the state it was copied from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, readout } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function openBuilder(query, locale = 'zh-CN') {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(env.base + query);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  const before = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('embedbuilder.js')));
  assert.equal(before, false, 'the builder loads on first use');
  // The button itself (a tour step or a link's controls= may hide it, but it stays wired).
  await page.evaluate(() => document.getElementById('copy-embed').click());
  await page.waitForSelector('dialog#embed-builder[open]');
  return { context, page, errors };
}

const clip = (page) => page.evaluate(() => navigator.clipboard.readText());
async function copyAs(page, format) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.click(`#builder-copy-${format}`);
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.length > 0));
  return clip(page);
}
const srcOf = (code) => new URL(code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&'));

test('the dialog: labelled, keyboard reachable, Escape closes and focus returns', async () => {
  const { context, page, errors } = await openBuilder('?w=2&b=-1');
  const info = await page.evaluate(() => {
    const d = document.getElementById('embed-builder');
    const label = document.getElementById(d.getAttribute('aria-labelledby'));
    return { modal: d.matches(':modal'), label: label?.textContent, inside: d.contains(document.activeElement) };
  });
  assert.deepEqual(info, { modal: true, label: '嵌入代码', inside: true });
  // Tab moves within the dialog; a checkbox toggles with Space.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.getElementById('embed-builder').contains(document.activeElement)));
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog#embed-builder:not([open])', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-embed');
  // The page's CSP forbids inline styles: nothing in the dialog carries a style attribute.
  assert.equal(await page.evaluate(() => document.querySelectorAll('#embed-builder [style]:not(iframe):not(.builder-preview)').length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('xa, cost, dark, 688 × 400: the preview has that size and its URL those keys; four formats', async () => {
  const { context, page, errors } = await openBuilder('?w=3.14159&b=-1.23456&tour=2&lang=en', 'en-US');
  assert.equal(await page.textContent('#embed-builder-title'), 'Embed code');
  // The charts and settings go by the names the core gives them (the charts' titles, the sliders' labels).
  const label = (name, value) => page.textContent(`#embed-builder label:has(> input[name=${name}][value=${value}])`);
  assert.equal((await label('panel', 'xa')).trim(), 'x → a: a = sigmoid(wx + b)');
  assert.equal((await label('control', 'alpha')).trim(), 'learning rate α');
  assert.equal((await label('panel', 'chain')).trim(), 'Chain rule');
  for (const k of ['xz', 'za', 'xa', 'cost', 'landscape', 'chain']) {
    const box = page.locator(`#embed-builder input[name=panel][value=${k}]`);
    if ((await box.isChecked()) !== ['xa', 'cost'].includes(k)) await box.click();
  }
  await page.check('#embed-builder input[name=theme][value=dark]');
  await page.check('#embed-builder input[name=size][value=note]');
  const preview = await page.evaluate(() => {
    const f = document.getElementById('builder-preview');
    return { width: f.width, height: f.height, src: f.src };
  });
  assert.deepEqual([preview.width, preview.height], ['688', '400']);
  const q = new URL(preview.src).searchParams;
  assert.equal(q.get('panels'), 'xa,cost');
  assert.equal(q.get('theme'), 'dark');
  assert.equal(q.get('embed'), '1');
  assert.equal(q.get('w'), '3.14');
  assert.equal(q.get('b'), '-1.23');
  assert.equal(q.has('tour'), false, 'the tour step is left out');
  // The preview frame shows the lab at that size.
  const frame = page.frame({ url: (u) => u.href === preview.src });
  await frame.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
  assert.deepEqual(await frame.evaluate(() => [innerWidth, innerHeight]), [688, 400]);

  const iframe = await copyAs(page, 'iframe');
  assert.match(iframe, /^<iframe src="[^"]+" title="[^"]+" width="688" height="400" loading="lazy" style="border:0;max-width:100%"><\/iframe>$/);
  assert.equal(srcOf(iframe).href, preview.src);
  const md = await copyAs(page, 'markdown');
  assert.ok(md.split('\n').includes(iframe), 'the Markdown has the iframe on a line of its own');
  assert.match(md, /\n\[[^\]]+\]\(http[^)]+\)\n$/, 'and a link to the page');
  const element = await copyAs(page, 'element');
  assert.match(element, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/www\/sigmoid-lab\.js"><\/script>\n<sigmoid-lab /);
  assert.match(element, / panels="xa,cost"/);
  assert.match(element, / theme="dark"/);
  assert.match(element, / w="3\.14"/);
  assert.doesNotMatch(element, /embed=/);
  const link = await copyAs(page, 'link');
  const lq = new URL(link).searchParams;
  assert.deepEqual([lq.get('panels'), lq.get('theme'), lq.has('embed')], ['xa,cost', 'dark', false]);

  // "Include the current step" keeps the tour step.
  await page.check('#embed-builder input[name=step]');
  assert.equal(srcOf(await copyAs(page, 'iframe')).searchParams.get('tour'), '2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a phone-sized preview is shown scaled to fit; custom sizes take the fields', async () => {
  const { context, page } = await openBuilder('?w=1');
  await page.check('#embed-builder input[name=size][value=custom]');
  await page.fill('#builder-width', '1600');
  await page.fill('#builder-height', '500');
  const m = await page.evaluate(() => {
    const f = document.getElementById('builder-preview');
    return { width: f.width, height: f.height, shown: f.getBoundingClientRect().width, room: f.parentElement.clientWidth };
  });
  assert.deepEqual([m.width, m.height], ['1600', '500']);
  assert.ok(m.shown <= m.room + 1, `scaled to fit: ${m.shown} in ${m.room}`);
  assert.match(await copyAs(page, 'iframe'), /width="1600" height="500"/);
  await context.close();
});

test('the iframe snippet, pasted into a note on another origin, shows the state it was copied from', async () => {
  const { context, page } = await openBuilder('?w=4.57&b=-2.25&seed=7&epochs=30');
  const w = await readout(page, 'w');
  const code = await copyAs(page, 'iframe');
  const note = await context.newPage();
  // The note page is answered by the test itself, so Chromium treats it as a public site framing
  // a local one: allowed as a reader's browser would allow a public notes site and a public lab.
  await context.grantPermissions(['local-network-access']);
  // Another origin (localhost, not 127.0.0.1) for the note, as a notes site would be.
  const notes = env.base.replace('127.0.0.1', 'localhost') + 'notes/lesson.html';
  await note.route(notes, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><h1>笔记</h1>\n${code.replace('loading="lazy"', '')}\n` }));
  await note.goto(notes);
  assert.notEqual(new URL(note.url()).origin, new URL(env.base).origin);
  const frame = await (await note.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
  assert.equal(await readout(frame, 'w'), w);
  assert.equal(await readout(frame, 'epoch'), await readout(page, 'epoch'));
  const field = '.param[data-key=w] input:not([type=range])';
  assert.equal(await frame.inputValue(field), await page.inputValue(field));
  await context.close();
});
