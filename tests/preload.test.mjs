// Every module the page imports at start is announced with modulepreload, so the browser fetches
// the whole graph at once (a module left out would be fetched only when its importer has arrived).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (p) => readFileSync(root + p, 'utf8');

test('index.html preloads every module of the graph and the wasm', () => {
  const html = read('index.html');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    for (const m of read(path).matchAll(/^import[^'"]*['"](\.[^'"]+)['"]/gm)) visit(new URL(m[1], `file:///${dir}`).pathname.slice(1));
  };
  visit('www/main.js');
  // Also the words of the course's language, imported at once by main.js for a Chinese visit;
  // code loaded on use (export, slow motion, tour, English words) is not preloaded.
  seen.add('www/strings-zh.js');
  assert.deepEqual([...seen].sort(), [...preloaded].sort());
  for (const lazy of ['www/export.js', 'www/slowstep.js', 'www/tour.js', 'www/strings-en.js', 'www/embedbuilder.js', 'www/embedcode.js']) assert.ok(!preloaded.has(lazy), `${lazy} is loaded on use`);
  assert.match(html, /<link rel="preload" href="www\/pkg\/sigmoid_lab_bg.wasm" as="fetch"[^>]*crossorigin>/);
});
