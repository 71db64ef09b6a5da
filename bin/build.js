/**
 * The CLI bundle (bin/dist/): how it is built — by `npm run build:cli` (`node bin/build.js`) and by
 * bin/kojo.js when the sources changed since — and whether it is older than its sources.
 *
 * Staleness is a fingerprint of every file of the sources (their count, so a deleted file counts,
 * and the sum of their mtimes), recorded in bin/dist/sources.json when built. Taking it stats about
 * 130 files: ~4 ms on an idle machine, measured; a sum rather than the newest mtime, so a file put
 * back with an older date (a checkout, `cp -p`) counts as a change too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'bin', 'dist');
const entry = join(dist, 'kojo.js');
const stampFile = join(dist, 'sources.json');
/** The PDF reader's worker thread, an entry of its own (indexer/import/pdf-thread.ts starts it). */
const pdfWorker = join(root, 'indexer', 'import', 'pdf-worker.ts');
/** Everything the bundle is made of: the CLI, the library it bundles, the version it prints, this recipe. */
const SOURCES = ['scripts', 'indexer', 'package.json', 'bin/build.js'];

/** The sources' fingerprint and the most recently changed file (for the message); null where there are no sources. */
function sourcesState() {
  let count = 0;
  let sum = 0;
  let newest = { mtime: 0, path: '' };
  const take = (path) => {
    const mtime = Math.trunc(statSync(path).mtimeMs);
    count++;
    sum += mtime;
    if (mtime > newest.mtime) newest = { mtime, path };
  };
  try {
    for (const source of SOURCES) {
      const path = join(root, source);
      if (source.includes('.')) take(path);
      else
        for (const entry of readdirSync(path, { recursive: true, withFileTypes: true }))
          if (entry.isFile()) take(join(entry.parentPath ?? entry.path, entry.name));
    }
  } catch {
    return null; // an installed copy without its sources: the bundle is all there is
  }
  return { fingerprint: `${count}:${sum}`, newest: { mtime: newest.mtime, path: relative(root, newest.path) } };
}

/**
 * Whether bin/dist must be built before it runs: `missing`, `stale` (naming what changed last), or
 * null when it matches its sources (or has no sources to match).
 */
export function bundleState() {
  const now = sourcesState();
  if (!now) return null;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return { why: statSync(entry, { throwIfNoEntry: false }) ? 'stale' : 'missing', changed: now.newest.path };
  }
  if (stamp.fingerprint === now.fingerprint) return null;
  return { why: 'stale', changed: now.newest.mtime > (stamp.newest?.mtime ?? 0) ? now.newest.path : 'the sources' };
}

/** The bundle must not be half-written for a kojo starting meanwhile: each file lands by rename. */
function writeWhole(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/**
 * Builds bin/dist/. `clean` empties it first (npm run build:cli); a rebuild at start-up does not,
 * so a kojo already running keeps the chunks it has yet to load: chunks land first, the entry last.
 */
export async function buildCli({ clean = false } = {}) {
  // Taken before building: a source saved during the build makes the next start rebuild.
  const state = sourcesState();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: {
      kojo: join(root, 'scripts', 'kojo.ts'),
      ...(existsSync(pdfWorker) && { 'pdf-worker': pdfWorker }),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    splitting: true,
    outdir: dist,
    write: false,
    logLevel: 'silent',
  });
  if (clean) rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const files = result.outputFiles.sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeWhole(file.path, file.contents);
  }
  if (state) writeWhole(stampFile, `${JSON.stringify(state)}\n`);
  return result.warnings;
}

/** esbuild's first error (or a warning) as one line: `scripts/x.ts:3:7: Expected ";"`. */
export function buildFailure(error) {
  const first = error?.errors?.[0];
  if (!first) return String(error?.message ?? error).split('\n')[0];
  const at = first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
  return `${at}${first.text}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    for (const warning of await buildCli({ clean: true }))
      process.stderr.write(`build:cli: warning: ${buildFailure({ errors: [warning] })}\n`);
  } catch (error) {
    process.stderr.write(`build:cli: ${buildFailure(error)}\n`);
    process.exitCode = 1;
  }
}
