// Builds dist/sigmoid-lab.html: index.html with its stylesheet, favicon, JS modules and wasm inlined,
// so that the one file works when opened from file:// with no network.
//
// The module graph is bundled here rather than loaded as separate inline/blob modules: an inline
// module cannot import relative files from file://, and blob:/data: modules importing each other
// is fragile. Each module becomes an awaited async function (its own scope, top-level await kept)
// that returns an object of its exports; imports become bindings read from those objects.
// Unsupported syntax fails the build with a message rather than producing a broken page.
//
// Usage: node scripts/build-single.mjs   (run by scripts/build.sh after www/pkg is built)

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HTML_IN = join(ROOT, 'index.html');
const OUT = join(ROOT, 'dist', 'sigmoid-lab.html');
// The wasm modules, by the id of the element that carries each one's bytes in the page.
const WASM = { 'wasm-inline': join(ROOT, 'www', 'pkg', 'sigmoid_lab_bg.wasm'), 'wasm-gif-inline': join(ROOT, 'www', 'pkg', 'sigmoid_lab_gif_bg.wasm') };
// Prefix of every name the bundle adds; the build refuses sources that already use it.
const P = '__single_';

class BuildError extends Error {}
const fail = (msg) => { throw new BuildError(msg); };
const rel = (file) => relative(ROOT, file).split(sep).join('/');
const lineOf = (src, pos) => src.slice(0, pos).split('\n').length;

// ---------------------------------------------------------------------------------------------
// A JS tokenizer: just enough to find top-level import/export statements reliably, i.e. to skip
// strings, template literals, comments and regular expressions, and to know the nesting depth.

// After these tokens a `/` starts a regular expression rather than a division.
const KEYWORDS_BEFORE_EXPR = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete',
  'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);
const MULTI_PUNCT = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '%=', '&=',
  '|=', '^=', '**', '<<', '>>'];
const isIdStart = (c) => /[A-Za-z_$#\u0080-\uffff]/.test(c);
const isIdPart = (c) => /[\w$\u0080-\uffff]/.test(c);

function lex(src, file) {
  const toks = [];
  const templates = []; // depth at which each open `${` was entered
  let i = 0, depth = 0, nl = false;
  const where = (pos) => `${rel(file)}:${lineOf(src, pos)}`;
  const push = (type, value, start, d = depth) => { toks.push({ type, value, start, end: i, depth: d, nl }); nl = false; };
  const regexAllowed = () => {
    const prev = toks[toks.length - 1];
    if (!prev) return true;
    if (prev.type === 'name') return KEYWORDS_BEFORE_EXPR.has(prev.value);
    if (prev.type === 'punct') return ![')', ']', '}', '++', '--'].includes(prev.value);
    if (prev.type === 'template') return prev.value.endsWith('${');
    return false;
  };
  // Reads template characters from i (just after ` or the } closing a ${); stops after ` or ${.
  const templateChunk = (start) => {
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '`') { i++; push('template', src.slice(start, i), start); return; }
      if (c === '$' && src[i + 1] === '{') {
        i += 2;
        push('template', src.slice(start, i), start);
        templates.push(depth);
        depth++;
        return;
      }
      i++;
    }
    fail(`unterminated template literal at ${where(start)}`);
  };
  while (i < src.length) {
    const c = src[i];
    const start = i;
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') { nl = true; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && !/[\n\r\u2028\u2029]/.test(src[i])) i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail(`unterminated comment at ${where(start)}`);
      if (/[\n\r\u2028\u2029]/.test(src.slice(i, end))) nl = true;
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') i++;
        else if (src[i] === '\n') fail(`unterminated string at ${where(start)}`);
        i++;
      }
      if (i >= src.length) fail(`unterminated string at ${where(start)}`);
      i++;
      push('string', src.slice(start, i), start);
      continue;
    }
    if (c === '`') { i++; templateChunk(start); continue; }
    if (c === '/' && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < src.length) {
        const r = src[i];
        if (r === '\n') fail(`unterminated regular expression at ${where(start)}`);
        if (r === '\\') { i += 2; continue; }
        if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < src.length && isIdPart(src[i])) i++;
      push('regex', src.slice(start, i), start);
      continue;
    }
    if (isIdStart(c) || (c === '\\' && src[i + 1] === 'u')) {
      i++;
      while (i < src.length && (isIdPart(src[i]) || src[i] === '\\')) i++;
      push('name', src.slice(start, i), start);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      i++;
      while (i < src.length && /[\w.]/.test(src[i])) i++;
      push('number', src.slice(start, i), start);
      continue;
    }
    if (c === '{' || c === '(' || c === '[') { i++; push('punct', c, start); depth++; continue; }
    if (c === '}' || c === ')' || c === ']') {
      if (c === '}' && templates.length && templates[templates.length - 1] === depth - 1) {
        templates.pop();
        depth--;
        i++;
        templateChunk(start);
        continue;
      }
      depth--;
      if (depth < 0) fail(`unbalanced '${c}' at ${where(start)}`);
      i++;
      push('punct', c, start);
      continue;
    }
    const multi = MULTI_PUNCT.find((p) => src.startsWith(p, i) && !(p === '?.' && /[0-9]/.test(src[i + 2] ?? '')));
    i += multi ? multi.length : 1;
    push('punct', multi ?? c, start);
  }
  if (depth !== 0 || templates.length) fail(`unbalanced brackets at the end of ${rel(file)}`);
  return toks;
}

// ---------------------------------------------------------------------------------------------
// One module: its import and export statements, and the edits that strip them.

const stringValue = (tok, where) => {
  const body = tok.value.slice(1, -1);
  if (tok.type !== 'string' || body.includes('\\')) fail(`${where}: expected a plain string literal, found ${tok.value}`);
  return body;
};

function parseModule(file) {
  const src = readFileSync(file, 'utf8');
  if (src.includes(P)) fail(`${rel(file)} uses the name prefix ${P}, which the single-file bundle reserves`);
  const toks = lex(src, file);
  const where = (tok) => `${rel(file)}:${lineOf(src, tok.start)}`;
  const edits = []; // { start, end, text }
  const imports = []; // { spec, bindings: [{ imported, local }] }   imported '*' = namespace
  const exports = []; // { name, local } | { name, from, imported }   imported '*' = namespace; name '*' = export *
  const requests = []; // module specifiers in source order
  const tokAt = (k) => toks[k] ?? fail(`${rel(file)}: unexpected end of file in an import or export statement`);
  const expectName = (k, what) => {
    const t = tokAt(k);
    if (t.type !== 'name') fail(`${where(t)}: expected ${what}, found '${t.value}'`);
    return t.value;
  };
  // The end of a statement that finishes with token k: past its semicolon when there is one.
  const statementEnd = (k) => (toks[k + 1]?.value === ';' ? toks[k + 1].end : toks[k].end);
  const checkNoAttributes = (k) => {
    const t = toks[k + 1];
    if (t && (t.value === 'with' || (t.value === 'assert' && !t.nl))) fail(`${where(t)}: import attributes ('${t.value} {...}') are not supported by the single-file build`);
  };
  // `{ a, b as c }` starting at toks[k]; returns [pairs, index after '}'].
  const specifierList = (k) => {
    const pairs = [];
    k++;
    while (tokAt(k).value !== '}') {
      const a = tokAt(k);
      if (a.type !== 'name') fail(`${where(a)}: unsupported import/export name ${a.value} (only identifiers)`);
      let b = a.value;
      k++;
      if (tokAt(k).value === 'as') { b = expectName(k + 1, 'a name after as'); k += 2; }
      pairs.push([a.value, b]);
      if (tokAt(k).value === ',') k++;
      else if (tokAt(k).value !== '}') fail(`${where(tokAt(k))}: unexpected '${tokAt(k).value}' in an import/export list`);
    }
    return [pairs, k + 1];
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.type !== 'name' || (t.value !== 'import' && t.value !== 'export')) continue;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (prev && (prev.value === '.' || prev.value === '?.')) continue; // a property: x.import
    if (next && next.value === ':') continue; // an object key: { import: ... }

    if (t.value === 'import') {
      if (next?.value === '(') {
        // import('./x.js') with a plain string: the module is in the bundle already (evaluated
        // with the rest), so the promise resolves to its exports object.
        const spec = toks[i + 2];
        if (spec?.type !== 'string' || toks[i + 3]?.value !== ')') fail(`${where(t)}: only import('./file.js') with a plain string is supported by the single-file build`);
        const value = stringValue(spec, where(spec));
        requests.push(value);
        edits.push({ start: t.start, end: toks[i + 3].end, dynamic: value });
        i += 3;
        continue;
      }
      if (next?.value === '.') {
        const meta = toks[i + 2], dot = toks[i + 3], prop = toks[i + 4];
        if (meta?.value === 'meta' && dot?.value === '.' && prop?.value === 'url') {
          // There is no module file next to the page any more; code only uses it as a fallback base.
          edits.push({ start: t.start, end: prop.end, text: 'location.href' });
          i += 4;
          continue;
        }
        fail(`${where(t)}: only import.meta.url is supported by the single-file build`);
      }
      if (t.depth !== 0) fail(`${where(t)}: import statement not at the top level`);
      let k = i + 1;
      const bindings = [];
      if (tokAt(k).type !== 'string') {
        if (tokAt(k).type === 'name') {
          bindings.push({ imported: 'default', local: tokAt(k).value });
          k++;
          if (tokAt(k).value === ',') k++;
        }
        if (tokAt(k).value === '*') {
          if (tokAt(k + 1).value !== 'as') fail(`${where(tokAt(k))}: expected 'as' after 'import *'`);
          bindings.push({ imported: '*', local: expectName(k + 2, 'a namespace name') });
          k += 3;
        } else if (tokAt(k).value === '{') {
          const [pairs, after] = specifierList(k);
          for (const [imported, local] of pairs) bindings.push({ imported, local });
          k = after;
        }
        if (tokAt(k).value !== 'from') fail(`${where(tokAt(k))}: unsupported import form (expected 'from', found '${tokAt(k).value}')`);
        k++;
      }
      const spec = stringValue(tokAt(k), where(tokAt(k)));
      checkNoAttributes(k);
      imports.push({ spec, bindings, where: where(t) });
      requests.push(spec);
      edits.push({ start: t.start, end: statementEnd(k), text: '' });
      i = k;
      continue;
    }

    // export
    if (t.depth !== 0) fail(`${where(t)}: export statement not at the top level`);
    const n = tokAt(i + 1);
    const isAsyncFunction = (k) => tokAt(k).value === 'async' && toks[k + 1]?.value === 'function' && !toks[k + 1].nl;
    if (n.value === 'default') {
      const k = i + 2;
      const d = tokAt(k);
      const fnAt = isAsyncFunction(k) ? k + 1 : d.value === 'function' ? k : -1;
      if (fnAt >= 0 || d.value === 'class') {
        // A declaration: keep it (hoisting included), giving it a name if it has none.
        let kw = fnAt >= 0 ? fnAt : k;
        if (fnAt >= 0 && tokAt(kw + 1).value === '*') kw++;
        const named = tokAt(kw + 1).type === 'name' && tokAt(kw + 1).value !== 'extends';
        const local = named ? tokAt(kw + 1).value : `${P}default`;
        edits.push({ start: t.start, end: d.start, text: '' });
        if (!named) edits.push({ start: tokAt(kw).end, end: tokAt(kw).end, text: ` ${local}` });
        exports.push({ name: 'default', local });
      } else {
        edits.push({ start: t.start, end: d.start, text: `const ${P}default = ` });
        exports.push({ name: 'default', local: `${P}default` });
      }
      i = k;
      continue;
    }
    const fnAt = isAsyncFunction(i + 1) ? i + 2 : n.value === 'function' ? i + 1 : -1;
    if (fnAt >= 0 || n.value === 'class') {
      let kw = fnAt >= 0 ? fnAt : i + 1;
      if (fnAt >= 0 && tokAt(kw + 1).value === '*') kw++;
      const local = expectName(kw + 1, 'a declaration name');
      exports.push({ name: local, local });
      edits.push({ start: t.start, end: n.start, text: '' });
      i = kw + 1;
      continue;
    }
    if (n.value === 'const' || n.value === 'let' || n.value === 'var') {
      // Every declarator's name: the first, then each one after a comma at the statement's depth
      // (an initializer cannot contain a bare comma). Stops at ';' or at the next declaration.
      const first = tokAt(i + 2);
      if (first.type !== 'name') fail(`${where(first)}: destructuring in 'export ${n.value}' is not supported by the single-file build`);
      exports.push({ name: first.value, local: first.value });
      for (let k = i + 3; k < toks.length; k++) {
        const s = toks[k];
        if (s.depth !== 0) continue;
        if (s.value === ';' || ['import', 'export', 'const', 'let', 'var'].includes(s.value)) break;
        if (s.value === ',') {
          const d = tokAt(k + 1);
          if (d.type !== 'name') fail(`${where(d)}: destructuring in 'export ${n.value}' is not supported by the single-file build`);
          exports.push({ name: d.value, local: d.value });
        }
      }
      edits.push({ start: t.start, end: n.start, text: '' });
      i += 2;
      continue;
    }
    if (n.value === '{') {
      const [pairs, after] = specifierList(i + 1);
      let endK = after - 1;
      if (toks[after]?.value === 'from') {
        const spec = stringValue(tokAt(after + 1), where(tokAt(after + 1)));
        checkNoAttributes(after + 1);
        requests.push(spec);
        for (const [imported, name] of pairs) exports.push({ name, from: spec, imported });
        endK = after + 1;
      } else {
        for (const [local, name] of pairs) exports.push({ name, local });
      }
      edits.push({ start: t.start, end: statementEnd(endK), text: '' });
      i = endK;
      continue;
    }
    if (n.value === '*') {
      let k = i + 2;
      let name = '*';
      if (tokAt(k).value === 'as') { name = expectName(k + 1, 'a namespace name'); k += 2; }
      if (tokAt(k).value !== 'from') fail(`${where(tokAt(k))}: expected 'from' in 'export *'`);
      const spec = stringValue(tokAt(k + 1), where(tokAt(k + 1)));
      checkNoAttributes(k + 1);
      requests.push(spec);
      exports.push({ name, from: spec, imported: '*' });
      edits.push({ start: t.start, end: statementEnd(k + 1), text: '' });
      i = k + 1;
      continue;
    }
    fail(`${where(t)}: unsupported export form 'export ${n.value}' in the single-file build`);
  }
  return { file, src, edits, imports, exports, requests };
}

function resolveSpec(from, spec, where) {
  if (!spec.startsWith('./') && !spec.startsWith('../')) fail(`${where}: only relative imports can be inlined, not '${spec}'`);
  if (/[?#]/.test(spec)) fail(`${where}: import '${spec}' has a query or hash`);
  const file = resolve(dirname(from), ...spec.split('/'));
  if (!existsSync(file)) fail(`${where}: '${spec}' not found (${rel(file)}); build www/pkg first with scripts/build.sh`);
  if (!['.js', '.mjs'].includes(extname(file))) fail(`${where}: only JS modules can be inlined, not '${spec}'`);
  return file;
}

// ---------------------------------------------------------------------------------------------
// The module graph, in evaluation order, as one script.

function bundle(entries) {
  const modules = new Map(); // file -> parsed module, in evaluation (post-)order
  const visiting = [];
  const visit = (file, via) => {
    if (modules.has(file)) return;
    if (visiting.includes(file)) fail(`import cycle: ${[...visiting.slice(visiting.indexOf(file)), file].map(rel).join(' → ')} (not supported by the single-file build)`);
    if (!existsSync(file)) fail(`${via}: module ${rel(file)} not found`);
    visiting.push(file);
    const m = parseModule(file);
    m.deps = new Map(m.requests.map((spec) => [spec, resolveSpec(file, spec, `${rel(file)} (import '${spec}')`)]));
    for (const dep of m.deps.values()) visit(dep, rel(file));
    visiting.pop();
    m.id = `${P}m${modules.size}`;
    modules.set(file, m);
  };
  for (const entry of entries) visit(entry, 'index.html');

  // Export names per module, for checking imports and expanding `export *`.
  const names = new Map();
  for (const m of modules.values()) {
    const set = new Set();
    for (const e of m.exports) {
      if (e.name !== '*') set.add(e.name);
      else for (const n of names.get(m.deps.get(e.from))) if (n !== 'default') set.add(n);
    }
    names.set(m.file, set);
  }

  const parts = [];
  for (const m of modules.values()) {
    // All import bindings at the top, as import declarations are hoisted.
    const head = [];
    for (const imp of m.imports) {
      const dep = modules.get(m.deps.get(imp.spec));
      const props = [];
      for (const b of imp.bindings) {
        if (b.imported === '*') { head.push(`const ${b.local} = ${dep.id};`); continue; }
        if (!names.get(dep.file).has(b.imported)) fail(`${imp.where}: ${rel(dep.file)} has no export named '${b.imported}'`);
        props.push(b.imported === b.local ? b.local : `${b.imported}: ${b.local}`);
      }
      if (props.length) head.push(`const { ${props.join(', ')} } = ${dep.id};`);
    }
    // The exports object: getters, so that it reads the module's bindings when asked.
    const getters = new Map();
    for (const e of m.exports) {
      if (e.name !== '*' && m.exports.filter((o) => o.name === e.name).length > 1) fail(`${rel(m.file)}: '${e.name}' is exported twice`);
      if (e.local !== undefined) getters.set(e.name, e.local);
      else {
        const dep = modules.get(m.deps.get(e.from));
        if (e.imported === '*' && e.name === '*') {
          for (const n of names.get(dep.file)) if (n !== 'default' && !getters.has(n)) getters.set(n, `${dep.id}.${n}`);
        } else if (e.imported === '*') getters.set(e.name, dep.id);
        else {
          if (!names.get(dep.file).has(e.imported)) fail(`${rel(m.file)}: ${rel(dep.file)} has no export named '${e.imported}'`);
          getters.set(e.name, `${dep.id}[${JSON.stringify(e.imported)}]`);
        }
      }
    }
    const props = [...getters.keys()].sort().map((n) => `get ${n}() { return ${getters.get(n)}; }`);

    // Strip the import/export syntax, from the end so that positions stay valid.
    const edits = [...m.edits].sort((a, b) => a.start - b.start);
    for (let k = 1; k < edits.length; k++) if (edits[k].start < edits[k - 1].end) fail(`${rel(m.file)}: overlapping rewrites near line ${lineOf(m.src, edits[k].start)}`);
    let body = m.src;
    for (const e of edits) if (e.dynamic !== undefined) e.text = `Promise.resolve(${modules.get(m.deps.get(e.dynamic)).id})`;
    for (const e of edits.reverse()) body = body.slice(0, e.start) + e.text + body.slice(e.end);

    const code = `// ---- ${rel(m.file)} ----\nconst ${m.id} = await (async () => {\n${head.join('\n')}\n${body}\n;return Object.freeze({ __proto__: null${props.map((p) => `, ${p}`).join('')} });\n})();\n`;
    // Parse each module on its own (as a strict async function body, close to a module body), so
    // that a mistake points at the file it came from.
    checkSyntax(code, rel(m.file));
    parts.push(code);
  }
  return { code: parts.join('\n'), modules: [...modules.values()].map((m) => rel(m.file)) };
}

const AsyncFunction = (async () => {}).constructor;
function checkSyntax(code, what) {
  try {
    new AsyncFunction(`'use strict';\n${code}`);
  } catch (e) {
    fail(`the bundled code of ${what} does not parse (${e.message}); the single-file build cannot handle something in it`);
  }
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
      entries.push(localFile(base, src, where));
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
  checkSyntax(code, 'the whole bundle');
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
