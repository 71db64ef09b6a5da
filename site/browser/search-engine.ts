/**
 * The question search in the browser: the published index opened lazily by the index format's
 * browser reader (the entry now, shards as questions need them), the embedder reopened from its own
 * state, and the engine the CLI runs (indexer/search), with exact sparse search or a scan over int8
 * rows in place of HNSW.
 */
import { KojoError } from '../../indexer/errors/index.ts';
import { browserEmbedders } from '../../indexer/embedders/browser.ts';
import { readBrowserIndex } from '../../indexer/index-format/index.ts';
import { createEngine, termLookup, type Engine } from '../../indexer/search/index.ts';
import { siteDataDirs } from '../lib/site-data.ts';

export type Variant = keyof typeof siteDataDirs;

export async function loadEngine(base: string, variant: Variant = 'builtin'): Promise<Engine> {
  const dir = `${base}${siteDataDirs[variant]}`;
  const store = await readBrowserIndex(dir);
  // Start-up in pieces with the page free in between: no one long main-thread task (issue 10).
  await pause();
  const { embedder: built } = store.entry.manifest;
  const open = browserEmbedders[built.name];
  if (!open) throw new KojoError('embedder-unavailable', `this site cannot compute questions for ${built.id}`);
  const embedder = await open(store.entry.embedderState, base, termLookup(store));
  await pause();
  return createEngine(store, embedder);
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
