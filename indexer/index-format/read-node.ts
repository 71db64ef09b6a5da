/**
 * Opens an index folder, refusing anything missing, truncated or of another format with one clear
 * sentence instead of a crash deep inside a parser — or wrong answers from a number that is not one.
 * Every file is checked against schema.ts; what the OS refuses (permissions) is said as such.
 */
import { NOTES_KEY } from '../corpus/index.ts';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { errnoCode, KojoError, osError } from '../errors/index.ts';
import { recoverAbandoned } from './atomic-dir.ts';
import { checkLexical, checkManifest, corruptIndex, firstIssue } from './errors.ts';
import { withDirLock } from './lock.ts';
import type { z } from 'zod';
import { EmbedderState, indexFiles, Manifest, SearchData, type IndexContents } from './schema.ts';

export interface IndexFolder extends Omit<IndexContents, 'manifest'> {
  manifest: Manifest;
  dir: string;
  /** Float32 vectors in clause order. */
  vectors: Float32Array[];
  /** The HNSW graph file, for the searcher to read. */
  hnswPath: string;
}

/** How long a reader waits for a build that is swapping the folder in right now. */
const READER_WAIT_MS = 5_000;

export async function readIndex(dir: string): Promise<IndexFolder> {
  // No folder: a build may be swapping it in right now (wait for it), or one killed mid-swap may
  // have left the previous index aside (put it back). Best effort: a reader may not write here.
  if (!existsSync(dir) && existsSync(dirname(dir))) await withDirLock(dir, () => recoverAbandoned(dir), { waitMs: READER_WAIT_MS }).catch(() => undefined);
  const missing = (file: string) => (error: unknown) => {
    const code = errnoCode(error);
    if (code === 'ENOENT') return null;
    throw osError(error, 'read', file === '.' ? dir : join(dir, file));
  };
  const folder = await stat(dir).catch(missing('.'));
  if (folder && !folder.isDirectory()) throw new KojoError('index-missing', `no index at ${dir}: it is a file, not an index folder; pass --index DIR`);
  if (!(await stat(join(dir, indexFiles.manifest)).catch(missing(indexFiles.manifest)))) {
    throw new KojoError(
      'index-missing',
      folder ? `no index manifest in ${dir} (an unfinished build?); run "kojo build-index"` : `no index at ${dir}; run "kojo build-index" first (or pass --index DIR)`,
    );
  }
  const readBytes = async (file: string): Promise<Buffer> => {
    const bytes = await readFile(join(dir, file)).catch(missing(file));
    if (!bytes) throw corruptIndex(dir, `${file}: missing`);
    return bytes;
  };
  const readText = async (file: string): Promise<string> => (await readBytes(file)).toString('utf8');
  const readJson = async (file: string): Promise<unknown> => {
    const text = await readText(file);
    try {
      return JSON.parse(text);
    } catch {
      throw corruptIndex(dir, `${file}: unreadable JSON`);
    }
  };
  /** A JSON file checked against its schema, naming where it first departs from it. */
  const readValid = async <S extends z.ZodTypeAny>(file: string, schema: S): Promise<z.output<S>> => {
    const parsed = schema.safeParse(await readJson(file));
    if (!parsed.success) throw corruptIndex(dir, `${file} does not match the format: ${firstIssue(parsed.error)}`);
    return parsed.data;
  };

  const manifest = checkManifest(dir, await readJson(indexFiles.manifest), Manifest);
  const data = await readValid(indexFiles.data, SearchData);
  if (data.clauses.length !== manifest.clauseCount) {
    throw corruptIndex(dir, `${indexFiles.data} has ${data.clauses.length} clauses, the manifest ${manifest.clauseCount}`);
  }
  const keys = new Set(data.guidelines.map((g) => g.key));
  // A note ranks in the notes group (NOTES_KEY); every other entry belongs to a guideline of the index.
  const stray = data.clauses.find((c) => (c.kind === 'note' ? c.guideline !== NOTES_KEY : !keys.has(c.guideline)));
  if (stray) throw corruptIndex(dir, `${indexFiles.data}: clause ${stray.id} belongs to no guideline of the index`);
  const embedderState = (await stat(join(dir, indexFiles.embedderState)).catch(missing(indexFiles.embedderState)))
    ? await readValid(indexFiles.embedderState, EmbedderState)
    : null;

  const { dimension } = manifest.embedder;
  const expected = manifest.clauseCount * dimension * 4;
  const size = (await stat(join(dir, indexFiles.vectors)).catch(missing(indexFiles.vectors)))?.size ?? -1;
  if (size !== expected) throw corruptIndex(dir, `${indexFiles.vectors} has ${size < 0 ? 'gone missing' : `${size} bytes, expected ${expected}`}`);
  const buffer = await readBytes(indexFiles.vectors);
  const flat = new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  // NaN or Infinity would not fail anywhere: they would only rank every clause wrongly.
  const bad = flat.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw corruptIndex(dir, `${indexFiles.vectors} holds ${flat[bad]} in clause ${Math.floor(bad / dimension) + 1}`);
  const vectors = Array.from({ length: manifest.clauseCount }, (_, i) => flat.subarray(i * dimension, (i + 1) * dimension));

  const lexical = checkLexical(dir, await readText(indexFiles.lexical), manifest.clauseCount);

  return { dir, manifest, data, embedderState, vectors, lexical, hnswPath: join(dir, indexFiles.hnsw) };
}
