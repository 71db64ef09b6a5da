/**
 * `npm run build`: the whole pipeline, content → static site.
 *   check → search index (built-in embedder) → Astro build → browser export → Pagefind.
 * Each stage reports on stderr with its time; any failure stops the build with one clear line.
 * `--content`, `--out` and `--index` build another tree elsewhere (the browser tests build fixtures
 * into temporary folders and never touch dist/).
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as astroBuild } from 'astro';
import { assertIncludable, includeList, publishedCorpus } from '../../indexer/corpus/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import {
  builtinPlugin,
  E5_MODEL,
  type EmbedderPlugin,
  e5SitePaths,
  embedderSetup,
  modelFiles,
  resolveEmbedder,
} from '../../indexer/embedders/node.ts';
import { KojoError, osError } from '../../indexer/errors/index.ts';
import { refuseForeign, writeDirAtomically, type Recognise } from '../../indexer/fs/index.ts';
import { indexFiles, searchData, SITE_INDEX_DIR } from '../../indexer/index-format/node.ts';
import { buildIndex } from '../../indexer/search/node.ts';
import { t } from '../../indexer/wording/index.ts';
import { progressReporter } from '../cli/progress.ts';
import { reportError } from '../cli/report.ts';
import { parseToolArgs } from '../cli/tool-args.ts';
import { keywordRecords } from '../../site/lib/keyword-records.ts';
import { siteDataDirs } from '../../site/lib/site-data.ts';
import type { Corpus } from '../../indexer/corpus/index.ts';

/** Written into every site this tool builds, so a later build replaces only a folder it made. */
const SITE_MARKER = '.kojo-site';
/** Sites built before the marker existed: recognisable only by all of what a build writes. */
const legacySite = ['index.html', '_astro', 'pagefind', siteDataDirs.builtin.replace(/\/$/, '')];
const isSiteFolder: Recognise = (entries) =>
  entries.includes(SITE_MARKER) || legacySite.every((e) => entries.includes(e));
/** The wasm builds onnxruntime-web needs single-threaded (no cross-origin isolation on a plain host). */
const ortFiles = ['ort-wasm.wasm', 'ort-wasm-simd.wasm'];

async function stage<T>(name: string, work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  process.stderr.write(`build: ${name} …\n`);
  const result = await work();
  process.stderr.write(`build: ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return result;
}

async function main(): Promise<void> {
  const values = parseToolArgs(
    'build',
    'Builds the static site: check content, search index, Astro, browser export, Pagefind.',
    {
      content: { type: 'string', default: 'content', value: 'DIR', description: 'the content folder' },
      out: {
        type: 'string',
        default: 'dist',
        value: 'DIR',
        description: 'where to write the site (replaced only when complete)',
      },
      index: {
        type: 'string',
        default: SITE_INDEX_DIR,
        value: 'DIR',
        description: 'where to write the search index the site is built from',
      },
      'include-official': {
        type: 'string',
        default: '',
        value: 'KEYS',
        description:
          "also publish these guidelines' imported official text (comma-separated; only for a private copy you may share)",
      },
    },
  );
  const include = includeList(values['include-official']);
  const contentDir = resolve(values.content);
  const out = resolve(values.out);
  const started = performance.now();
  // Offline plants: Astro must not try to send usage data.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // A site build is a production build whoever starts it: under NODE_ENV=test (vitest) Astro's
  // build finishes but leaves the process running.
  process.env.NODE_ENV = 'production';
  const bundleE5 = process.env.KOJO_BUNDLE_MODEL === '1';
  const setup = embedderSetup();
  // Sites built before the marker existed are recognisable by their search data.
  refuseForeign(out, isSiteFolder, SITE_MARKER);
  const loaded = await stage('check content', () => loadValidContent(contentDir));
  assertIncludable(loaded.guidelines, include);
  const corpus = publishedCorpus(loaded, include);
  for (const i of loaded.imports) {
    const shown = corpus.imports.includes(i);
    process.stderr.write(
      `build: ${i.guideline} official text ${shown ? 'published' : 'kept out of the site (not publishable; --include-official to opt in)'}\n`,
    );
  }
  // Resolve first: a missing model must stop the build before anything is written.
  const e5 = bundleE5 ? resolveEmbedder('e5', setup).plugin : null;
  const indexes: { dir: string; plugin: EmbedderPlugin; dataDir: string }[] = [
    { dir: values.index, plugin: builtinPlugin, dataDir: siteDataDirs.builtin },
  ];
  if (e5) indexes.push({ dir: `${values.index}-e5`, plugin: e5, dataDir: siteDataDirs.e5 });
  for (const { dir, plugin } of indexes) {
    await stage(`search index (${plugin.id})`, () =>
      buildIndex(corpus, {
        contentDir,
        out: dir,
        embedder: plugin,
        setup,
        onProgress: progressReporter(`build: ${plugin.name} embedding`),
      }),
    );
  }
  // The previous site keeps serving until the new one is complete (and stays if the build fails).
  await writeDirAtomically(
    out,
    SITE_MARKER,
    async (tmp) => {
      await pages(tmp, contentDir, Boolean(e5), include);
      await exportData(tmp, indexes, e5 ? setup.modelRoot : null);
      await searchIndex(tmp, corpus, out);
    },
    isSiteFolder,
  );
  process.stderr.write(`build: site ready in ${out}/ (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

function pages(out: string, contentDir: string, e5: boolean, include: string[]) {
  return stage('astro build', () =>
    astroBuild({
      root: process.cwd(),
      outDir: out,
      logLevel: 'warn',
      // What the pages read: the content tree, and whether the search page may offer e5.
      vite: {
        define: {
          'import.meta.env.KOJO_CONTENT_DIR': JSON.stringify(contentDir),
          'import.meta.env.KOJO_E5': JSON.stringify(e5 ? '1' : ''),
          'import.meta.env.KOJO_INCLUDE_OFFICIAL': JSON.stringify(include.join(',')),
        },
      },
    }),
  );
}

function exportData(out: string, indexes: { dir: string; dataDir: string }[], modelRoot: string | null) {
  return stage('browser export', async () => {
    for (const { dir, dataDir } of indexes)
      await cp(join(dir, indexFiles.browser), join(out, dataDir), { recursive: true });
    if (modelRoot) {
      for (const file of modelFiles)
        await cp(join(modelRoot, E5_MODEL, file), join(out, e5SitePaths.models, E5_MODEL, file));
      const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
      await mkdir(join(out, e5SitePaths.wasm), { recursive: true });
      for (const file of ortFiles) await cp(join(ortDist, file), join(out, e5SitePaths.wasm, file));
    }
  });
}

/** Keyword mode's index: one Pagefind record per clause (see site/lib/keyword-records.ts), ranked by Pagefind's own score. */
function searchIndex(out: string, corpus: Corpus, site: string) {
  return stage('pagefind (extended, Japanese segmentation)', async () => {
    const records = keywordRecords(searchData(corpus));
    const scratch = await mkdtemp(join(tmpdir(), 'kojo-pagefind-'));
    try {
      const recordsFile = join(scratch, 'records.json');
      await writeFile(recordsFile, JSON.stringify(records));
      await runPagefind(recordsFile, join(out, 'pagefind'), site);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    process.stderr.write(`build: pagefind indexed ${records.length} clauses\n`);
  });
}

/**
 * Runs the Pagefind stage in a process of its own (see pagefind-stage.ts) and turns its failure into
 * one line — a full disk said as such — so the build fails cleanly: the folder it was writing and
 * its lock are removed and the previous site stays as it was.
 */
function runPagefind(recordsFile: string, outputPath: string, shownAs: string): Promise<void> {
  const script = fileURLToPath(new URL('./pagefind-stage.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script, recordsFile, outputPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    // The end is what says why; a backtrace can be long.
    stderr = (stderr + d).slice(-16_000);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      if (/no space left on device|os error 28|ENOSPC/i.test(stderr))
        return reject(
          osError(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), 'write', shownAs, {
            code: 'site-build',
            kept: t('build.keptSite'),
          }),
        );
      const said = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^(at |note: |stack backtrace:|\d+: )/.test(l));
      const why = said.find((l) => /panicked|error/i.test(l)) ?? said.at(-1) ?? `exit ${signal ?? code}`;
      reject(new KojoError('site-build', t('build.pagefindFailed', { why: why.slice(0, 300) })));
    });
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = reportError('build', error);
}
