/**
 * Opens an index folder, refusing anything missing, truncated or of another format with one clear
 * sentence instead of a crash deep inside a parser.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { recoverAbandoned } from './atomic-dir.ts';
import { readHnsw, type HnswIndex } from './dense.ts';
import type { BuiltinState } from './embedders/builtin.ts';
import { INDEX_FORMAT_VERSION, indexFiles, Manifest } from './index-format.ts';
import { loadLexicalIndex, type LexicalIndex } from './lexical.ts';
import type { SearchData } from './search.ts';

export class IndexError extends Error {
  override name = 'IndexError';
}

export interface LoadedIndex {
  dir: string;
  manifest: Manifest;
  data: SearchData;
  builtin: BuiltinState;
  vectors: Float32Array[];
  hnsw: HnswIndex;
  lexical: LexicalIndex;
}

const SearchDataShape = z.object({
  clauses: z.array(z.object({ id: z.string(), guideline: z.enum(['meti', 'gutp']), text: z.string() }).passthrough()),
  related: z.record(z.array(z.object({ id: z.string(), relationship: z.string() }).passthrough())),
  synonyms: z.array(z.object({ id: z.string(), forms: z.array(z.string()) })),
});

export async function loadIndex(dir: string): Promise<LoadedIndex> {
  const corrupt = (what: string) =>
    new IndexError(`index at ${dir} is corrupt or truncated (${what}); rebuild it with "kojo build-index"`);
  // A build killed mid-swap may have left the previous index aside: put it back first.
  if (!existsSync(dir)) await recoverAbandoned(dir);
  if (!existsSync(join(dir, indexFiles.manifest))) {
    throw new IndexError(
      existsSync(dir)
        ? `no index manifest in ${dir} (an unfinished build?); run "kojo build-index"`
        : `no index at ${dir}; run "kojo build-index" first (or pass --index DIR)`,
    );
  }
  const readJson = async (file: string): Promise<unknown> => {
    try {
      return JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      throw corrupt(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable JSON'}`);
    }
  };
  const parsedManifest = Manifest.safeParse(await readJson(indexFiles.manifest));
  if (!parsedManifest.success) throw corrupt(`${indexFiles.manifest} does not describe an index`);
  const manifest = parsedManifest.data;
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexError(`index at ${dir} has format ${manifest.formatVersion}, this kojo reads ${INDEX_FORMAT_VERSION}; rebuild it with "kojo build-index"`);
  }
  const dataParsed = SearchDataShape.safeParse(await readJson(indexFiles.data));
  if (!dataParsed.success || dataParsed.data.clauses.length !== manifest.clauseCount) throw corrupt(`${indexFiles.data} does not match the manifest`);
  const data = dataParsed.data as unknown as SearchData;
  const builtin = (await readJson(indexFiles.builtin)) as BuiltinState;

  const { dimension } = manifest.embedder;
  const vectorsPath = join(dir, indexFiles.vectors);
  const expected = manifest.clauseCount * dimension * 4;
  const size = await stat(vectorsPath).then((s) => s.size, () => -1);
  if (size !== expected) throw corrupt(`${indexFiles.vectors} has ${size < 0 ? 'gone missing' : `${size} bytes, expected ${expected}`}`);
  const buffer = await readFile(vectorsPath);
  const flat = new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  const vectors = Array.from({ length: manifest.clauseCount }, (_, i) => flat.subarray(i * dimension, (i + 1) * dimension));

  let hnsw: HnswIndex;
  try {
    hnsw = readHnsw(join(dir, indexFiles.hnsw), dimension);
    if (hnsw.getCurrentCount() !== manifest.clauseCount) throw new Error('count');
  } catch {
    throw corrupt(`${indexFiles.hnsw} cannot be read`);
  }
  let lexical: LexicalIndex;
  try {
    lexical = loadLexicalIndex(await readFile(join(dir, indexFiles.lexical), 'utf8'));
  } catch {
    throw corrupt(`${indexFiles.lexical} cannot be read`);
  }
  return { dir, manifest, data, builtin, vectors, hnsw, lexical };
}
