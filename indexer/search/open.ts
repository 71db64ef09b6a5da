/**
 * An index folder opened for questions in Node: the folder read and checked, the embedder that made
 * it reopened from its own state, and for dense vectors the HNSW graph loaded.
 */
import { KojoError, isKojoError } from '../errors/index.ts';
import { embedderSetup, pluginNamed, resolveEmbedder, type Embedder, type EmbedderSetup } from '../embedders/node.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { corruptIndex, DEFAULT_INDEX_DIR, indexFiles, readIndex, type IndexFolder } from '../index-format/node.ts';
import { createEngine, termLookup, type Engine } from './engine.ts';
import { readHnsw, searchHnsw } from './hnsw.ts';
import { t } from '../wording/search-open.ts';

export interface OpenOptions {
  /** `auto` (default): whatever embedder the index was built with. A name must match it. */
  embedder?: string;
  setup?: EmbedderSetup;
}

export interface OpenIndex {
  engine: Engine;
  folder: IndexFolder;
  embedder: Embedder;
  /** Things worth telling the person (e.g. a better embedder is installed), one line each. */
  notes: string[];
}

/**
 * A build may swap the folder while its files are being read one by one: the manifest's build time
 * is read again at the end, and a read that straddled a swap (or failed because of one) starts over.
 */
export async function openIndex(dir: string, options: OpenOptions = {}): Promise<OpenIndex> {
  for (let attempt = 1; ; attempt++) {
    try {
      const opened = await openOnce(dir, options);
      if ((await builtAt(dir)) === opened.folder.manifest.builtAt || attempt === 3) return opened;
    } catch (error) {
      if (attempt === 3 || !isKojoError(error, 'index-corrupt') || (await builtAt(dir)) === undefined) throw error;
    }
  }
}

/**
 * An index kept open across many questions (`kojo ask -`) that follows rebuilds: before each
 * question the manifest's build time is read again (a few hundred bytes), and an index rebuilt
 * since is opened anew — the old one's shards are gone, so every later question would fail.
 */
export interface IndexSession {
  /** The index as it is now: the one already open, or the rebuilt one. */
  current(): Promise<OpenIndex>;
  /** Runs `work` on the current index; a read that a rebuild cut short is run once more on the new one. */
  run<T>(work: (opened: OpenIndex) => Promise<T>): Promise<T>;
}

export function indexSession(dir: string, first: OpenIndex, options: OpenOptions = {}): IndexSession {
  let opened = first;
  const current = async () => {
    const now = await builtAt(dir);
    if (now !== undefined && now !== opened.folder.manifest.builtAt) opened = await openIndex(dir, options);
    return opened;
  };
  return {
    current,
    async run(work) {
      const before = await current();
      try {
        return await work(before);
      } catch (error) {
        if (!isKojoError(error, 'index-corrupt') || (await current()) === before) throw error;
        return work(opened);
      }
    },
  };
}

/** When the index now at `dir` was built, or undefined if that cannot be read. */
async function builtAt(dir: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(join(dir, indexFiles.manifest), 'utf8')) as { builtAt?: string }).builtAt;
  } catch {
    return undefined;
  }
}

async function openOnce(
  dir: string,
  { embedder: choice = 'auto', setup = embedderSetup() }: OpenOptions,
): Promise<OpenIndex> {
  const folder = await readIndex(dir);
  const built = folder.manifest.embedder;
  const notes: string[] = [];
  if (choice !== 'auto' && choice !== built.name) {
    resolveEmbedder(choice, setup); // an unknown name is a usage error first
    throw new KojoError('embedder-mismatch', t('search.open.otherEmbedder', { dir, built: built.id, choice }));
  }
  const plugin = pluginNamed(built.name);
  if (!plugin) throw new KojoError('embedder-unavailable', t('search.open.unknownEmbedder', { dir, built: built.id }));
  const availability = plugin.availability(setup);
  if (!availability.ok)
    throw new KojoError(
      'embedder-unavailable',
      t('search.open.embedderCannotRun', { dir, built: built.id, reason: availability.reason }),
    );
  if (choice === 'auto') {
    const preferred = resolveEmbedder('auto', setup).plugin;
    const rebuild = `kojo build-index${dir === DEFAULT_INDEX_DIR ? '' : ` --out ${dir}`}`;
    if (preferred !== plugin)
      notes.push(t('search.open.betterEmbedder', { dir, built: built.id, preferred: preferred.id, rebuild }));
  }

  let embedder: Embedder;
  const { store } = folder;
  try {
    embedder = await plugin.open(store.entry.embedderState, setup, termLookup(store));
  } catch (error) {
    throw isKojoError(error, 'index-corrupt') ? corruptIndex(dir, `${error.message}`) : error;
  }
  const { hnsw: params, vectors } = folder.manifest;
  if (vectors === 'sparse' || !params) return { engine: createEngine(store, embedder), folder, embedder, notes };
  let hnsw: ReturnType<typeof readHnsw>;
  try {
    hnsw = readHnsw(folder.hnswPath, built.dimension);
    if (hnsw.getCurrentCount() !== folder.manifest.clauseCount) throw new Error('count');
  } catch {
    throw corruptIndex(dir, t('search.open.hnswUnreadable'));
  }
  const engine = createEngine(store, embedder, (vector, k, accept, eligible) =>
    searchHnsw(hnsw, vector, k, accept, params.efSearch, eligible),
  );
  return { engine, folder, embedder, notes };
}
