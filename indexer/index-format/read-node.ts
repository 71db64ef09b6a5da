/**
 * Opens an index folder, refusing anything missing, truncated or of another format with one clear
 * sentence instead of a crash deep inside a parser.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KojoError } from '../errors/index.ts';
import { recoverAbandoned } from './atomic-dir.ts';
import { checkManifest, corruptIndex } from './errors.ts';
import { indexFiles, Manifest, SearchData, type IndexContents } from './schema.ts';

export interface IndexFolder extends Omit<IndexContents, 'manifest'> {
  manifest: Manifest;
  dir: string;
  /** Float32 vectors in clause order. */
  vectors: Float32Array[];
  /** The HNSW graph file, for the searcher to read. */
  hnswPath: string;
}

export async function readIndex(dir: string): Promise<IndexFolder> {
  // A build killed mid-swap may have left the previous index aside: put it back first.
  if (!existsSync(dir)) await recoverAbandoned(dir);
  if (!existsSync(join(dir, indexFiles.manifest))) {
    throw new KojoError(
      'index-missing',
      existsSync(dir)
        ? `no index manifest in ${dir} (an unfinished build?); run "kojo build-index"`
        : `no index at ${dir}; run "kojo build-index" first (or pass --index DIR)`,
    );
  }
  const readText = async (file: string): Promise<string> => {
    try {
      return await readFile(join(dir, file), 'utf8');
    } catch {
      throw corruptIndex(dir, `${file}: missing`);
    }
  };
  const readJson = async (file: string): Promise<unknown> => {
    const text = await readText(file);
    try {
      return JSON.parse(text);
    } catch {
      throw corruptIndex(dir, `${file}: unreadable JSON`);
    }
  };
  const manifest = checkManifest(dir, await readJson(indexFiles.manifest), Manifest);
  const data = SearchData.safeParse(await readJson(indexFiles.data));
  if (!data.success || data.data.clauses.length !== manifest.clauseCount) throw corruptIndex(dir, `${indexFiles.data} does not match the manifest`);
  const embedderState = existsSync(join(dir, indexFiles.embedderState)) ? await readJson(indexFiles.embedderState) : null;

  const { dimension } = manifest.embedder;
  const vectorsPath = join(dir, indexFiles.vectors);
  const expected = manifest.clauseCount * dimension * 4;
  const size = await stat(vectorsPath).then((s) => s.size, () => -1);
  if (size !== expected) throw corruptIndex(dir, `${indexFiles.vectors} has ${size < 0 ? 'gone missing' : `${size} bytes, expected ${expected}`}`);
  const buffer = await readFile(vectorsPath);
  const flat = new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  const vectors = Array.from({ length: manifest.clauseCount }, (_, i) => flat.subarray(i * dimension, (i + 1) * dimension));

  return { dir, manifest, data: data.data, embedderState, vectors, lexicalJson: await readText(indexFiles.lexical), hnswPath: join(dir, indexFiles.hnsw) };
}
