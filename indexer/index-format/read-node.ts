import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { errnoCode, KojoError, osError } from '../errors/index.ts';
import { recoverAbandoned, withDirLock } from '../fs/index.ts';
import { checkManifest, corruptIndex } from './errors.ts';
import { browserFiles, FaqRecords, indexFiles, Manifest, type FaqRecord } from './schema.ts';
import { openStore, type IndexStore } from './store.ts';

export interface IndexFolder {
  manifest: Manifest;
  dir: string;
  store: IndexStore;
  /** The HNSW graph file (dense storage), for the searcher to read. */
  hnswPath: string;
  /** The FAQ entries, read on first call (only `kojo ask` needs them). */
  faq(): Promise<FaqRecord[]>;
}

/** How long a reader waits for a build that is swapping the folder in right now. */
const READER_WAIT_MS = 5_000;

export async function readIndex(dir: string): Promise<IndexFolder> {
  // No folder: a build may be swapping it in right now (wait for it), or one killed mid-swap may
  // have left the previous index aside (put it back). Best effort: a reader may not write here.
  if (!existsSync(dir) && existsSync(dirname(dir)))
    await withDirLock(dir, () => recoverAbandoned(dir), { waitMs: READER_WAIT_MS }).catch(() => undefined);
  const missing = (file: string) => (error: unknown) => {
    const code = errnoCode(error);
    if (code === 'ENOENT') return null;
    throw osError(error, 'read', file === '.' ? dir : join(dir, file));
  };
  const folder = await stat(dir).catch(missing('.'));
  if (folder && !folder.isDirectory())
    throw new KojoError('index-missing', `no index at ${dir}: it is a file, not an index folder; pass --index DIR`);
  if (!(await stat(join(dir, indexFiles.manifest)).catch(missing(indexFiles.manifest)))) {
    throw new KojoError(
      'index-missing',
      folder
        ? `no index manifest in ${dir} (an unfinished build?); run "kojo build-index"`
        : `no index at ${dir}; run "kojo build-index" first (or pass --index DIR)`,
    );
  }
  const readBytes = async (file: string): Promise<Buffer> => {
    const bytes = await readFile(join(dir, file)).catch(missing(file));
    if (!bytes) throw corruptIndex(dir, `${file}: missing`);
    return bytes;
  };
  const readJson = async (file: string): Promise<unknown> => {
    const text = (await readBytes(file)).toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      throw corruptIndex(dir, `${file}: unreadable JSON`);
    }
  };

  const manifest = checkManifest(dir, await readJson(indexFiles.manifest), Manifest);
  const entry = await readBytes(join(indexFiles.browser, browserFiles.entry));
  const read = async (file: string): Promise<Uint8Array | null> => {
    if (file === browserFiles.entry) return entry;
    const bytes = await readFile(join(dir, indexFiles.browser, file)).catch(missing(join(indexFiles.browser, file)));
    if (bytes) return bytes;
    const now = await readFile(join(dir, indexFiles.manifest), 'utf8').catch(() => '');
    if (!now.includes(JSON.stringify(manifest.builtAt)))
      throw new KojoError('index-corrupt', `index at ${dir} was rebuilt while this kojo was reading it; ask again`);
    return null;
  };
  const present = (folder: string) =>
    readdir(join(dir, indexFiles.browser, folder)).then(
      (files) => files.length,
      () => 0,
    );
  const store = await openStore(dir, read, { present });
  if (store.entry.manifest.builtAt !== manifest.builtAt || store.entry.manifest.clauseCount !== manifest.clauseCount) {
    throw corruptIndex(dir, `${indexFiles.browser}/ belongs to another build than manifest.json`);
  }
  let faq: Promise<FaqRecord[]> | undefined;
  const readFaq = async () => {
    const parsed = FaqRecords.safeParse(await readJson(indexFiles.faq));
    if (!parsed.success) throw corruptIndex(dir, `${indexFiles.faq}: not a list of FAQ entries`);
    return parsed.data;
  };
  return { dir, manifest, store, hnswPath: join(dir, indexFiles.hnsw), faq: () => (faq ??= readFaq()) };
}
