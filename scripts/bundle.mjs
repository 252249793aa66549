// Builds the served page's JavaScript into www/pkg: www/main.js and every module it imports as two
// minified modules that index.html asks for at once (no request waits for another): main.js, and
// shared.js with the modules the parts loaded on use import too (the wasm glue, the words, the
// link's rules), so that there is one instance of each. Each part loaded on use (the lesson path,
// the network stage, export, slow motion, the embed builder, the other language) is a module of its
// own, importing shared.js; code only they share is a chunk esbuild splits off. esbuild has no
// "chunk under a fixed name", hence the three builds and the small plugin below.
//
// Usage: node scripts/bundle.mjs   (run by scripts/build.sh after the wasm is built)
import { build, buildSync } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The page's module (source), what index.html loads (built), and esbuild's account of the build. */
export const PAGE = { source: 'www/main.js', built: 'www/pkg/main.js', shared: 'www/pkg/shared.js', meta: 'www/pkg/bundle-meta.json' };
/** The page's stylesheet (source) and what index.html loads: the same rules, minified (a third of
 * its bytes gzip are comments and spaces). */
export const STYLE = { source: 'www/style.css', built: 'www/pkg/style.css' };

/**
 * From the account (`outputs` of esbuild's metafile, paths relative to the root): the files the
 * page loads at start (the bundle and the chunks it imports statically) and the sources in them.
 */
export function firstLoad(outputs) {
  const files = new Set();
  const visit = (f) => {
    if (files.has(f) || !outputs[f]) return;
    files.add(f);
    for (const i of outputs[f].imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(PAGE.built);
  const sources = new Set([...files].flatMap((f) => Object.keys(outputs[f].inputs)));
  return { files: [...files], sources };
}

/**
 * The modules the page imports with import('./x.js'): entry points too, so each part keeps its
 * name (www/pkg/tour.js, …) rather than a hash. The wasm glue stays inside its importer's chunk.
 */
function loadedOnUse() {
  const found = new Set();
  for (const f of readdirSync(join(ROOT, 'www')).filter((f) => f.endsWith('.js'))) {
    for (const m of readFileSync(join(ROOT, 'www', f), 'utf8').matchAll(/import\('\.\/([\w-]+\.js)'\)/g)) found.add(`www/${m[1]}`);
  }
  return [...found].sort();
}

const OUT = join(ROOT, dirname(PAGE.built));
const COMMON = { bundle: true, format: 'esm', target: 'es2022', minify: true, metafile: true, logLevel: 'silent', absWorkingDir: ROOT };
const rel = (abs) => relative(ROOT, abs).split(sep).join('/');

/**
 * `import('./x.js')` stays a request for the part x.js, built as an entry of its own beside the
 * page's modules; `strict` refuses any other form (its path would not hold in www/pkg).
 */
const partsByName = (strict) => ({
  name: 'parts-by-name',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (a) => {
      if (a.kind !== 'dynamic-import') return undefined;
      if (strict && !/^\.\/[\w-]+\.js$/.test(a.path)) return { errors: [{ text: `${a.path}: a part loaded on use is imported as './name.js'` }] };
      return { path: a.path, external: true };
    });
  },
});

/**
 * Imports of the modules in shared.js become reads of its namespaces (m0, m1, …): one instance of
 * each for the page and its parts. Each module's stand-in is written once, for both builds.
 */
function fromShared(shared) {
  const standIns = new Map(shared.map((path, i) => [path, standIn(path, `m${i}`)]));
  return {
    name: 'from-shared',
    setup(build) {
      build.onResolve({ filter: /^\.\/shared\.js$/, namespace: 'shared' }, () => ({ path: './shared.js', external: true }));
      build.onResolve({ filter: /^\./ }, (a) => {
        if (a.kind !== 'import-statement' || a.namespace !== 'file') return undefined;
        const path = rel(resolve(a.resolveDir, a.path));
        return standIns.has(path) ? { path, namespace: 'shared' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'shared' }, (a) => standIns.get(a.path));
    },
  };
}

/** The module that stands for `path` outside shared.js: the names it exports, read from `m`. */
function standIn(path, m) {
  // A copy of each binding: one the module reassigns later would go stale.
  if (/^export\s+(let|var)\b/m.test(readFileSync(join(ROOT, path), 'utf8'))) {
    return { errors: [{ text: `${path}: a module in shared.js exports no let or var` }] };
  }
  const { metafile } = buildSync({ ...COMMON, entryPoints: [path], bundle: false, minify: false, write: false, outdir: OUT });
  const names = Object.values(metafile.outputs)[0].exports;
  const named = names.filter((n) => n !== 'default');
  return {
    contents: [
      `import { ${m} } from './shared.js';`,
      named.length ? `export const { ${named.join(', ')} } = ${m};` : '',
      names.includes('default') ? `export default ${m}.default;` : '',
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'js',
  };
}

/** The sources in the static module graph of `entries` (each part's own, imports on use left out). */
async function staticGraph(entries) {
  const { metafile } = await build({ ...COMMON, entryPoints: entries, outdir: OUT, write: false, plugins: [partsByName(false)] });
  return new Set(Object.keys(metafile.inputs));
}

function check(result) {
  // A warning means code that would break at run time (an import esbuild cannot follow).
  if (result.warnings.length) throw new Error(result.warnings.map((m) => `${m.location?.file ?? ''}:${m.location?.line ?? ''}: ${m.text}`).join('; '));
  return result.metafile.outputs;
}

/** esbuild's account of its outputs, with the imports of shared.js and the parts as their files. */
function named(outputs) {
  for (const o of Object.values(outputs)) {
    for (const i of o.imports ?? []) if (i.external && i.path.startsWith('./')) i.path = `${rel(OUT)}/${i.path.slice(2)}`;
  }
  return outputs;
}

export async function bundlePage() {
  // Chunks of an earlier build are named by their old contents.
  for (const f of existsSync(OUT) ? readdirSync(OUT) : []) if (/^chunk-.*\.js$/.test(f)) rmSync(join(OUT, f));
  const parts = loadedOnUse();
  const page = await staticGraph([PAGE.source]);
  const used = await staticGraph(parts);
  const shared = [...page].filter((p) => used.has(p)).sort();
  const reads = fromShared(shared);
  const outputs = {
    ...named(check(await build({
      ...COMMON, outfile: join(ROOT, PAGE.shared), plugins: [partsByName(true)],
      stdin: { contents: shared.map((p, i) => `export * as m${i} from ${JSON.stringify(`./${p}`)};`).join('\n'), resolveDir: ROOT, loader: 'js', sourcefile: 'shared.js' },
    }))),
    ...named(check(await build({ ...COMMON, entryPoints: [PAGE.source], outfile: join(ROOT, PAGE.built), plugins: [partsByName(true), reads] }))),
    ...named(check(await build({
      ...COMMON, entryPoints: parts, outdir: OUT, splitting: true, entryNames: '[name]', chunkNames: 'chunk-[hash]', plugins: [reads],
    }))),
  };
  writeFileSync(join(ROOT, PAGE.meta), `${JSON.stringify(outputs, null, 1)}\n`);
  // No target: the rules are kept as written, not lowered for older browsers.
  buildSync({ entryPoints: [STYLE.source], outfile: join(ROOT, STYLE.built), minify: true, logLevel: 'silent', absWorkingDir: ROOT });
  return outputs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const outputs = await bundlePage();
    const { files } = firstLoad(outputs);
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(ROOT, f)), { level: 9 }).length, 0);
    console.log(`built ${PAGE.built} from ${PAGE.source}: ${files.length} files at start (${gz} bytes gzip), ${Object.keys(outputs).length - files.length} loaded on use`);
    console.log(`built ${STYLE.built} from ${STYLE.source}: ${gzipSync(readFileSync(join(ROOT, STYLE.built)), { level: 9 }).length} bytes gzip`);
  } catch (e) {
    console.error(`bundle: ${e.errors?.map((m) => m.text).join('; ') ?? e.message}`);
    process.exit(1);
  }
}
