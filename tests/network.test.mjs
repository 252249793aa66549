// The network stage (?stage=network): linear hidden neurons draw one straight line, sigmoid ones
// train past 95% on the default seed, the chain rule for w1 agrees with its derivative by definition
// on the page, and one neuron on the same beans does worse. Layout at 1280×800 and 390×844.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, readout, frames, framesWhilePlaying } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The chart palette's light colours (crate/src/draw/theme.rs). */
const SIGMOID = [130, 80, 223];
const LINE = [9, 105, 218];

/**
 * Pixels of `colour` on chart `key` (its axes and data on one canvas): per column the mean row of the pixels near that
 * colour, then the least-squares line through those and the largest distance from it (rows).
 */
async function straightness(page, key, colour) {
  return page.evaluate(([key, colour]) => {
    const canvas = window.sigmoidNetwork.layer(key);
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    const pts = [];
    for (let x = 0; x < width; x++) {
      let sum = 0, count = 0;
      for (let y = 0; y < height; y++) {
        const i = 4 * (y * width + x);
        const d = Math.abs(data[i] - colour[0]) + Math.abs(data[i + 1] - colour[1]) + Math.abs(data[i + 2] - colour[2]);
        if (d < 40) { sum += y; count += 1; }
      }
      if (count) pts.push([x, sum / count]);
    }
    const n = pts.length;
    const mx = pts.reduce((s, p) => s + p[0], 0) / n;
    const my = pts.reduce((s, p) => s + p[1], 0) / n;
    const sxy = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
    const sxx = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
    const slope = sxy / sxx;
    const worst = Math.max(...pts.map(([x, y]) => Math.abs(y - (my + slope * (x - mx)))));
    return { columns: n, width, worst, slope };
  }, [key, colour]);
}

const SETTINGS = [
  'w1=1.5&b1=-0.5&w2=-2&b2=1&v1=0.8&v2=0.3&c=0.2',
  'w1=-3&b1=2&w2=4&b2=-1&v1=1&v2=1&c=0',
  'w1=0.3&b1=0.1&w2=0.2&b2=-0.4&v1=-1.5&v2=2&c=0.5',
  '', // the seed's own start
];

test('linear hidden neurons: a(x) is one straight line (output none), and so is the z line drawn under a sigmoid', async () => {
  for (const params of SETTINGS) {
    const { page, context, errors } = await openLab(env, { query: `?stage=network&hidden=linear&output=linear&${params}` });
    const a = await straightness(page, 'output', SIGMOID);
    assert.ok(a.columns > a.width * 0.6, `${params}: the curve spans the chart (${a.columns} of ${a.width} columns)`);
    assert.ok(a.worst < 1.5, `${params}: a(x) is ${a.worst.toFixed(2)} px off its line`);
    // The readouts name the line: slope v1·w1 + v2·w2.
    const slope = Number(await readout(page, 'slope'));
    const p = Object.fromEntries(new URLSearchParams(params));
    if (params) assert.ok(Math.abs(slope - (p.v1 * p.w1 + p.v2 * p.w2)) < 1e-3, `slope ${slope}`);
    // The same network with a sigmoid output: the line z is drawn, straight, beside σ(z).
    await page.selectOption('#net-output', 'sigmoid');
    await frames(page, 2);
    const z = await straightness(page, 'output', LINE);
    assert.ok(z.columns > 20 && z.worst < 1.5, `${params}: z line ${z.columns} columns, ${z.worst.toFixed(2)} px off`);
    assert.match(await page.textContent('#net-why'), /z = -?\d+\.\d\d·x \+ -?\d+\.\d\d/);
    // Sigmoid hidden neurons: there is no single line to show.
    await page.selectOption('#net-hidden', 'sigmoid');
    await frames(page, 2);
    assert.equal(await readout(page, 'slope'), '—');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('switched to sigmoid and trained: 95% or more on the default seed; the chain rule for w1 equals its definition', async () => {
  const { page, context, errors } = await openLab(env, { query: '?stage=network&hidden=linear&lang=en' });
  const check = async (when) => {
    const chain = Number(await readout(page, 'chain-dedw1'));
    const numeric = Number(await readout(page, 'chain-dedw1-numeric'));
    assert.ok(Number.isFinite(chain) && Number.isFinite(numeric), when);
    assert.ok(Math.abs(chain - numeric) <= 1e-6, `${when}: de/dw1 ${chain} vs by definition ${numeric}`);
    // The product is the five factors on the page (each shown with 6 decimals).
    const f = await Promise.all(['deda', 'dadz', 'dzdh1', 'dh1dz1', 'dz1dw1'].map((k) => readout(page, `chain-${k}`).then(Number)));
    const product = f.reduce((p, v) => p * v, 1);
    assert.ok(Math.abs(product - chain) <= 1e-5 + 1e-3 * Math.abs(chain), `${when}: ${f.join(' · ')} = ${product} vs ${chain}`);
    return chain;
  };
  await check('linear, at the start');
  await page.click('#net-bean');
  await page.click('#net-bean');
  await frames(page, 2);
  assert.match(await page.textContent('#net-chain-bean'), /bean 3/);
  await check('linear, after two beans');
  await page.selectOption('#net-hidden', 'sigmoid');
  await page.click('#net-reset');
  await frames(page, 2);
  const start = await check('sigmoid, at the start');
  assert.notEqual(start, 0);
  const before = Number(await readout(page, 'accuracy'));
  await page.click('#net-play');
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  await frames(page, 2);
  const accuracy = Number(await readout(page, 'accuracy'));
  assert.ok(accuracy >= 95, `accuracy ${accuracy}% after 1000 epochs (from ${before}%)`);
  assert.match(await page.textContent('#net-status'), /Trained 1000 epochs/);
  await page.click('#net-epoch');
  await check('sigmoid, trained');
  assert.deepEqual(errors, []);
  await context.close();
});

test('while the network trains its data changes every frame, its axes stay painted, and its numbers change at a readable pace; a pause shows where it stopped', async () => {
  const { page, context, errors } = await openLab(env, { query: '?stage=network' });
  const axes = () => page.evaluate(() => document.querySelector('.net-panel[data-net="output"] canvas.axes').toDataURL());
  const axes0 = await axes();
  const log = await framesWhilePlaying(page, { play: '#net-play', chart: '.net-panel[data-net="output"] svg.data' });
  const seen = await page.evaluate(() => {
    const { lab } = window.sigmoidNetwork;
    const shown = (k) => document.querySelector(`[data-readout="${k}"]`).textContent;
    return {
      epoch: [shown('epoch'), String(lab.epoch())],
      w1: [Number(document.getElementById('p-w1-field').value), lab.param('w1')],
    };
  });
  const axesStill = (await axes()) === axes0;
  const frames = log.slice(1);
  const writes = frames.filter((f) => f.numbers).map((f) => f.time);
  assert.ok(frames.filter((f) => f.chart).length >= frames.length - 2, `a(x) changed in ${frames.filter((f) => f.chart).length} of ${frames.length} frames`);
  assert.ok(axesStill, 'the output chart\'s axes were not repainted');
  assert.ok(writes.length >= 2, `the numbers changed ${writes.length} times`);
  for (let i = 1; i < writes.length; i++) assert.ok(writes[i] - writes[i - 1] >= 50, `numbers written ${writes[i] - writes[i - 1]} ms apart`);
  assert.equal(seen.epoch[0], seen.epoch[1], 'the paused epoch');
  assert.ok(Number(seen.epoch[1]) > 0, 'it trained');
  assert.ok(Math.abs(seen.w1[0] - seen.w1[1]) <= 0.005, `the paused w1: ${seen.w1}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Try one neuron" opens the lab on the same beans, and one neuron trained there stays below the network', async () => {
  const { page, context, errors } = await openLab(env, { query: '?stage=network&lang=en' });
  const count = await page.evaluate(() => window.sigmoidNetwork.lab.beans_count());
  await page.click('#net-play');
  await page.waitForFunction(() => !window.sigmoidNetwork.state.playing, null, { timeout: 60000 });
  const network = Number(await readout(page, 'accuracy'));
  const href = await page.getAttribute('#net-single', 'href');
  assert.match(href, /data=/);
  assert.doesNotMatch(href, /stage=/);
  await page.click('#net-single');
  await page.waitForFunction(() => window.sigmoidLab && document.documentElement.classList.contains('ready'));
  const lab = await page.evaluate(() => ({ n: window.sigmoidLab.lab.beans_x().length, pairs: window.sigmoidLab.lab.beans_pairs() }));
  assert.equal(lab.n, count, 'the same number of beans');
  assert.equal(lab.pairs, new URL(href, env.base).searchParams.get('data'), 'the same beans');
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('[data-readout="epoch"]').textContent === '1000', null, { timeout: 60000 });
  const single = Number(await readout(page, 'accuracy'));
  assert.ok(single < network, `one neuron ${single}% vs the network ${network}%`);
  assert.ok(single <= 90, `one border gets at most 90%: ${single}%`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the stage keeps its state in the address, reloads into it, and embeds', async () => {
  const { page, context, errors } = await openLab(env, { query: '?stage=network&hidden=linear&lang=zh' });
  await page.fill('#p-v1-field', '2.5');
  await page.press('#p-v1-field', 'Enter');
  await page.click('#net-epoch');
  await page.waitForFunction(() => location.search.includes('epochs=1'), null, { timeout: 5000 });
  const search = await page.evaluate(() => location.search);
  assert.match(search, /v1=2\.5/);
  assert.match(search, /stage=network/);
  assert.match(search, /hidden=linear/);
  const before = await page.evaluate(() => window.sigmoidNetwork.lab.param('w1'));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  const after = await page.evaluate(() => ({ w1: window.sigmoidNetwork.lab.param('w1'), epoch: window.sigmoidNetwork.lab.epoch() }));
  assert.deepEqual(after, { w1: before, epoch: 1 });
  assert.equal(await page.inputValue('#p-w1-field'), before.toFixed(2), 'the sliders show it');
  // A bad key is named, the stage still starts.
  await page.goto(`${env.base}?stage=network&w2=abc&hidden=relu&embed=1`);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  assert.equal(await page.isVisible('.site-header'), false, 'embedded: no header');
  assert.equal(await page.isVisible('.net-panel[data-net="output"]'), true);
  const named = await page.$$eval('#url-note-list li', (lis) => lis.map((li) => li.dataset.key));
  assert.deepEqual(named, ['w2', 'hidden']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('reached from the lab header and from the lesson path\'s last step', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en' });
  assert.equal(await page.getAttribute('#network-start', 'href'), '?stage=network&lang=en');
  await page.goto(`${env.base}?tour=9&lang=en`);
  await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  const link = page.locator('#tour-network');
  assert.equal(await link.textContent(), 'Stack two neurons yourself');
  assert.match(await link.getAttribute('href'), /^\?stage=network&hidden=linear&lang=en$/);
  await link.click();
  await page.waitForFunction(() => window.sigmoidNetwork && document.documentElement.classList.contains('ready'));
  assert.equal(await page.inputValue('#net-hidden'), 'linear');
  await context.close();
});

for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
  test(`one screen at 1280×800 (${lang}); at 390×844 a(x) stays in view while training runs`, async () => {
    const desk = await openLab(env, { query: `?stage=network&hidden=linear&lang=${lang}`, width: 1280, height: 800, locale });
    const fits = await desk.page.evaluate(() => {
      const r = (s) => document.querySelector(s).getBoundingClientRect();
      return { scroll: document.documentElement.scrollHeight, play: r('#net-play').bottom, chain: r('.net-chain').bottom, alpha: r('#p-alpha-field').bottom, wide: document.documentElement.scrollWidth };
    });
    assert.ok(fits.scroll <= 800 && fits.wide <= 1280, JSON.stringify(fits));
    await desk.context.close();

    const phone = await openLab(env, { query: `?stage=network&lang=${lang}`, width: 390, height: 844, locale });
    const { page } = phone;
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'nothing wider than the phone');
    // Train, then scroll down to the sliders and the chain rule while it runs.
    await page.click('#net-play');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await frames(page, 5);
    const seen = await page.evaluate(() => {
      const r = document.querySelector('.net-panel[data-net="output"]').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, playing: window.sigmoidNetwork.state.playing, y: window.scrollY };
    });
    assert.ok(seen.playing && seen.y > 0, JSON.stringify(seen));
    assert.ok(seen.top >= 0 && seen.bottom <= 844, `a(x) in view while training: ${JSON.stringify(seen)}`);
    assert.deepEqual(phone.errors, []);
    await phone.context.close();
  });
}

test('the language switch puts the whole stage into the other language, its words and the lab\'s', async () => {
  const { page, context, errors } = await openLab(env, { query: '?stage=network&hidden=linear&lang=zh' });
  assert.match(await page.textContent('.subtitle'), /^第 06 课/);
  assert.equal(await page.textContent('#net-play'), '训练');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await frames(page, 2);
  assert.match(await page.textContent('.subtitle'), /^Lesson 06 · two neurons stacked/);
  assert.match(await page.textContent('#net-why'), /^The hidden layer is linear: .* one straight line z = /);
  assert.equal(await page.textContent('#net-play'), 'Train');
  assert.equal(await page.textContent('[data-w="epoch"]'), 'epoch', 'a word the stage shares with the lab');
  assert.equal(await page.textContent('[data-w="slope"]'), 'line slope', 'a word of its own');
  assert.equal(await page.getAttribute('.net-charts', 'aria-label'), 'Charts');
  assert.match(await page.textContent('#net-chain-title'), /^Chain rule: the hidden weight w1 bean 1/);
  assert.match(await page.getAttribute('.net-panel[data-net="output"] svg.data', 'aria-label'), /^Output a over x/);
  assert.match(await page.textContent('label[for="p-w1-field"]'), /weight w1/);
  assert.deepEqual(errors, []);
  await context.close();
});

// A note's iframe of the stage: the three charts take the frame, with ink on each, and one row of
// training under them; nothing scrolls, and Train trains.
for (const [width, height, lang] of [[300, 200, 'en'], [320, 240, 'zh'], [320, 240, 'en'], [688, 400, 'en'], [800, 600, 'zh']]) {
  test(`embedded at ${width}×${height} (${lang}): three charts fill the frame, one row of controls under them`, async () => {
    const { page, context, errors } = await openLab(env, { width, height, query: `?stage=network&embed=1&lang=${lang}` });
    const m = await page.evaluate(() => {
      const box = (el) => el.getBoundingClientRect().toJSON();
      const charts = [...document.querySelectorAll('.net-panel')].map((f) => {
        const c = window.sigmoidNetwork.layer(f.dataset.net);
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const colours = new Set();
        for (let i = 0; i < d.length; i += 16) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        return { key: f.dataset.net, ...box(f), colours: colours.size };
      });
      const shown = [...document.querySelector('.net-side .controls').querySelectorAll('button, select')].filter((e) => e.getClientRects().length);
      return {
        scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
        charts,
        controls: shown.map(box),
        chain: document.querySelector('.net-chain').getClientRects().length,
      };
    });
    assert.ok(m.scroll[0] <= width && m.scroll[1] <= height, `nothing scrolls: ${m.scroll}`);
    assert.equal(m.chain, 0, 'the chain table is the full page\'s');
    const bottom = Math.max(...m.charts.map((c) => c.bottom));
    for (const c of m.charts) {
      assert.ok(c.left >= 0 && c.right <= width && c.top >= 0, `${c.key} inside the frame`);
      assert.ok(c.height >= 0.5 * height, `${c.key} is ${c.height} px tall in a ${height} px frame`);
      assert.ok(c.colours > 8, `${c.key} is drawn (${c.colours} colours)`);
    }
    assert.ok(m.controls.length >= 2, 'Train and Reset show');
    for (const r of m.controls) {
      assert.ok(r.top >= bottom - 0.5 && r.bottom <= height + 0.5 && r.right <= width + 0.5, `a control under the charts, inside the frame: ${JSON.stringify(r)}`);
    }
    assert.equal(new Set(m.controls.map((r) => Math.round(r.top / 12))).size, 1, 'one row');
    await page.click('#net-play');
    await page.waitForFunction(() => window.sigmoidNetwork.lab.epoch() > 20, null, { timeout: 10000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
