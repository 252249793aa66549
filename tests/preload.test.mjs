// The page loads as one bundle in two modules (scripts/bundle.mjs): index.html asks for both and
// for the wasm at once, so no request waits for another; they hold every module the page imports
// at start, and the parts loaded on use stay out of the first load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAGE, STYLE, firstLoad } from '../scripts/bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (p) => readFileSync(root + p, 'utf8');

test('the bundle and the stylesheet are built from the current sources', () => {
  for (const [built, ext] of [[PAGE.built, '.js'], [STYLE.built, '.css']]) {
    const at = statSync(root + built).mtimeMs;
    const newer = readdirSync(root + 'www').filter((f) => f.endsWith(ext) && statSync(`${root}www/${f}`).mtimeMs > at);
    assert.deepEqual(newer, [], `${built} is older than ${newer.join(', ')}: run \`bash scripts/build.sh\``);
  }
});

test('the page links the minified stylesheet, which holds every rule of its source', () => {
  assert.match(read('index.html'), new RegExp(`<link rel="stylesheet" href="${STYLE.built}">`));
  const built = read(STYLE.built);
  const source = read(STYLE.source);
  assert.ok(built.length < source.length * 0.8, `minified: ${built.length} of ${source.length} bytes`);
  // Every selector's class and id, and every custom property, is still there.
  const names = (css) => new Set(css.replace(/\/\*[\s\S]*?\*\//g, '').match(/[.#][a-z][\w-]*|--[\w-]+/gi));
  const missing = [...names(source)].filter((n) => !names(built).has(n));
  assert.deepEqual(missing, []);
});

test('index.html loads the bundle and preloads every module of it and the wasm; parts loaded on use are not in it', () => {
  const html = read('index.html');
  const { files, sources } = firstLoad(JSON.parse(read(PAGE.meta)));
  assert.deepEqual([...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1]), [PAGE.built]);
  // Every file of the first load is asked for by the HTML itself, not found by parsing another.
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  assert.deepEqual(preloaded, [...files].sort());
  assert.match(html, /<link rel="preload" href="www\/pkg\/sigmoid_lab_bg.wasm" as="fetch"[^>]*crossorigin>/);

  // Every module main.js imports statically (and the course's words) is in the first load.
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    for (const m of read(path).matchAll(/^import[^'"]*['"](\.[^'"]+)['"]/gm)) visit(new URL(m[1], `file:///${dir}`).pathname.slice(1));
  };
  visit(PAGE.source);
  for (const m of seen) assert.ok(sources.has(m), `${m} is in the first load`);
  assert.ok(sources.has('www/strings-zh.js'));
  assert.deepEqual(files.sort(), [PAGE.built, PAGE.shared].sort(), 'the first load is the two modules');
  for (const lazy of ['www/export.js', 'www/slowstep.js', 'www/tour.js', 'www/network.js', 'www/strings-en.js', 'www/embedbuilder.js', 'www/embedcode.js', 'www/pkg/sigmoid_lab_gif.js']) {
    assert.ok(!sources.has(lazy), `${lazy} is loaded on use`);
  }
});
