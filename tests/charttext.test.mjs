// Charts in the small frames notes give them: every text a chart draws is whole (inside its canvas,
// not under the ⚙ button), at least 11 CSS px, and touches no other; titles are whole or their
// short form ("x → z"); tick labels stay legible and thin out rather than shrink. What is drawn is
// read from the canvas calls themselves, measured by the browser's own text metrics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Records every fillText on a panel's canvases since that canvas was last cleared whole: the text,
// its font, and its ink box in CSS pixels of the canvas (the browser's metrics, through the
// current transform, so rotated names count too).
function recordText() {
  const drawn = new WeakMap();
  window.chartTexts = (canvas) => drawn.get(canvas) ?? [];
  const proto = CanvasRenderingContext2D.prototype;
  const { fillText, clearRect } = proto;
  proto.clearRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height) drawn.set(this.canvas, []);
    return clearRect.call(this, x, y, w, h);
  };
  proto.fillText = function (text, x, y, ...rest) {
    const m = this.measureText(text);
    const t = this.getTransform();
    const corners = [[x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent], [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent]];
    const pts = [[corners[0][0], corners[0][1]], [corners[1][0], corners[0][1]], [corners[0][0], corners[1][1]], [corners[1][0], corners[1][1]]]
      .map(([px, py]) => [t.a * px + t.c * py + t.e, t.b * px + t.d * py + t.f]);
    const list = drawn.get(this.canvas) ?? [];
    list.push({
      text, font: this.font, rotated: t.b !== 0,
      box: [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))],
    });
    drawn.set(this.canvas, list);
    return fillText.call(this, text, x, y, ...rest);
  };
}

/** Each shown chart panel: its box, the ⚙ button's box, and the texts on its layers in CSS px of the page. */
const charts = (page) => page.evaluate(() => {
  const toggle = document.getElementById('controls-toggle');
  const button = toggle?.getClientRects().length ? toggle.getBoundingClientRect().toJSON() : null;
  return {
    button,
    view: [innerWidth, innerHeight],
    panels: [...document.querySelectorAll('.panel')].filter((p) => !p.hidden && p.querySelector('.layers canvas')).map((p) => {
      // The axes' canvas as big as the panel (its texts from the canvas calls), the data's SVG over
      // it in the same device pixels (its texts as the browser lays them out).
      const axes = window.sigmoidLab.layer(p.dataset.panel, 'axes');
      const r = p.querySelector('.layers').getBoundingClientRect();
      const scale = axes.width / r.width;
      const texts = window.chartTexts(axes).map((t) => ({
        ...t,
        px: Number(t.font.match(/([\d.]+)px/)[1]) / scale,
        box: t.box.map((v, i) => v / scale + (i % 2 ? r.top : r.left)),
      }));
      for (const el of p.querySelectorAll('svg.data text')) {
        const b = el.getBoundingClientRect();
        const size = Number(el.getAttribute('font-size'));
        texts.push({ text: el.textContent, font: `${el.getAttribute('font-weight')} ${size}px`, rotated: false, px: size / scale, box: [b.left, b.top, b.right, b.bottom] });
      }
      return { key: p.dataset.panel, rect: r.toJSON(), texts };
    }),
  };
});

const overlap = (a, b) => a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
const NAMES = { xz: 'x → z', za: 'z → a', xa: 'x → a', cost: /^(代价|cost)/, landscape: /^(代价地形|cost landscape)/ };
const tickLabel = /^[−\d.]+$/;

// Width, height, panels, and whether every title has room to be whole.
const CASES = [
  [320, 240, 'xz,za,xa'],
  [300, 200, 'xa', true],
  [300, 200, 'xz', true],
  [400, 300, 'xz,za,xa'],
  [688, 400, 'xz,za,xa,cost,landscape'],
  [800, 270, 'xz,za,xa', true],
];

for (const [width, height, panels, whole] of CASES) {
  for (const lang of ['zh', 'en']) {
    test(`${panels} at ${width}×${height}, ${lang}`, async () => {
      for (const dpr of [1, 2]) {
        const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
        await context.addInitScript(recordText);
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`${env.base}?embed=1&panels=${panels}&lang=${lang}`);
        await page.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 15000 });
        // At rest: the axes as an image, the data in its SVG.
        await page.evaluate(() => window.sigmoidLab.axesSettled());
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const m = await charts(page);
        const at = `at dpr ${dpr}`;
        assert.equal(m.panels.length, panels.split(',').length);
        for (const p of m.panels) {
          const what = (t) => `${p.key} "${t.text}" ${at}`;
          assert.ok(p.rect.left >= -0.5 && p.rect.right <= width + 0.5 && p.rect.bottom <= height + 0.5, `${p.key}'s canvas inside the frame ${at}`);
          const [title, ...rest] = p.texts;
          assert.ok(title && /bold/.test(title.font), `${p.key} has a title ${at}`);
          const name = NAMES[p.key];
          assert.ok(typeof name === 'string' ? title.text.startsWith(name) : name.test(title.text), `${what(title)} names the chart`);
          if (whole) assert.match(title.text, /[:：]/, `${what(title)} is the whole title`);
          if (m.button) assert.ok(!overlap(title.box, [m.button.left, m.button.top, m.button.right, m.button.bottom]), `${what(title)} clear of the ⚙ button`);
          for (const t of p.texts) {
            const [l, top, r, b] = t.box;
            assert.ok(l >= p.rect.left - 0.5 && r <= p.rect.right + 0.5 && top >= p.rect.top - 0.5 && b <= p.rect.bottom + 0.5,
              `${what(t)} whole inside its ${p.rect.width}×${p.rect.height} canvas: ${t.box.map(Math.round)}`);
            assert.ok(t.px >= 11 - 0.1, `${what(t)} at ${t.px} px`);
          }
          for (let i = 0; i < p.texts.length; i++) {
            for (let j = i + 1; j < p.texts.length; j++) {
              assert.ok(!overlap(p.texts[i].box, p.texts[j].box), `${what(p.texts[i])} and "${p.texts[j].text}" do not touch`);
            }
          }
          // Tick labels: at least two on each axis, their digits' ink at least 8.5 px tall.
          const ticks = rest.filter((t) => !t.rotated && tickLabel.test(t.text) && !/bold/.test(t.font));
          const below = Math.max(...ticks.map((t) => t.box[1]));
          const xTicks = ticks.filter((t) => Math.abs(t.box[1] - below) < 1);
          const yTicks = ticks.filter((t) => !xTicks.includes(t));
          assert.ok(xTicks.length >= 2 && yTicks.length >= 2, `${p.key} ${at}: x ticks ${xTicks.map((t) => t.text)}, y ticks ${yTicks.map((t) => t.text)}`);
          for (const t of ticks.filter((t) => /\d/.test(t.text))) {
            assert.ok(t.box[3] - t.box[1] >= 8.5, `${what(t)}: its digits ${(t.box[3] - t.box[1]).toFixed(1)} px tall`);
          }
        }
        assert.deepEqual(errors, []);
        await context.close();
      }
    });
  }
}
