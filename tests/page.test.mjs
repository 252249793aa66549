// The page as a learner uses it, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout, frames, marked } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** A digest of one canvas layer's pixels and how many of them are painted. */
function layer(page, panel, cls) {
  return page.evaluate(([panel, cls]) => {
    const c = window.sigmoidLab.layer(panel, cls);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let hash = 2166136261, painted = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] !== 0) painted++;
      hash = Math.imul(hash ^ (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24)), 16777619);
    }
    return { hash: hash >>> 0, painted, width: c.width, height: c.height };
  }, [panel, cls]);
}


async function setSlider(page, key, position) {
  await page.evaluate(([key, position]) => {
    const r = document.getElementById(`p-${key}-range`);
    r.value = String(position);
    r.dispatchEvent(new Event('input', { bubbles: true }));
  }, [key, position]);
  await frames(page);
}

test('loads with no console error and draws all four panels', async () => {
  const { page, errors, context } = await openLab(env);
  for (const panel of ['xz', 'za', 'xa', 'cost']) {
    const axes = await layer(page, panel, 'axes');
    const data = await marked(page, panel);
    assert.ok(axes.width > 200 && axes.height > 150, `${panel} has a size`);
    assert.equal(axes.painted, axes.width * axes.height, `${panel} axes layer is opaque`);
    assert.ok(data > 50, `${panel} data has marks over the axes (${data} px)`);
  }
  assert.ok((await layer(page, 'za', 'ink')).painted > 200, 'the sigmoid is drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving w changes panels x→z and x→a and leaves the sigmoid untouched', async () => {
  const { page, context } = await openLab(env);
  const before = {};
  for (const [p, l] of [['xz', 'data'], ['xa', 'data'], ['za', 'ink'], ['za', 'axes'], ['cost', 'data']]) before[p + l] = await layer(page, p, l);
  const w0 = await readout(page, 'w');
  await setSlider(page, 'w', 800);
  assert.notEqual(await readout(page, 'w'), w0);
  assert.equal(Number(await readout(page, 'w')), 12);
  assert.notEqual((await layer(page, 'xz', 'data')).hash, before.xzdata.hash, 'x→z line moved');
  assert.notEqual((await layer(page, 'xa', 'data')).hash, before.xadata.hash, 'x→a curve moved');
  assert.equal((await layer(page, 'za', 'ink')).hash, before.zaink.hash, 'sigmoid curve pixel-identical');
  assert.equal((await layer(page, 'za', 'axes')).hash, before.zaaxes.hash, 'z→a axes unchanged');
  assert.notEqual((await layer(page, 'cost', 'data')).hash, before.costdata.hash, 'the epoch-0 cost point follows w');
  await context.close();
});

test('readouts are the maths of the current w and b', async () => {
  const { page, context } = await openLab(env);
  await setSlider(page, 'w', 750); // w = 10
  await setSlider(page, 'b', 375); // b = -5
  assert.equal(await readout(page, 'w'), '10.000');
  assert.equal(await readout(page, 'b'), '-5.000');
  assert.equal(await readout(page, 'boundary'), '0.500');
  // Independent computation over the page's own beans.
  const expected = await page.evaluate(() => {
    const { lab } = window.sigmoidLab;
    const xs = lab.beans_x(), ys = lab.beans_y();
    let cost = 0, right = 0;
    xs.forEach((x, i) => {
      const a = 1 / (1 + Math.exp(-(10 * x - 5)));
      cost += (ys[i] - a) ** 2;
      right += (a >= 0.5) === (ys[i] === 1) ? 1 : 0;
    });
    return { cost: (cost / xs.length).toFixed(4), accuracy: (100 * right / xs.length).toFixed(0) };
  });
  assert.equal(await readout(page, 'cost'), expected.cost);
  assert.equal(await readout(page, 'accuracy'), expected.accuracy);
  await context.close();
});

test('the same seed gives the same beans in the browser as natively', async () => {
  const { page, context } = await openLab(env);
  const bits = await page.evaluate(async () => {
    // The glue as a module of its own, beside the page's bundle: its own wasm instance.
    const glue = await import('./www/pkg/sigmoid_lab.js');
    await glue.default();
    const lab = glue.Lab.from_query('seed=1&n=5&w=0&b=0');
    return [...lab.beans_x()].map((x) => {
      const v = new DataView(new ArrayBuffer(8));
      v.setFloat64(0, x);
      return v.getBigUint64(0).toString();
    });
  });
  // The same values are pinned in the native tests (crate/src/beans.rs).
  assert.deepEqual(bits, ['4601674781282287724', '4601676483935310002', '4603278352542933067', '4604892624433492445', '4606921234823734858']);
  await context.close();
});

test('training to epoch 1000 lowers the cost and puts the boundary near 0.43', async () => {
  const { page, context } = await openLab(env);
  const cost0 = Number(await readout(page, 'cost'));
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  await frames(page);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false', 'play stops at the target epoch');
  const cost = Number(await readout(page, 'cost'));
  const boundary = Number(await readout(page, 'boundary'));
  assert.ok(cost < cost0 / 3, `cost ${cost0} → ${cost}`);
  assert.ok(Math.abs(boundary - 0.43) < 0.04, `boundary ${boundary}`);
  assert.ok(Number(await readout(page, 'accuracy')) >= 97);
  // The sliders followed w and b.
  const w = Number(await readout(page, 'w'));
  assert.equal(await page.inputValue('#p-w-field'), w.toFixed(2));
  assert.ok((await page.textContent('#summary')).includes(await readout(page, 'boundary')), 'the live region tells the boundary');
  await context.close();
});

test('a run to its epoch target draws the cost along a still axis, which grows again past it', async () => {
  const { page, context } = await openLab(env);
  const axes = () => page.evaluate(() => window.sigmoidLab.layer('cost', 'axes').toDataURL());
  const epoch = () => page.evaluate(() => window.sigmoidLab.lab.epoch());
  await page.click('#play');
  await page.waitForFunction(() => window.sigmoidLab.lab.epoch() >= 15);
  await frames(page, 1);
  const early = [await epoch(), await axes()];
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  await frames(page);
  assert.ok(early[1] === await axes(), `the axes at epoch ${early[0]} are the axes at 1000`);
  // Go on: past the target the axis follows the run.
  await page.click('#play');
  await page.waitForFunction(() => window.sigmoidLab.lab.epoch() > 1100);
  await page.click('#play');
  await frames(page);
  assert.ok(early[1] !== await axes(), 'past the target the axis grows');
  await context.close();
});

test('moving a slider while playing moves the neuron and training goes on from there', async () => {
  const { page, context } = await openLab(env);
  await page.evaluate(() => { window.sigmoidLab.state.target = 1e9; });
  await page.click('#play');
  await page.waitForFunction(() => Number(document.querySelector('[data-readout="epoch"]').textContent) > 20);
  const epochBefore = Number(await readout(page, 'epoch'));
  // A real drag on the w slider while training plays: press on the track, pull to its left end.
  const box = await page.locator('#p-w-range').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width / 2 - (i / 8) * box.width, box.y + box.height / 2);
  await page.mouse.up();
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true', 'still playing after the drag');
  await frames(page, 3);
  await page.click('#play');
  const w = await page.evaluate(() => window.sigmoidLab.lab.w());
  assert.ok(w !== -20 && Math.abs(w + 20) < 5, `training continued from w = -20, now ${w}`);
  assert.ok(Number(await readout(page, 'epoch')) > epochBefore, 'epochs went on, not reset');
  await context.close();
});

test('typed numbers: out of range is clamped with a visible note, garbage is refused', async () => {
  const { page, context } = await openLab(env);
  await page.fill('#p-w-field', '99');
  await page.press('#p-w-field', 'Enter');
  await frames(page);
  assert.equal(await readout(page, 'w'), '20.000');
  assert.ok(await page.isVisible('#note'));
  assert.match(await page.textContent('#note'), /99/);
  await page.fill('#p-b-field', '−2,5');
  await page.press('#p-b-field', 'Enter');
  await frames(page);
  assert.equal(await readout(page, 'b'), '-2.500');
  await page.fill('#p-alpha-field', '<img src=x onerror=alert(1)>');
  await page.press('#p-alpha-field', 'Enter');
  await frames(page);
  assert.equal(await readout(page, 'alpha'), '0.05');
  assert.equal(await page.locator('#note img').count(), 0, 'typed text never becomes markup');
  assert.match(await page.textContent('#note'), /img/);
  await context.close();
});

test('buttons: one bean, one epoch, reset, new beans', async () => {
  const { page, context } = await openLab(env);
  const w0 = await readout(page, 'w');
  const exact = () => page.evaluate(() => window.sigmoidLab.lab.w());
  const before = await exact();
  await page.click('#bean');
  await frames(page);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.next_bean()), 1);
  assert.notEqual(await exact(), before, 'one bean moved w');
  await page.click('#epoch');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '1');
  await page.click('#reset');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '0');
  assert.equal(await readout(page, 'w'), w0);
  const xs0 = await page.evaluate(() => [...window.sigmoidLab.lab.beans_x()]);
  await page.click('#beans');
  await frames(page);
  assert.equal(await page.inputValue('#p-seed-field'), '30', 'the next seed after the default 29');
  assert.notDeepEqual(await page.evaluate(() => [...window.sigmoidLab.lab.beans_x()]), xs0);
  await page.fill('#p-n-field', '30');
  await page.press('#p-n-field', 'Enter');
  await frames(page);
  assert.equal(await page.evaluate(() => window.sigmoidLab.lab.beans_x().length), 30);
  await context.close();
});

test('every control is reachable and usable with the keyboard alone', async () => {
  const { page, context } = await openLab(env);
  const controls = await page.evaluate(() => [...document.querySelectorAll('button, input, textarea, select')].filter((el) => el.checkVisibility()).map((el) => el.id));
  assert.ok(controls.length >= 14, `${controls.length} controls`);
  const reached = new Set();
  for (let i = 0; i < controls.length + 20; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id);
    if (id) reached.add(id);
  }
  for (const id of controls) assert.ok(reached.has(id), `${id} reachable by Tab`);
  // Every control has an accessible name.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, input')].filter((el) => {
    const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent;
    return !label || !label.trim();
  }).map((el) => el.id));
  assert.deepEqual(unnamed, []);

  await page.focus('#p-w-range');
  const w0 = Number(await readout(page, 'w'));
  await page.keyboard.press('ArrowRight');
  await frames(page);
  assert.ok(Number(await readout(page, 'w')) > w0, 'arrow key moves w');
  await page.keyboard.press('End');
  await frames(page);
  assert.equal(await readout(page, 'w'), '20.000');

  await page.focus('#p-b-field');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('-3');
  await page.keyboard.press('Enter');
  await frames(page);
  assert.equal(await readout(page, 'b'), '-3.000');

  await page.focus('#epoch');
  await page.keyboard.press('Enter');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '1');
  await page.focus('#play');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  // Shortcut: R resets, from anywhere but a text field.
  await page.focus('#grid');
  await page.keyboard.press('r');
  await frames(page);
  assert.equal(await readout(page, 'epoch'), '0');
  await page.keyboard.press('Space'); // toggles the checkbox: grid off
  assert.equal(await page.isChecked('#grid'), false);
  await context.close();
});

test('Chinese first, English from the browser or the switch', async () => {
  let { page, context } = await openLab(env, { locale: 'zh-CN' });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('#play'), '训练');
  await page.click('#lang');
  // The other language's words are fetched on the switch.
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#play'), 'Train');
  assert.match(await page.textContent('label[for="p-w-field"]'), /weight/);
  await context.close();
  ({ page, context } = await openLab(env, { locale: 'en-US' }));
  assert.equal(await page.textContent('#play'), 'Train');
  await context.close();
});

for (const dpr of [1, 2, 3]) {
  test(`charts are drawn at device resolution (devicePixelRatio ${dpr})`, async () => {
    const { page, context } = await openLab(env, { dpr, width: 1000 });
    // The axes' images (or canvases), and the data's SVGs over them, drawn in the same pixels;
    // panels out of view are painted (and sized) when they come into view, so the page is checked
    // at both ends.
    for (const last of [false, true]) {
      if (last) await page.evaluate(() => document.querySelector('.panel[data-panel="landscape"]').scrollIntoView());
      await frames(page, 3);
      await page.evaluate(() => window.sigmoidLab.axesSettled());
      const sizes = await page.evaluate(() => [...document.querySelectorAll('.panel canvas, .panel svg.data')].filter((c) => {
        const r = c.getBoundingClientRect();
        return !c.hidden && r.bottom > 0 && r.top < innerHeight;
      }).map((c) => {
        const r = c.getBoundingClientRect();
        const canvas = c instanceof HTMLCanvasElement;
        // The data's SVG is drawn four units to the device pixel at dpr 1 (draw::vector::grain).
        const grain = devicePixelRatio < 2 ? Math.ceil(4 / devicePixelRatio) : 1;
        const [w, h] = canvas ? [c.width, c.height] : (c.getAttribute('viewBox') ?? '0 0 0 0').split(' ').slice(2).map((v) => Number(v) / grain);
        return { tag: canvas ? 'canvas' : 'svg', w, h, cw: r.width, ch: r.height };
      }));
      assert.ok(sizes.filter((s) => s.tag === 'canvas').length >= 1 && sizes.filter((s) => s.tag === 'svg').length >= 1, `${sizes.length} layers in view`);
      for (const s of sizes) {
        assert.ok(Math.abs(s.w - s.cw * dpr) <= 1 && Math.abs(s.h - s.ch * dpr) <= 1, JSON.stringify(s));
      }
    }
    await context.close();
  });
}

test('panels re-layout on resize and nothing overflows at 360 px', async () => {
  const { page, context } = await openLab(env, { width: 1280 });
  const wide = await layer(page, 'xa', 'axes');
  await page.setViewportSize({ width: 360, height: 800 });
  await frames(page, 3);
  const narrow = await layer(page, 'xa', 'axes');
  assert.ok(narrow.width < wide.width, 'canvas followed the panel');
  assert.equal(narrow.painted, narrow.width * narrow.height, 'and was repainted');
  const scroll = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  assert.ok(scroll.sw <= scroll.cw, `no horizontal scroll at 360 px: ${scroll.sw} > ${scroll.cw}`);
  // Panels are stacked one per row.
  const lefts = await page.evaluate(() => [...document.querySelectorAll('.panel')].map((p) => Math.round(p.getBoundingClientRect().left)));
  assert.equal(new Set(lefts).size, 1);
  // So are the readouts and the controls, each the full width.
  const widths = await page.evaluate(() => ['.panel', '.readouts', '.controls'].map((s) => Math.round(document.querySelector(s).getBoundingClientRect().width)));
  assert.equal(new Set(widths).size, 1, `panel, readouts, controls: ${widths}`);
  await context.close();
});

test("the readouts' names are whole and their numbers inside their row, in both languages", async () => {
  for (const [locale, width] of [['zh-CN', 1280], ['en-US', 1280], ['en-US', 390], ['zh-CN', 390]]) {
    const { page, context } = await openLab(env, { width, height: 844, locale });
    // Numbers as wide as they get in the lab: a negative w and z, cost and probe at four places.
    await page.evaluate(() => { window.sigmoidLab.lab.set_params(-12.345, 9.876); window.sigmoidLab.request(); });
    await frames(page, 3);
    const rows = await page.evaluate(() => [...document.querySelectorAll('.readouts dl > div')].map((d) => {
      const dt = d.querySelector('dt');
      const row = d.getBoundingClientRect();
      const text = [...d.querySelectorAll('output')].map((o) => { const r = document.createRange(); r.selectNodeContents(o); return r.getBoundingClientRect(); });
      return {
        name: dt.textContent, cut: dt.scrollWidth > dt.clientWidth,
        out: text.some((r) => r.left < row.left - 0.5 || r.right > row.right + 0.5),
        overlaps: text.some((r) => r.left < dt.getBoundingClientRect().right),
      };
    }));
    for (const r of rows) {
      assert.ok(!r.cut, `${locale} ${width}: "${r.name}" is cut short`);
      assert.ok(!r.out && !r.overlaps, `${locale} ${width}: "${r.name}"'s number leaves its row or covers its name`);
    }
    await context.close();
  }
});

test('the dark theme follows the system', async () => {
  const { page, context } = await openLab(env, { colorScheme: 'dark' });
  const px = await page.evaluate(() => {
    const c = window.sigmoidLab.layer('xz', 'data');
    return [...c.getContext('2d').getImageData(2, 2, 1, 1).data];
  });
  assert.ok(px[0] < 60 && px[1] < 60 && px[2] < 60, `dark panel background ${px}`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, 'rgb(255, 255, 255)');
  await context.close();
});
