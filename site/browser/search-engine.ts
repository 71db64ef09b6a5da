/**
 * The question search in the browser: the exported index read and checked by the index format's
 * browser reader, the embedder reopened from its own state, and the engine the CLI runs (ranking in
 * indexer/search), with a scan over int8 vectors in place of HNSW.
 */
import { KojoError } from '../../indexer/errors/index.ts';
import { browserEmbedders } from '../../indexer/embedders/browser.ts';
import { readBrowserIndex } from '../../indexer/index-format/index.ts';
import { createEngine, searchQuantized, type Engine } from '../../indexer/search/index.ts';
import { siteDataDirs } from '../lib/site-data.ts';

export type Variant = keyof typeof siteDataDirs;

export async function loadEngine(base: string, variant: Variant = 'builtin'): Promise<Engine> {
  const dir = `${base}${siteDataDirs[variant]}`;
  const index = await readBrowserIndex(dir);
  // Start-up in pieces with the page free in between: no one long main-thread task (issue 10).
  await pause();
  const open = browserEmbedders[index.manifest.embedder.name];
  if (!open) throw new KojoError('embedder-unavailable', `this site cannot compute questions for ${index.manifest.embedder.id}`);
  const embedder = await open(index.embedderState, base);
  await pause();
  const { bytes, scales } = index;
  const { dimension } = index.manifest.embedder;
  return createEngine(index, embedder, (vector, k, accept) => searchQuantized(bytes, scales, dimension, vector, k, accept), dir);
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
