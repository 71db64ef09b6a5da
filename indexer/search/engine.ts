/**
 * An index opened for questions: its contents, the embedder that made its vectors, and a dense
 * searcher (hnswlib in Node, a scan over int8 vectors in the browser). Both run this code.
 */
import { KojoError } from '../errors/index.ts';
import type { Embedder } from '../embedders/index.ts';
import { corruptIndex, type BrowserManifest, type IndexContents, type SearchData } from '../index-format/index.ts';
import { ask, guidelineFilters, type Answer, type AskOptions } from './ask.ts';
import type { Ranked } from './fuse.ts';
import { loadLexicalIndex, searchLexical } from './lexical.ts';

export interface Engine {
  manifest: BrowserManifest;
  data: SearchData;
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

/** Top-k clause indexes by cosine among those `accept` lets through (`eligible` of them exist). */
export type DenseSearch = (vector: Float32Array, k: number, accept: (index: number) => boolean, eligible: number) => Ranked[];

export type QueryEmbedder = Pick<Embedder, 'id' | 'dimension' | 'embedQuery'>;

export function createEngine(contents: IndexContents, embedder: QueryEmbedder, dense: DenseSearch, where: string): Engine {
  const { manifest, data } = contents;
  // Vectors from two embedders live in different spaces: a mismatch is an error, never a bad ranking.
  if (embedder.id !== manifest.embedder.id || embedder.dimension !== manifest.embedder.dimension) {
    throw new KojoError(
      'embedder-mismatch',
      `index at ${where} was built with embedder ${manifest.embedder.id} (${manifest.embedder.dimension} dims), not ${embedder.id} (${embedder.dimension} dims); rebuild it with "kojo build-index"`,
    );
  }
  let lexical: ReturnType<typeof loadLexicalIndex>;
  try {
    lexical = loadLexicalIndex(contents.lexical);
  } catch {
    throw corruptIndex(where, 'lexical.json cannot be read');
  }
  const filters = guidelineFilters(data);
  const none = { accept: () => false, count: 0 };
  const searchers = {
    embedQuery: (text: string) => embedder.embedQuery(text),
    dense: (vector: Float32Array, guideline: string, k: number) => {
      const f = filters.get(guideline) ?? none;
      return dense(vector, k, f.accept, f.count);
    },
    lexical: (tokens: string[], guideline: string, k: number) => searchLexical(lexical, tokens, guideline, k),
  };
  return { manifest, data, ask: (question, options) => ask(question, data, searchers, { embedder: manifest.embedder.name, ...options }) };
}
