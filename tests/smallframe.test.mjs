// Small embeds, as notes frame them: the charts get the room first, the controls are one compact
// row (or, below about 260 px of height, a button that shows them over the chart), and nothing
// scrolls but a chain-rule table taller than the frame. (That chart text stays whole and legible
// there: tests/charttext.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, marked } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const SIZES = [[300, 200], [320, 240], [400, 300], [640, 400], [688, 400], [800, 600], [360, 640]];

/** Boxes of the frame's parts and the ink on each shown panel's layers. */
const measure = (page) => page.evaluate(() => {
  const box = (el) => el.getBoundingClientRect().toJSON();
  const inked = (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
    return n;
  };
  const controls = document.querySelector('.controls');
  const rows = new Set([...controls.querySelectorAll('button, input, select')]
    .filter((el) => el.getClientRects().length)
    .map((el) => Math.round(box(el).top / 12)));
  return {
    view: [innerWidth, innerHeight],
    scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, document.body.scrollHeight],
    panels: [...document.querySelectorAll('.panel')].filter((p) => !p.hidden).map((p) => ({
      key: p.dataset.panel, ...box(p), ink: inked(window.sigmoidLab.layer(p.dataset.panel, 'axes')),
    })),
    controls: controls.getClientRects().length ? box(controls) : null,
    controlRows: rows.size,
    toggle: (() => { const t = document.getElementById('controls-toggle'); return t?.getClientRects().length ? box(t) : null; })(),
  };
});

function inside(m, r, what) {
  assert.ok(r.left >= -0.5 && r.top >= -0.5 && r.right <= m.view[0] + 0.5 && r.bottom <= m.view[1] + 0.5, `${what} inside the ${m.view} frame: ${JSON.stringify(r)}`);
}

for (const [width, height] of SIZES) {
  for (const [query, minHeight] of [['?embed=1&panels=xa', 0.45 * height], ['?embed=1', 60]]) {
    test(`${query} at ${width}×${height}`, async () => {
      for (const dpr of width <= 320 ? [1, 2] : [1]) {
        const { page, context, errors } = await openLab(env, { width, height, dpr, query });
        const m = await measure(page);
        assert.ok(m.scroll[0] <= width && m.scroll[1] <= height, `nothing scrolls: ${m.scroll}`);
        for (const p of m.panels) {
          inside(m, p, p.key);
          assert.ok(p.height >= minHeight, `${p.key} is ${p.height} px tall at dpr ${dpr} (at least ${minHeight})`);
          const data = await marked(page, p.key);
          assert.ok(p.ink > 100 && data > 20, `${p.key} drawn: axes ${p.ink}, data ${data}`);
        }
        if (height < 260) {
          // One button, the chart takes the frame; the button shows the controls over it.
          assert.equal(m.controls, null, 'controls folded');
          assert.ok(m.toggle, 'the toggle shows');
          inside(m, m.toggle, 'the toggle');
          await page.click('#controls-toggle');
          const open = await measure(page);
          assert.ok(open.controls, 'controls shown');
          inside(open, open.controls, 'the open controls');
          assert.equal(await page.getAttribute('#controls-toggle', 'aria-expanded'), 'true');
          assert.deepEqual(open.panels.map((p) => p.height), m.panels.map((p) => p.height), 'over the chart, not beside it');
          await page.fill('#p-w-field', '4');
          await page.press('#p-w-field', 'Enter');
          assert.equal(await page.evaluate(() => window.sigmoidLab.lab.w()), 4);
          await page.keyboard.press('Escape');
          assert.equal((await measure(page)).controls, null, 'Escape folds them again');
        } else {
          assert.equal(m.toggle, null);
          inside(m, m.controls, 'the controls');
          if (width < 560 || height <= 420) assert.equal(m.controlRows, 1, 'one compact row of controls');
          assert.ok(m.controls.top >= Math.max(...m.panels.map((p) => p.bottom)) - 0.5, 'controls below the charts');
        }
        assert.deepEqual(errors, []);
        await context.close();
      }
    });
  }
}

// The chain rule's table is taller than a small frame: the panels scroll inside it, above the
// controls, and a chart beside the table keeps a readable height.
for (const [width, height] of [[688, 400], [320, 240]]) {
  test(`?embed=1&panels=chain,xa at ${width}×${height}: the table scrolls inside the frame, its chart stays readable`, async () => {
    const { page, context, errors } = await openLab(env, { width, height, query: '?embed=1&panels=chain,xa' });
    const m = await page.evaluate(() => {
      const box = (el) => el.getBoundingClientRect().toJSON();
      const panels = document.querySelector('.panels');
      const controls = document.querySelector('.controls');
      return {
        scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
        chart: box(document.querySelector('.panel[data-panel="xa"]')),
        area: { ...box(panels), scrollHeight: panels.scrollHeight, clientHeight: panels.clientHeight },
        controls: controls.getClientRects().length ? box(controls) : null,
      };
    });
    assert.ok(m.scroll[0] <= width && m.scroll[1] <= height, `the page itself does not scroll: ${m.scroll}`);
    assert.ok(m.chart.height >= 140, `x → a is ${m.chart.height} px tall`);
    assert.ok(await marked(page, 'xa') > 20, 'x → a has its data drawn');
    const { area } = m;
    assert.ok(area.scrollHeight > area.clientHeight, 'the panels overflow the frame and scroll');
    if (m.controls) assert.ok(m.controls.top >= area.bottom - 0.5, 'the controls sit below the panels, not over the table');
    // Scrolled to its end, the table's last row shows whole inside the panels.
    await page.$eval('.panels', (el) => { el.scrollTop = el.scrollHeight; });
    const last = await page.$eval('table.chain tr:last-child', (tr) => tr.getBoundingClientRect().toJSON());
    assert.ok(last.top >= area.top - 0.5 && last.bottom <= area.bottom + 0.5, `the last row inside the panels: ${JSON.stringify(last)} in ${JSON.stringify(area)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
