/**
 * `npm run build`: the whole pipeline, content → static site in dist/.
 *   check → search index (built-in embedder) → browser export → Astro build → Pagefind.
 * Each stage reports on stderr with its time; any failure stops the build with one clear line.
 */
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build as astroBuild } from 'astro';
import * as pagefind from 'pagefind';
import { buildIndex } from '../indexer/build.ts';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { E5_MODEL, modelFiles, modelRoot } from '../indexer/embedders/e5.ts';
import { createEmbedder, resolveEmbedder } from '../indexer/embedders/select.ts';
import { progressReporter } from '../indexer/progress.ts';
import { reportError } from './cli-error.ts';
import { loadValidContent } from './load-valid-content.ts';

const contentDir = 'content';
const siteIndex = '.kojo/site-index';
const siteIndexE5 = '.kojo/site-index-e5';
const publicData = 'site/public/search-data';
const publicModels = 'site/public/models';
const publicOrt = 'site/public/ort';
const dist = 'dist';
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
  const started = performance.now();
  const corpus = await stage('check content', () => loadValidContent(contentDir));
  await stage('search index (built-in embedder, as the browser computes queries with it)', () => {
    const resolved = resolveEmbedder('builtin');
    return buildIndex(corpus, {
      contentDir,
      out: siteIndex,
      embedder: (state) => createEmbedder(resolved, state),
      onProgress: progressReporter('build: embedding'),
    });
  });
  await stage('browser export', async () => {
    for (const dir of [publicData, publicModels, publicOrt]) await rm(dir, { recursive: true, force: true });
    await mkdir(publicData, { recursive: true });
    await cp(join(siteIndex, 'browser'), publicData, { recursive: true });
  });
  if (process.env.KOJO_BUNDLE_MODEL === '1') {
    await stage('e5 model bundle (KOJO_BUNDLE_MODEL=1)', async () => {
      const resolved = resolveEmbedder('e5');
      const root = modelRoot();
      await buildIndex(corpus, {
        contentDir,
        out: siteIndexE5,
        embedder: (state) => createEmbedder(resolved, state, root),
        onProgress: progressReporter('build: e5 embedding'),
      });
      await cp(join(siteIndexE5, 'browser'), join(publicData, 'e5'), { recursive: true });
      for (const file of modelFiles) await cp(join(root, E5_MODEL, file), join(publicModels, E5_MODEL, file));
      const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
      for (const file of ortFiles) await cp(join(ortDist, file), join(publicOrt, file));
    });
  }
  await stage('astro build', () => astroBuild({ root: process.cwd(), logLevel: 'warn' }));
  await stage('pagefind (extended, Japanese segmentation)', async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    process.stderr.write(`build: pagefind indexed ${added.page_count} pages\n`);
    const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await pagefind.close();
  });
  process.stderr.write(`build: site ready in ${dist}/ (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

try {
  await main();
} catch (error) {
  process.exitCode = reportError('build', error);
}
