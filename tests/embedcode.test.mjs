// The embed code (the embed builder's default "copy iframe"): rounded numbers, no transient keys, embed=1, and a height that fits what the
// embed shows (the chain rule's table whole, the controls inside the frame, nothing scrolling).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const ALL_PANELS = 'xz,za,xa,cost,landscape,chain';
const ALL_CONTROLS = 'w,b,alpha,train,model,speed,beans,grid,share,export';

async function copyEmbed(query) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const page = await context.newPage();
  await page.goto(env.base + query);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  // The button itself (hidden when a link's controls= leaves out sharing, but still wired).
  await page.evaluate(() => document.getElementById('copy-embed').click());
  // It opens the embed builder; its "copy iframe" with the defaults is the snippet.
  await page.waitForSelector('dialog#embed-builder[open]');
  await page.click('#builder-copy-iframe');
  await page.waitForFunction(() => document.getElementById('share-text').value.startsWith('<iframe'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  return { code, context, page };
}
const srcOf = (code) => new URL(code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&'));

test('numbers as the page shows them, embed=1, no tour', async () => {
  const { code, context, page } = await copyEmbed('?w=1.23456&b=-2.34567&alpha=0.0123456&theme=dark&grid=0');
  assert.match(code, /^<iframe src="[^"]+" title="[^"]+" width="800" height="\d+" loading="lazy" style="border:0;max-width:100%"><\/iframe>$/);
  const q = srcOf(code).searchParams;
  assert.equal(q.get('w'), '1.23');
  assert.equal(q.get('b'), '-2.35');
  assert.equal(q.get('alpha'), '0.0123');
  assert.equal(q.get('embed'), '1');
  assert.equal(q.get('theme'), 'dark', 'the chosen theme is kept');
  assert.equal(q.get('grid'), '0');
  // The transient keys, through the module itself: a tour step and the autoplay it brought go;
  // an autoplay chosen in a link stays.
  const made = await page.evaluate(async () => {
    // The source modules, beside the page's bundle: their own wasm instance.
    await (await import('./www/pkg/sigmoid_lab.js')).default();
    const { embedQuery } = await import('./www/embedcode.js');
    return [embedQuery('w=5&b=-5&tour=3&autoplay=1&epochs=200'), embedQuery('w=5&b=-5&autoplay=1&epochs=200'), embedQuery('alpha=1.23456&w=-0.001')];
  });
  assert.deepEqual(made, ['w=5&b=-5&epochs=200&embed=1', 'w=5&b=-5&epochs=200&autoplay=1&embed=1', 'w=0&alpha=1.23&embed=1']);
  await context.close();
});

test('the height grows with the panels and the controls shown', async () => {
  const { page, context } = await openLab(env);
  const heights = await page.evaluate(async () => {
    // The source modules, beside the page's bundle: their own wasm instance.
    await (await import('./www/pkg/sigmoid_lab.js')).default();
    const { embedHeight, EMBED_PANELS, EMBED_CONTROLS } = await import('./www/embedcode.js');
    return {
      one: embedHeight(['xa'], EMBED_CONTROLS),
      three: embedHeight(EMBED_PANELS, EMBED_CONTROLS),
      six: embedHeight(['xz', 'za', 'xa', 'cost', 'landscape', 'chain'], EMBED_CONTROLS),
      sixAll: embedHeight(['xz', 'za', 'xa', 'cost', 'landscape', 'chain'], ['w', 'b', 'alpha', 'train', 'model', 'speed', 'beans', 'grid', 'share', 'export']),
    };
  });
  assert.ok(heights.three < heights.six && heights.six < heights.sixAll, JSON.stringify(heights));
  await context.close();
});

for (const [panels, controls] of [[null, null], [ALL_PANELS, null], [ALL_PANELS, ALL_CONTROLS], ['xa', 'w,b'], ['chain', 'train'], ['xa,chain', null], ['xz,xa,chain', 'w,b']]) {
  test(`an iframe of the copied size fits panels=${panels ?? '(default)'} controls=${controls ?? '(default)'}`, async () => {
    const query = `?w=3&b=-1${panels ? `&panels=${panels}` : ''}${controls ? `&controls=${controls}` : ''}`;
    const { code, context } = await copyEmbed(query);
    const width = Number(code.match(/width="(\d+)"/)[1]);
    const height = Number(code.match(/height="(\d+)"/)[1]);
    // The snippet in a note, as a teacher pastes it.
    const note = await context.newPage();
    await note.setViewportSize({ width: 1000, height: height + 200 });
    await note.setContent(`<body style="margin:0"><h1>Notes</h1>${code.replace('loading="lazy"', '')}</body>`);
    const frame = await (await note.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await frame.evaluate(() => {
      const box = (el) => el.getBoundingClientRect();
      const shown = [...document.querySelectorAll('.panel')].filter((p) => !p.hidden);
      const table = document.querySelector('table.chain');
      const chain = document.querySelector('.chain-panel');
      return {
        inner: [innerWidth, innerHeight],
        scroll: [document.documentElement.scrollHeight, document.documentElement.scrollWidth],
        panels: shown.map((p) => ({ key: p.dataset.panel, ...box(p).toJSON() })),
        table: chain.hidden ? null : { t: box(table).toJSON(), e: box(document.getElementById('chain-explain')).toJSON(), p: box(chain).toJSON() },
        side: box(document.querySelector('.side')).toJSON(),
      };
    });
    assert.deepEqual(m.inner, [width, height]);
    assert.ok(m.scroll[0] <= height && m.scroll[1] <= width, `nothing scrolls: ${m.scroll}`);
    assert.ok(m.side.bottom <= height + 0.5, `controls inside the frame: ${m.side.bottom} > ${height}`);
    for (const p of m.panels) {
      assert.ok(p.bottom <= m.side.top + 0.5 && p.right <= width + 0.5, `${p.key} inside`);
      if (p.key !== 'chain') assert.ok(p.height >= 150, `${p.key} is ${p.height} px tall`);
    }
    // The charts' first row reaches across the frame: no empty columns beside them.
    const charts = m.panels.filter((p) => p.key !== 'chain');
    if (charts.length) {
      const top = Math.min(...charts.map((p) => p.top));
      const right = Math.max(...charts.filter((p) => p.top === top).map((p) => p.right));
      assert.ok(right >= width - 10, `the charts' first row ends at ${right} of ${width}`);
    }
    if (m.table) {
      const { t, e, p } = m.table;
      assert.ok(t.bottom <= p.bottom && t.right <= p.right && e.bottom <= p.bottom + 0.5, `the chain table is whole: table ${JSON.stringify(t)} explain bottom ${e.bottom} in ${JSON.stringify(p)}`);
    }
    // And not much taller than it needs: the charts take the spare room, within reason.
    assert.ok(height < 1400, `height ${height}`);
    await context.close();
  });
}
