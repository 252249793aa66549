// Builds dist/sigmoid-lab.html: index.html with its stylesheet, favicon, JS modules and wasm inlined,
// so that the one file works when opened from file:// with no network.
//
// esbuild bundles the module graph (static and `import('./x.js')` imports alike) into one module;
// this file only inlines it, the CSS, the icon and the wasm bytes into the HTML: that part has no
// kept tool small enough. Anything it cannot inline fails the build with a message rather than
// producing a broken page.
//
// Usage: node scripts/build-single.mjs   (run by scripts/build.sh after www/pkg is built)

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { PAGE } from './bundle.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HTML_IN = join(ROOT, 'index.html');
const OUT = join(ROOT, 'dist', 'sigmoid-lab.html');
// The wasm modules, by the id of the element that carries each one's bytes in the page.
const WASM = {
  'wasm-inline': join(ROOT, 'www', 'pkg', 'sigmoid_lab_bg.wasm'),
  'wasm-network-inline': join(ROOT, 'www', 'pkg', 'sigmoid_lab_network_bg.wasm'),
  'wasm-gif-inline': join(ROOT, 'www', 'pkg', 'sigmoid_lab_gif_bg.wasm'),
};

class BuildError extends Error {}
const fail = (msg) => { throw new BuildError(msg); };
const rel = (file) => relative(ROOT, file).split(sep).join('/');

/** One ES module of the entries and everything they import; `modules` lists the files in it. */
function bundle(entries) {
  let result;
  try {
    result = buildSync({
      stdin: { contents: entries.map((e) => `import ${JSON.stringify(e)};`).join('\n'), resolveDir: ROOT, loader: 'js' },
      bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, metafile: true, logLevel: 'silent',
    });
  } catch (e) {
    fail((e.errors ?? []).map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('; ') || String(e.message));
  }
  // A warning here means code that would break at run time (an import esbuild cannot follow).
  if (result.warnings.length) fail(result.warnings.map((m) => `${m.location?.file ?? ''}:${m.location?.line ?? ''}: ${m.text}`).join('; '));
  const modules = Object.keys(result.metafile.inputs).filter((f) => f !== '<stdin>');
  // Bundled dynamic imports become plain calls; one left means a file loaded at run time.
  if (/\bimport\(/.test(result.outputFiles[0].text)) fail('an import() of something other than a \'./file.js\' string stays in the bundle and would not load from file://');
  return { code: result.outputFiles[0].text, modules };
}

// ---------------------------------------------------------------------------------------------
// The page.

const decodeEntities = (s) => s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' }[e]));
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
function attributes(tag) {
  const attrs = new Map();
  const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  const inner = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(re)) attrs.set(m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  return attrs;
}
const isLocal = (url) => !/^([a-z][a-z0-9+.-]*:|\/\/|#|\?)/i.test(url);
const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };
function dataUrl(file, where) {
  if (!existsSync(file)) fail(`${where}: ${rel(file)} not found`);
  const type = MIME[extname(file).toLowerCase()] ?? fail(`${where}: no MIME type known for ${rel(file)}`);
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}
const localFile = (base, url, where) => {
  const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  if (path.startsWith('/')) fail(`${where}: root-relative URL '${url}' cannot be inlined`);
  return resolve(base, ...path.split('/'));
};

function inlineCss(file) {
  const where = rel(file);
  let css = readFileSync(file, 'utf8');
  if (/@import\b/i.test(css)) fail(`${where}: @import is not supported by the single-file build`);
  css = css.replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g, (whole, a, b, c) => {
    const url = a ?? b ?? c;
    if (!isLocal(url)) return whole;
    return `url("${dataUrl(localFile(dirname(file), url, where), where)}")`;
  });
  if (/<\/style/i.test(css)) fail(`${where}: contains '</style', which would end the inlined <style> early`);
  return css;
}

// A script's text must not end the <script> element early: '</script' becomes '<\/script', the
// same text inside strings, templates, regexps and comments (where it can occur at all).
function scriptText(js) {
  if (js.includes('<!--')) fail("the bundled JS contains '<!--', which changes how HTML parses an inline <script>");
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

const REMOVED = '\u0001';

function build() {
  let html = readFileSync(HTML_IN, 'utf8');
  for (const [id, file] of Object.entries(WASM)) {
    if (new RegExp(`id\\s*=\\s*["']?${id}\\b`).test(html)) fail(`index.html already has an element with id="${id}"`);
    if (!existsSync(file)) fail(`${rel(file)} not found: build www/pkg first with bash scripts/build.sh`);
  }
  const base = dirname(HTML_IN);
  const entries = [];
  const blobs = []; // large replacements, inserted after the checks on the HTML around them
  const blob = (text) => `\u0000${blobs.push(text) - 1}\u0000`;
  let bundleAt = null;

  html = html.replace(/<!--[\s\S]*?-->|<script\b[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<link\b[^>]*>/gi, (tag) => {
    if (tag.startsWith('<!--') || /^<style/i.test(tag)) return tag;
    const open = tag.match(/^<\w+\b[^>]*>/)[0];
    const a = attributes(open);
    const where = `index.html: ${open}`;
    if (/^<script/i.test(tag)) {
      const type = (a.get('type') ?? '').toLowerCase();
      if (!a.has('src')) {
        if (type === 'module') fail(`${where}: inline module scripts are not supported by the single-file build`);
        return tag;
      }
      const src = a.get('src');
      if (!isLocal(src)) return tag;
      if (type !== 'module') fail(`${where}: only module scripts can be inlined`);
      // The served page's bundle is built from its source module, which is bundled here whole.
      entries.push(localFile(base, src === PAGE.built ? PAGE.source : src, where));
      if (bundleAt) return REMOVED; // all entries go into the first module script, in document order
      bundleAt = blob(null);
      return `<script type="module">${bundleAt}</script>`;
    }
    // <link>
    const rels = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = a.get('href') ?? '';
    if (!isLocal(href)) return tag;
    if (rels.includes('modulepreload') || rels.includes('preload') || rels.includes('prefetch')) return REMOVED; // hints about files that are now inline
    if (rels.includes('stylesheet')) return `<style>\n${blob(inlineCss(localFile(base, href, where)))}</style>`;
    if (rels.includes('icon') || rels.includes('apple-touch-icon')) {
      const url = blob(dataUrl(localFile(base, href, where), where));
      return open.replace(/\bhref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, () => `href="${url}"`);
    }
    fail(`${where}: a <link rel="${a.get('rel')}"> to a local file is not handled by the single-file build`);
  });
  // Removed tags take their line with them when they stood alone on it.
  html = html.replace(/\n[ \t]*\u0001[ \t]*(?=\n)/g, '').replaceAll(REMOVED, '');
  if (!bundleAt) fail('index.html has no <script type="module" src="..."> to bundle');

  // Anything else that still points at a local file would not load from dist/.
  const outside = html.replace(/<!--[\s\S]*?-->|<script\b[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '');
  for (const m of outside.matchAll(/\s(src|href|srcset|poster|action|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const url = decodeEntities(m[2] ?? m[3] ?? m[4]);
    if (url && isLocal(url) && !/^\u0000\d+\u0000$/.test(url)) fail(`index.html: ${m[1]}="${url}" points at a local file the single-file build does not inline`);
  }

  const { code, modules } = bundle(entries);
  blobs[Number(bundleAt.slice(1, -1))] = `\n${scriptText(code)}`;
  if (!/<\/body>/i.test(html)) fail('index.html has no </body>');
  const wasm = Object.entries(WASM).map(([id, file]) => `<script id="${id}" type="application/octet-stream">${readFileSync(file).toString('base64')}</script>\n`).join('');
  html = html.replace(/<\/body>/i, () => `${wasm}</body>`);
  html = html.replace(/\u0000(\d+)\u0000/g, (_, n) => blobs[Number(n)]);

  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, html);
  const raw = Buffer.byteLength(html);
  const gz = gzipSync(html, { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`built ${rel(OUT)}: ${raw} bytes (${kb(raw)}), gzip ${gz} bytes (${kb(gz)}); modules: ${modules.join(', ')}`);
}

// The bundler alone, for tests of the import/export forms it accepts and refuses.
export { bundle, BuildError };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    build();
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(`build-single: ${e.message}`);
    process.exit(1);
  }
}
