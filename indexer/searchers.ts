/** Node's searchers over a loaded index: hnswlib for vectors, MiniSearch for BM25. */
import { searchHnsw } from './dense.ts';
import type { Embedder } from './embedders/embedder.ts';
import { searchLexical } from './lexical.ts';
import type { LoadedIndex } from './load-index.ts';
import { guidelineKeys, type GuidelineKey } from './schema.ts';
import { guidelineFilters, type Searchers } from './search.ts';

export function nodeSearchers(index: LoadedIndex, embedder: Embedder): Searchers {
  const { clauses } = index.data;
  const eligible = Object.fromEntries(guidelineKeys.map((g) => [g, clauses.filter((c) => c.guideline === g).length])) as Record<GuidelineKey, number>;
  const accept = guidelineFilters(clauses);
  return {
    embedQuery: (text) => embedder.embedQuery(text),
    dense: (vector, guideline, k) => searchHnsw(index.hnsw, vector, k, accept[guideline], index.manifest.hnsw.efSearch, eligible[guideline]),
    lexical: (tokens, guideline, k) => searchLexical(index.lexical, tokens, guideline, k),
  };
}
