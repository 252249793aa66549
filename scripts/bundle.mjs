// Builds the served page's JavaScript into www/pkg: www/main.js and every module it imports as one
// minified module, main.js, with the wasm glue in it, and each part loaded on use (the lesson path,
// the network stage, export, slow motion, the embed builder, the other language) as a chunk of its
// own that esbuild splits off. One request and a third of the bytes, instead of thirty modules.
//
// Usage: node scripts/bundle.mjs   (run by scripts/build.sh after the wasm is built)
import { buildSync } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The page's module (source), what index.html loads (built), and esbuild's account of the build. */
export const PAGE = { source: 'www/main.js', built: 'www/pkg/main.js', meta: 'www/pkg/bundle-meta.json' };

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

export function bundlePage() {
  // Chunks of an earlier build are named by their old contents.
  const out = join(ROOT, dirname(PAGE.built));
  for (const f of existsSync(out) ? readdirSync(out) : []) if (/^chunk-.*\.js$/.test(f)) rmSync(join(out, f));
  const result = buildSync({
    entryPoints: [PAGE.source, ...loadedOnUse()],
    outdir: join(ROOT, dirname(PAGE.built)),
    bundle: true, splitting: true, format: 'esm', target: 'es2022', minify: true,
    entryNames: '[name]', chunkNames: 'chunk-[hash]', metafile: true, logLevel: 'silent', absWorkingDir: ROOT,
  });
  // A warning means code that would break at run time (an import esbuild cannot follow).
  if (result.warnings.length) throw new Error(result.warnings.map((m) => `${m.location?.file ?? ''}:${m.location?.line ?? ''}: ${m.text}`).join('; '));
  writeFileSync(join(ROOT, PAGE.meta), `${JSON.stringify(result.metafile.outputs, null, 1)}\n`);
  return result.metafile.outputs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const outputs = bundlePage();
    const { files } = firstLoad(outputs);
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(ROOT, f)), { level: 9 }).length, 0);
    console.log(`built ${PAGE.built} from ${PAGE.source}: ${files.length} files at start (${gz} bytes gzip), ${Object.keys(outputs).length - files.length} loaded on use`);
  } catch (e) {
    console.error(`bundle: ${e.errors?.map((m) => m.text).join('; ') ?? e.message}`);
    process.exit(1);
  }
}
