#!/usr/bin/env node
// The `snp-conformance` command. Node 20 cannot load TypeScript, so the runner (bin/conformance.ts and
// what it imports, the embedded reference included) is bundled into one ES module with esbuild, the way
// vite bundles a TypeScript config file, and imported. A TypeScript loader (tsx) cost ~0.4 s and ~190 MB
// per run here; bundling takes ~0.1 s, and is skipped while none of the bundled files changed. The specs
// themselves are vitest's to load, not this file's.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import v8 from 'node:v8';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

// Heap sizing for the test workers, whose isolates are created after this line (and for this one's later
// growth). A run allocates much short-lived garbage (requests, responses, checks) and keeps ~25 MB live per
// worker; V8's defaults let each worker's heap grow to ~60-110 MB first. A 4 MB young generation and a
// 20% growing step took a full run's peak RSS from ~340 MB to ~260 MB at the same CPU (npm run bench).
// Heap sizing flags only; nothing here changes what the suite does.
v8.setFlagsFromString('--max-semi-space-size=4');
v8.setFlagsFromString('--heap-growing-percent=20');

const ENTRY = fileURLToPath(new URL('./conformance.ts', import.meta.url));

/**
 * Packages stay out of the bundle and are imported by absolute URL, resolved as Node would (esbuild's
 * resolver with the import conditions), so the bundle can live in a temporary folder.
 * @type {import('esbuild').Plugin}
 */
const packagesByAbsoluteUrl = {
  name: 'packages-by-absolute-url',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === 'inner') return undefined;
      const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.external ? resolved.path : pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/**
 * `import.meta.url` keeps meaning the module's own file (several modules find files next to them), as in
 * vite's config bundling.
 * @type {import('esbuild').Plugin}
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = join(tmpdir(), `snp-conformance-${process.getuid?.() ?? 'user'}`);
/** The last bundle of this copy of the suite, and the size and time of every file it was made from. */
const manifestPath = join(dir, `manifest-${createHash('sha256').update(PROJECT_ROOT).digest('hex').slice(0, 16)}.json`);

/** A file's identity for the manifest; the lockfile stands for the packages the bundle imports by path. */
function stamp(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${stats.size}:${stats.mtimeMs}` : 'absent';
}

/** The bundle of the last run when none of its files changed since (this skips esbuild: ~0.1 s). */
function unchangedBundle() {
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!existsSync(manifest.bundle)) return null;
  return Object.entries(manifest.inputs).every(([path, was]) => stamp(path) === was) ? manifest.bundle : null;
}

async function freshBundle() {
  const { build } = await import('esbuild');
  const { outputFiles, metafile } = await build({
    entryPoints: [ENTRY],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'error',
    plugins: [packagesByAbsoluteUrl, ownImportMetaUrl],
  });
  // Named by content, written once and kept: a run that is killed leaves nothing half-written behind, and
  // bundles of other versions are pruned after a day.
  const contents = outputFiles[0].contents;
  const bundle = join(dir, `runner-${createHash('sha256').update(contents).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(bundle)) {
    const partial = `${bundle}.${process.pid}`;
    writeFileSync(partial, contents);
    renameSync(partial, bundle);
  }
  const inputs = [...Object.keys(metafile.inputs).map((path) => join(PROJECT_ROOT, path)), join(PROJECT_ROOT, 'package-lock.json')];
  const manifest = { bundle, inputs: Object.fromEntries(inputs.map((path) => [path, stamp(path)])) };
  writeFileSync(`${manifestPath}.${process.pid}`, JSON.stringify(manifest));
  renameSync(`${manifestPath}.${process.pid}`, manifestPath);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (name.startsWith('runner-') && path !== bundle && Date.now() - modified > 86_400_000) rmSync(path, { force: true });
  }
  return bundle;
}

mkdirSync(dir, { recursive: true });
// A suite error's stack then names the TypeScript files and lines.
process.setSourceMapsEnabled(true);
const kept = unchangedBundle();
try {
  await import(pathToFileURL(kept ?? (await freshBundle())).href);
} catch (error) {
  // A kept bundle imports packages by path; an install that moved one (no lockfile in an installed suite
  // says so) makes it stale: bundle again, once.
  if (kept === null || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  await import(pathToFileURL(await freshBundle()).href);
}
