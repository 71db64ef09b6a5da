/**
 * The index folder: what it holds and the manifest that describes it. Version the format whenever a
 * file changes shape, so an old index is refused with a clear message rather than misread.
 */
import { z } from 'zod';

export const INDEX_FORMAT_VERSION = 1;

export const indexFiles = {
  manifest: 'manifest.json',
  data: 'data.json',
  builtin: 'builtin.json',
  vectors: 'vectors.f32',
  hnsw: 'hnsw.bin',
  lexical: 'lexical.json',
  /** What the browser loads (see browser-export.ts). */
  browserData: 'browser/search-data.json',
  browserVectors: 'browser/vectors.i8',
  /** The BM25 index, prebuilt: loading it is ~5× faster than building it in the page. */
  browserLexical: 'browser/lexical.json',
} as const;

export const Manifest = z.object({
  formatVersion: z.number().int(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  contentHash: z.string(),
  clauseCount: z.number().int().positive(),
  builtAt: z.string(),
  buildMs: z.number(),
  hnsw: z.object({ space: z.literal('cosine'), M: z.number().int(), efConstruction: z.number().int(), efSearch: z.number().int() }),
});
export type Manifest = z.infer<typeof Manifest>;

export const DEFAULT_INDEX_DIR = '.kojo/index';
