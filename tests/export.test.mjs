// GIF and PNG export: downloads that decode, the frames asked for, the run's last frame the
// trained fit, Cancel, hidden panels left out, labels in the page's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openLab, readout } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The lab with its export code loaded (it loads on first use), for tests that set its options. */
async function openExporting(env, options) {
  const opened = await openLab(env, options);
  await opened.page.evaluate(() => window.sigmoidLab.loadExport());
  return opened;
}

/** Width, height, frame count and delays from a GIF's block structure (no pixel decoding). */
function gifInfo(bytes) {
  assert.equal(bytes.subarray(0, 6).toString('latin1'), 'GIF89a');
  const u16 = (i) => bytes[i] | (bytes[i + 1] << 8);
  const table = (packed) => (packed & 0x80 ? 3 * (2 << (packed & 7)) : 0);
  const info = { width: u16(6), height: u16(8), frames: 0, delays: [] };
  let i = 13 + table(bytes[10]);
  const skipBlocks = () => { while (bytes[i] !== 0) i += bytes[i] + 1; i++; };
  for (;;) {
    const b = bytes[i];
    if (b === 0x3b) break;
    if (b === 0x21) {
      if (bytes[i + 1] === 0xf9) info.delays.push(u16(i + 4));
      i += 2;
      skipBlocks();
    } else if (b === 0x2c) {
      const [left, top, w, h] = [u16(i + 1), u16(i + 3), u16(i + 5), u16(i + 7)];
      assert.ok(left + w <= info.width && top + h <= info.height, `frame ${info.frames} inside the image`);
      i += 10 + table(bytes[i + 9]) + 1; // descriptor, local colour table, LZW code size
      skipBlocks();
      info.frames++;
    } else {
      assert.fail(`unexpected block 0x${b?.toString(16)} at byte ${i}`);
    }
    assert.ok(i < bytes.length, 'GIF ends with a trailer');
  }
  return info;
}

/** PNG signature and IHDR size. */
function pngInfo(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Clicks `selector` and returns the download it starts: {name, bytes}. */
async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/**
 * Mean absolute RGB difference, per channel, between images decoded in the page: `a` and `b` are
 * {bytes (base64), type, frame (for GIFs: an index, negative from the end)}.
 */
function difference(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    async function pixels({ bytes, type, frame = 0 }) {
      const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
      let image;
      if (type === 'image/gif') {
        const decoder = new ImageDecoder({ data, type });
        await decoder.tracks.ready;
        const n = decoder.tracks.selectedTrack.frameCount;
        image = (await decoder.decode({ frameIndex: frame < 0 ? n + frame : frame })).image;
      } else {
        image = await createImageBitmap(new Blob([data], { type }));
      }
      const w = image.displayWidth ?? image.width;
      const h = image.displayHeight ?? image.height;
      const c = new OffscreenCanvas(w, h);
      const ctx = c.getContext('2d');
      ctx.drawImage(image, 0, 0);
      return ctx.getImageData(0, 0, w, h);
    }
    const [p, q] = [await pixels(a), await pixels(b)];
    if (p.width !== q.width || p.height !== q.height) return Infinity;
    let sum = 0;
    for (let i = 0; i < p.data.length; i += 4) {
      for (let k = 0; k < 3; k++) sum += Math.abs(p.data[i + k] - q.data[i + k]);
    }
    return sum / (p.width * p.height * 3);
  }, [a, b]);
}

const b64 = (bytes) => bytes.toString('base64');

/** Export size at ratio 1 for the page's visible canvas panels: 480 × 320 each, up to three in a
 * row, four as two over two, five as three over two wider ones. */
async function exportSize(page, dpr = 1) {
  const n = await page.$$eval('.panel:not([hidden])', (figs) => figs.filter((f) => f.querySelector('.layers canvas')).length);
  const [cols, rows] = n <= 3 ? [n, 1] : n === 4 ? [2, 2] : [3, Math.ceil(n / 3)];
  return { width: cols * 480 * dpr, height: rows * 320 * dpr };
}

test('export GIF replays the run on a copy: frames asked for, the last one the trained fit', async () => {
  const { page, context, errors } = await openExporting(env, { query: '?seed=1' });
  const w = await readout(page, 'w');
  const size = await exportSize(page);
  const png0 = await downloadFrom(page, '#export-png');
  assert.match(png0.name, /\.png$/);
  assert.deepEqual(pngInfo(png0.bytes), size);

  await page.evaluate(() => Object.assign(window.sigmoidExport.options, { epochs: 200, every: 20 }));
  const gif = await downloadFrom(page, '#export-gif');
  assert.match(gif.name, /\.gif$/);
  const info = gifInfo(gif.bytes);
  assert.deepEqual({ width: info.width, height: info.height, frames: info.frames }, { ...size, frames: 200 / 20 + 1 });
  assert.deepEqual(info.delays, [...Array(10).fill(8), 200]);
  // The page's own lab was not touched, and the progress bar is gone.
  assert.equal(await readout(page, 'epoch'), '0');
  assert.equal(await readout(page, 'w'), w);
  assert.equal(await page.isVisible('#export-progress'), false);
  assert.equal(await page.isEnabled('#export-gif'), true);

  // The same 200 epochs on the page itself, saved as a PNG, look like the GIF's last frame.
  await page.evaluate(() => { window.sigmoidLab.lab.train_epochs(200); window.sigmoidLab.request(); });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await readout(page, 'epoch'), '200');
  const png200 = await downloadFrom(page, '#export-png');
  const gifAt = (frame) => ({ bytes: b64(gif.bytes), type: 'image/gif', frame });
  const png = (p) => ({ bytes: b64(p.bytes), type: 'image/png' });
  const first = await difference(page, gifAt(0), png(png0));
  const last = await difference(page, gifAt(-1), png(png200));
  const apart = await difference(page, gifAt(0), gifAt(-1));
  assert.ok(first < 1.5, `first frame is the untrained lab (mean difference ${first})`);
  assert.ok(last < 1.5, `last frame is the lab after 200 epochs (mean difference ${last})`);
  assert.ok(apart > 4 * Math.max(first, last, 0.5), `the run moves: first and last frames differ by ${apart}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('five panels fill their export with no empty cell: three over two wider ones', async () => {
  const { page, context, errors } = await openExporting(env, { query: '?seed=1&panels=xz,za,xa,cost,landscape&lang=en' });
  const png = await downloadFrom(page, '#export-png');
  assert.deepEqual(pngInfo(png.bytes), { width: 1440, height: 640 });
  // Every sixth of the image (where a 2 × 3 grid had its empty cell) holds a drawn panel: many
  // colours, and a title's dark ink in the top band of each row.
  const cells = await page.evaluate(async (bytes) => {
    const img = await createImageBitmap(new Blob([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const out = [];
    for (const [x, y] of [[0, 0], [480, 0], [960, 0], [0, 320], [480, 320], [960, 320]]) {
      const d = ctx.getImageData(x, y, 480, 320).data;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      out.push(colours.size);
    }
    return out;
  }, b64(png.bytes));
  for (const [i, n] of cells.entries()) assert.ok(n > 20, `sixth ${i} of the image has ${n} colours: empty`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Cancel stops an export: no download, progress hidden, the buttons back', async () => {
  const { page, context, errors } = await openExporting(env);
  let downloads = 0;
  page.on('download', () => { downloads++; });
  await page.evaluate(() => Object.assign(window.sigmoidExport.options, { epochs: 1000, every: 1 }));
  await page.click('#export-gif');
  await page.waitForFunction(() => document.getElementById('export-bar').value > 0.005);
  assert.equal(await page.isVisible('#export-progress'), true);
  assert.equal(await page.isDisabled('#export-gif'), true);
  await page.click('#export-cancel');
  await page.waitForFunction(() => document.getElementById('export-progress').hidden && !window.sigmoidExport.running);
  await page.waitForTimeout(1000);
  assert.equal(downloads, 0);
  assert.equal(await page.isEnabled('#export-gif'), true);
  assert.equal(await readout(page, 'epoch'), '0');
  // And a new export works after a cancelled one.
  await page.evaluate(() => Object.assign(window.sigmoidExport.options, { epochs: 4, every: 2 }));
  const gif = await downloadFrom(page, '#export-gif');
  assert.equal(gifInfo(gif.bytes).frames, 3);
  // The handle reports what it wrote.
  const [download, result] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.sigmoidExport.exportGif())]);
  assert.equal(result.frames, 3);
  assert.equal(result.bytes, (await readFile(await download.path())).length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hidden panels are left out; labels follow the language; PNG at the pixel ratio', async () => {
  const { page, context, errors } = await openExporting(env, { query: '?panels=xz,xa&lang=en', dpr: 2 });
  assert.equal(await page.textContent('#export-gif'), 'Export GIF');
  assert.equal(await page.textContent('#export-png'), 'Export PNG');
  assert.equal(await page.textContent('#export-cancel'), 'Cancel');
  // Two panels side by side, drawn at devicePixelRatio 2.
  const png = await downloadFrom(page, '#export-png');
  assert.deepEqual(pngInfo(png.bytes), { width: 1920, height: 640 });
  // GIFs stay at ratio 1.
  await page.evaluate(() => Object.assign(window.sigmoidExport.options, { epochs: 10, every: 5 }));
  const info = gifInfo((await downloadFrom(page, '#export-gif')).bytes);
  assert.deepEqual([info.width, info.height, info.frames], [960, 320, 3]);
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await page.textContent('#export-gif'), '导出 GIF');
  assert.equal(await page.textContent('#export-png'), '导出 PNG');
  assert.equal(await page.textContent('#export-cancel'), '取消');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the default export: 100 frames over 1000 epochs (plus epoch 0), its time and size', async (t) => {
  // The lesson's four panels, as its matplotlib GIF has.
  const { page, context, errors } = await openExporting(env, { query: '?seed=1&panels=xz,za,xa,cost' });
  const started = Date.now();
  const gif = await downloadFrom(page, '#export-gif');
  const seconds = (Date.now() - started) / 1000;
  const info = gifInfo(gif.bytes);
  assert.deepEqual([info.width, info.height, info.frames], [960, 640, 101]);
  t.diagnostic(`101 frames, 960 × 640: ${seconds.toFixed(1)} s, ${gif.bytes.length} bytes`);
  // The lesson's matplotlib GIF: 23.2 s and 1.1 MB for 100 frames.
  assert.ok(seconds < 23.2 && gif.bytes.length < 1.1e6, `${seconds} s, ${gif.bytes.length} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('export code and the GIF encoder load on first use; the first click still exports', async () => {
  const { page, context, errors } = await openLab(env, { query: '?lang=en' });
  const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()));
  const before = await loaded();
  assert.ok(before.includes('sigmoid_lab_bg.wasm'));
  for (const file of ['export.js', 'sigmoid_lab_gif.js', 'sigmoid_lab_gif_bg.wasm', 'tour.js']) assert.ok(!before.includes(file), `${file} loaded by a plain visit`);
  assert.equal(await page.textContent('#export-gif'), 'Export GIF');

  // The first click on PNG loads the export code and saves the panels; the encoder is not needed.
  const png = await downloadFrom(page, '#export-png');
  assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
  const afterPng = await loaded();
  assert.ok(afterPng.includes('export.js'));

  await page.evaluate(() => Object.assign(window.sigmoidExport.options, { epochs: 4, every: 2 }));
  const gif = await downloadFrom(page, '#export-gif');
  assert.equal(gifInfo(gif.bytes).frames, 3);
  assert.ok((await loaded()).includes('sigmoid_lab_gif_bg.wasm'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('focus on the export buttons fetches their code and the encoder ahead of a click', async () => {
  const { page, context, errors } = await openLab(env);
  const has = (file) => page.evaluate((f) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(f)), file);
  assert.ok(!(await has('export.js')));
  await page.focus('#export-gif');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('sigmoid_lab_gif_bg.wasm')));
  assert.ok(await has('export.js'));
  assert.ok(await page.isHidden('#export-progress'), 'nothing was exported');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failed export says so in the visible note box', async () => {
  const { page, context } = await openLab(env, { query: '?lang=en' });
  // The encoder cannot arrive (offline, say): the first GIF export fails.
  await page.route('**/sigmoid_lab_gif_bg.wasm', (r) => r.abort());
  await page.evaluate(() => window.sigmoidLab.loadExport());
  await page.click('#export-gif');
  await page.waitForFunction(() => !document.getElementById('note-box').hidden, null, { timeout: 10000 });
  assert.ok(await page.isVisible('#note'));
  assert.match(await page.textContent('#note'), /\S/);
  assert.equal(await page.isVisible('#export-progress'), false, 'the progress bar is gone');
  assert.equal(await page.isEnabled('#export-gif'), true, 'and the button works again');
  await context.close();
});

test('a step giving more frames than an export may have is refused in the note box, as the CLI refuses it', async () => {
  const { page, context, errors } = await openExporting(env, { query: '?lang=en' });
  let downloads = 0;
  page.on('download', () => { downloads++; });
  // 5000 epochs a frame each: 5001 frames, past the most (2000). The step is not quietly changed.
  await page.evaluate(() => Object.assign(window.sigmoidExport.options, { epochs: 5000, every: 1 }));
  await page.click('#export-gif');
  await page.waitForFunction(() => !document.getElementById('note-box').hidden, null, { timeout: 10000 });
  assert.equal(await page.textContent('#note'), 'Export failed: 5001 frames is too many (at most 2000): take a larger step than 1');
  assert.equal(await page.isVisible('#export-progress'), false);
  assert.equal(await page.isEnabled('#export-gif'), true);
  // A step that fits exports as asked.
  await page.evaluate(() => Object.assign(window.sigmoidExport.options, { epochs: 5000, every: 2500 }));
  const gif = await downloadFrom(page, '#export-gif');
  assert.equal(gifInfo(gif.bytes).frames, 3);
  assert.equal(downloads, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('SVG export: the panels shown with their titles as text, the PNG’s layout at ratio 1', async () => {
  const { page, context, errors } = await openExporting(env, { query: '?w=5&b=-2.5&epochs=50&lang=en&panels=xz,xa,cost', dpr: 1 });
  const png = pngInfo((await downloadFrom(page, '#export-png')).bytes);
  const svg = await downloadFrom(page, '#export-svg');
  assert.match(svg.name, /\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror') !== null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
    };
  }, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, false, 'the SVG parses');
  assert.deepEqual({ width: parsed.width, height: parsed.height }, png, 'the same layout as the PNG');
  for (const title of ['x → z: z = wx + b', 'x → a: a = sigmoid(wx + b)']) assert.ok(parsed.texts.some((t) => t.includes(title)), `${title} in ${parsed.texts.slice(0, 6)}`);
  assert.ok(parsed.texts.some((t) => /cost/i.test(t)), 'the cost chart’s title');
  assert.deepEqual(errors, []);
  await context.close();
});
