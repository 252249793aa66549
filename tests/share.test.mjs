// Links, embeds and the strict CSP: what teachers rely on when they put the lab into notes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout, frames } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });


const allReadouts = (page) => page.$$eval('[data-readout]', (els) => els.map((e) => e.textContent));

test('every setting in the link round-trips: URL → page → URL', async () => {
  const query = 'w=5&b=-5&alpha=0.3&seed=42&n=30&speed=20&activation=step&cost=ce&lang=en&grid=0&autoplay=0&panels=xz,xa&controls=w,b,train';
  const { page, context, errors } = await openLab(env, { query: `?${query}` });
  assert.equal(await readout(page, 'w'), '5.000');
  assert.equal(await readout(page, 'alpha'), '0.3');
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.beans_x().length), 30);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.activation()), 'step');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.isChecked('#grid'), false);
  assert.equal(await page.isVisible('.panel[data-panel="za"]'), false);
  assert.equal(await page.isVisible('.panel[data-panel="xa"]'), true);
  assert.equal(await page.isVisible('#p-alpha-range'), false);
  assert.equal(await page.isVisible('#p-w-range'), true);
  // autoplay=0 is the default, so the canonical link leaves it out.
  assert.equal(await page.evaluate(() => location.search), `?${query.replace('&autoplay=0', '')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('epochs in a link trains to that epoch, and the link keeps it', async () => {
  const { page, context } = await openLab(env, { query: '?seed=3&epochs=300' });
  assert.equal(await readout(page, 'epoch'), '300');
  assert.match(await page.evaluate(() => location.search), /epochs=300/);
  const w = await readout(page, 'w');
  // Opening the same link again gives the same neuron.
  const again = await openLab(env, { query: await page.evaluate(() => location.search) });
  assert.equal(await readout(again.page, 'w'), w);
  await again.context.close();
  await context.close();
});

test('changes update the address with replaceState, not new history entries', async () => {
  const { page, context } = await openLab(env);
  const length = await page.evaluate(() => history.length);
  for (const v of ['700', '720', '740']) {
    await page.evaluate((v) => {
      const r = document.getElementById('p-w-range');
      r.value = v;
      r.dispatchEvent(new Event('input', { bubbles: true }));
    }, v);
    await frames(page);
  }
  // Written once the drag settles.
  await page.waitForFunction(() => /w=9\.6&b=/.test(location.search));
  assert.equal(await page.evaluate(() => history.length), length);
  // A drag writes the address when it settles, not on every frame.
  const writes = await page.evaluate(async () => {
    let n = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...a) => { n += 1; return replace(...a); };
    const r = document.getElementById('p-w-range');
    for (let v = 600; v < 630; v++) {
      r.value = String(v);
      r.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((res) => requestAnimationFrame(res));
    }
    // Until the address holds the drag's end (no fixed wait: a busy machine is slower).
    while (!/w=5\.16&/.test(location.search)) await new Promise((res) => setTimeout(res, 20));
    return n;
  });
  // 30 frames of drag, written when it settles: once, or a few times if frames stalled past the
  // debounce on a loaded machine, never once a frame.
  assert.ok(writes >= 1 && writes <= 3, `${writes} writes for a 30-frame drag`);
  await context.close();
});

const BAD = [
  ['?w=NaN', 'w'],
  ['?w=Infinity', 'w'],
  ['?alpha=1e999', 'alpha'],
  ['?n=-5', 'n'],
  ['?seed=abc', 'seed'],
  ['?lang=fr', 'lang'],
  ['?speed=', 'speed'],
  ['?bogus=1', 'bogus'],
  ['?w=1&w=2', 'w'],
  ['?panels=xz,<img>', 'panels'],
  [`?b=${'9'.repeat(3000)}`, 'b'],
  ['?w=%3Cscript%3Ealert(1)%3C/script%3E', 'w'],
  ['?%E0%A4%A=1', '\uFFFD%A'],
];

for (const [query, key] of BAD) {
  test(`a bad link still gives a working page and names the key: ${query.slice(0, 40)}`, async () => {
    const { page, context, errors } = await openLab(env, { query });
    assert.deepEqual(errors, []);
    for (const text of await allReadouts(page)) assert.doesNotMatch(text, /NaN|Infinity|undefined/);
    assert.ok(await page.isVisible('#url-note'), 'the note is shown');
    const keys = await page.$$eval('#url-note-list li', (lis) => lis.map((li) => li.dataset.key));
    assert.ok(keys.some((k) => k.startsWith(key.slice(0, 8)) || key.startsWith(k)), `${keys} names ${key}`);
    assert.equal(await page.locator('#url-note-list img, #url-note-list script').count(), 0);
    await page.click('#url-note-close');
    assert.equal(await page.isVisible('#url-note'), false, 'dismissable');
    // The page still trains.
    await page.click('#epoch');
    await frames(page);
    assert.equal(await readout(page, 'epoch'), '1');
    await context.close();
  });
}

for (const [width, height] of [[320, 240], [800, 600]]) {
  test(`embed mode at ${width}×${height}: no scroll bars, only the asked panels`, async () => {
    const { page, context } = await openLab(env, { width, height, query: '?embed=1&panels=xz,xa&controls=w,b' });
    const box = await page.evaluate(() => {
      const d = document.documentElement;
      return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight };
    });
    assert.ok(box.sw <= box.cw && box.sh <= box.ch, JSON.stringify(box));
    assert.equal(await page.isVisible('.site-header'), false);
    assert.equal(await page.isVisible('.site-footer'), false);
    const visible = await page.$$eval('.panel', (ps) => ps.filter((p) => p.getBoundingClientRect().height > 0).map((p) => p.dataset.panel));
    assert.deepEqual(visible, ['xz', 'xa']);
    assert.equal(await page.isVisible('#play'), false);
    // Re-lays out when the iframe is resized. (The panel's axes layer has the panel's size; the
    // canvas on the page may be the plot's window of it once the axes rest as an image.)
    const panelWidth = () => page.evaluate(() => window.sigmoidLab.layer('xa', 'axes').width);
    const before = await panelWidth();
    await page.setViewportSize({ width: width + 200, height });
    await frames(page, 3);
    assert.notEqual(await panelWidth(), before);
    const cssWidth = await page.$eval('.panel[data-panel="xa"] .layers', (l) => l.getBoundingClientRect().width);
    assert.ok(Math.abs(await panelWidth() - cssWidth) <= 1, 'canvas matches its new box');
    await context.close();
  });
}

test('copy link and copy embed code', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const page = await context.newPage();
  await page.goto(env.base + '?w=2&b=-1&lang=en');
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  await page.click('#copy-link');
  await page.waitForFunction(() => !document.getElementById('share-text').hidden);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, await page.evaluate(() => location.href));
  assert.match(link, /w=2&b=-1/);
  // The embed builder opens; its "copy iframe" copies the snippet.
  await page.click('#copy-embed');
  await page.click('#builder-copy-iframe');
  await page.waitForFunction(() => document.getElementById('share-text').value.startsWith('<iframe'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /^<iframe src="[^"]+embed=1[^"]*" title="[^"]+" width="\d+" height="\d+"/);
  assert.match(code, /w=2&amp;b=-1/);
  await context.close();
});

test('the served page runs under the strict CSP with no violation', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(env.base + '?embed=1&panels=xz');
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  await page.click('#play');
  await frames(page, 5);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});
