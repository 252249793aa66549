// Your own beans: click to add or remove on x → a, paste or drop CSV, back to the course's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { launch, openLab, frames, readout } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const beans = (page) => page.evaluate(() => {
  const { lab } = window.sigmoidLab;
  return [...lab.beans_x()].map((x, i) => [x, lab.beans_y()[i]]);
});

test('a click on x → a adds a bean (upper half toxic) and a click on it removes it', async () => {
  const { page, context } = await openLab(env, { query: '?n=10&seed=5' });
  await page.click('.own-beans summary');
  await page.check('#edit-beans');
  const box = await page.locator('.panel[data-panel="xa"] .layers').boundingBox();
  const left = 54, right = 14, top = 30, bottom = 42;
  const at = (x, y) => [box.x + left + x * (box.width - left - right - 1), box.y + top + (1.1 - y) / 1.2 * (box.height - top - bottom - 1)];
  const before = await beans(page);
  await page.mouse.click(...at(0.15, 0.9));
  await frames(page);
  let now = await beans(page);
  assert.equal(now.length, 11);
  const added = now.find(([x]) => !before.some(([b]) => Math.abs(b - x) < 1e-4));
  assert.ok(Math.abs(added[0] - 0.15) < 0.01 && added[1] === 1, `added ${added}`);
  await page.click('.own-beans summary');
  const listed = (await page.inputValue('#beans-text')).trim().split('\n');
  assert.equal(listed[0], 'x,y');
  assert.equal(listed.length, 12, 'the header and the 11 beans, written out when the box opens');
  await page.mouse.click(...at(added[0], 1));
  await frames(page);
  now = await beans(page);
  // Own beans keep the 4 decimals a link holds.
  assert.deepEqual(now, before.map(([x, y]) => [Number(x.toFixed(4)), y]));
  await context.close();
});

test('pasted CSV replaces the beans; a bad row is refused with its line and nothing is lost', async () => {
  const { page, context, errors } = await openLab(env);
  await page.click('.own-beans summary');
  const before = await beans(page);
  const bad = 'x,y\n0.1,0\n0.2,0\n0.9,maybe\n';
  await page.fill('#beans-text', bad);
  await page.click('#beans-load');
  assert.ok(await page.isVisible('#note'));
  assert.match(await page.textContent('#note'), /line 4/);
  assert.deepEqual(await beans(page), before, 'beans unchanged');
  assert.equal(await page.inputValue('#beans-text'), bad, 'the pasted text is still there to fix');
  await page.fill('#beans-text', 'x,y\n0.1,0\n0.2,0\n0.7,1\n0.9,1\n');
  await page.click('#beans-load');
  await frames(page);
  assert.deepEqual(await beans(page), [[0.1, 0], [0.2, 0], [0.7, 1], [0.9, 1]]);
  assert.equal(await page.textContent('[data-readout="epoch"]'), '0');
  await page.click('#beans-course');
  await frames(page);
  assert.deepEqual(await beans(page), before, 'back to the course’s beans');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dropped CSV file is read like a paste', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en' });
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x,y\n0.3,0\n0.6,1\n0.8,1\n'], 'beans.csv', { type: 'text/csv' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.sigmoidLab.lab.beans_x().length === 3);
  assert.match(await page.textContent('#note'), /3 beans/);
  await context.close();
});

const SIX = '0.05:0,0.15:0,0.3:0,0.6:1,0.75:1,0.9:1';

test('?data= opens with exactly those beans, and training agrees with the CLI on the same pairs', async () => {
  const { page, context, errors } = await openLab(env, { query: `?data=${SIX}&w=1&b=0&alpha=1&epochs=500` });
  assert.deepEqual(await beans(page), [[0.05, 0], [0.15, 0], [0.3, 0], [0.6, 1], [0.75, 1], [0.9, 1]]);
  const page_ = await page.evaluate(() => ({ w: window.sigmoidLab.lab.w(), b: window.sigmoidLab.lab.b(), acc: window.sigmoidLab.lab.accuracy() }));
  const cli = JSON.parse(execFileSync('target/debug/sigmoid-lab', ['train', '--data-pairs', SIX, '--w', '1', '--b', '0', '--alpha', '1', '--epochs', '500'], { encoding: 'utf8' }));
  assert.equal(page_.acc, cli.accuracy);
  assert.ok(Math.abs(page_.w - cli.w) < 1e-9 && Math.abs(page_.b - cli.b) < 1e-9, `page ${JSON.stringify(page_)} cli ${cli.w} ${cli.b}`);
  assert.equal(await readout(page, 'boundary'), (-cli.b / cli.w).toFixed(3));
  assert.deepEqual(errors, []);
  await context.close();
});

test('beans clicked on the chart survive a reload and a language switch, and links carry them', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const page = await context.newPage();
  await page.goto(`${env.base}?n=10&seed=5`);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  await page.click('.own-beans summary');
  await page.check('#edit-beans');
  const box = await page.locator('.panel[data-panel="xa"] .layers').boundingBox();
  const left = 54, right = 14, top = 30, bottom = 42;
  const at = (x, y) => [box.x + left + x * (box.width - left - right - 1), box.y + top + (1.1 - y) / 1.2 * (box.height - top - bottom - 1)];
  for (const [x, y] of [[0.25, 0.6], [0.5, 0.4], [0.75, 0.65]]) {
    await page.mouse.click(...at(x, y));
    await frames(page);
  }
  const made = await beans(page);
  assert.equal(made.length, 13);
  await page.waitForFunction(() => location.search.includes('data='));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  assert.deepEqual(await beans(page), made, 'the same 13 beans after a reload');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await frames(page);
  assert.deepEqual(await beans(page), made, 'the same beans in English');
  await page.click('#copy-link');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /[?&]data=/);
  await page.click('#copy-embed');
  await page.click('#builder-copy-iframe');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.startsWith('<iframe')));
  const embed = await page.evaluate(() => navigator.clipboard.readText());
  const src = embed.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const copy = await context.newPage();
  await copy.goto(src);
  await copy.waitForFunction(() => document.documentElement.classList.contains('ready'));
  assert.deepEqual(await beans(copy), made, 'the embed opens with the same beans');
  await context.close();
});

test('hostile data= values give a note and a working page', async () => {
  // 1300 pairs: more than a lab holds, still short enough for a URL (servers refuse much longer ones).
  const many = Array.from({ length: 1300 }, (_, i) => `${(i / 1300).toFixed(4)}:${i % 2}`).join(',');
  const cases = [
    ['%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E:1,0.1:0,0.9:1', 2],
    ['NaN:1,0.1:0,0.9:1', 2],
    ['1e400:0,0.1:0,0.9:1', 2],
    [',,,0.1:0,,0.9:1,', 2],
    [many, 1000],
  ];
  for (const [data, count] of cases) {
    const { page, context, errors } = await openLab(env, { query: `?lang=en&data=${data}` });
    const n = (await beans(page)).length;
    assert.equal(n, count, data.slice(0, 40));
    if (!data.startsWith(',,,')) {
      assert.ok(await page.isVisible('#url-note'), `a note for ${data.slice(0, 40)}`);
      assert.match(await page.textContent('#url-note-list'), /data/);
    }
    assert.equal(await page.locator('#url-note-list img').count(), 0, 'markup is shown as text');
    await page.click('#epoch');
    await frames(page);
    assert.doesNotMatch(await page.textContent('.readouts'), /NaN/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a refused paste keeps its text with the bad line selected; a removed bean can be undone', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en&n=10&seed=5' });
  await page.click('.own-beans summary');
  const bad = 'x,y\n0.1,0\n0.2,0\n0.9,maybe\n0.95,1\n';
  await page.fill('#beans-text', bad);
  await page.click('#beans-load');
  assert.equal(await page.inputValue('#beans-text'), bad);
  assert.equal(await page.getAttribute('#beans-text', 'aria-invalid'), 'true');
  const selected = await page.evaluate(() => { const el = document.getElementById('beans-text'); return el.value.slice(el.selectionStart, el.selectionEnd); });
  assert.equal(selected, '0.9,maybe', 'the bad line is selected, ready to fix');
  await page.fill('#beans-text', 'x,y\n0.1,0\n0.2,0\n0.9,1\n0.95,1\n');
  await page.click('#beans-load');
  await page.check('#edit-beans');
  const before = await beans(page);
  // The marked line scrolled the box into view: bring the chart back before clicking on it.
  await page.locator('.panel[data-panel="xa"]').scrollIntoViewIfNeeded();
  const box = await page.locator('.panel[data-panel="xa"] .layers').boundingBox();
  const left = 54, right = 14, top = 30, bottom = 42;
  const at = (x, y) => [box.x + left + x * (box.width - left - right - 1), box.y + top + (1.1 - y) / 1.2 * (box.height - top - bottom - 1)];
  await page.mouse.click(...at(0.9, 1));
  await frames(page);
  assert.equal((await beans(page)).length, 3);
  await page.click('#note-action');
  await frames(page);
  assert.deepEqual(await beans(page), before, 'undo brings the bean back');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#beans-csv')]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.equal(csv, 'x,y\n0.1,0\n0.2,0\n0.9,1\n0.95,1\n', 'the CSV the CLI reads');
  await context.close();
});
