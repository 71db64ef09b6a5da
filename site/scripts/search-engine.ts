/**
 * The question search in the browser: the exported clause metadata and int8 vectors, the built-in
 * embedder and BM25 — the very modules the CLI runs (indexer/search.ts does the ranking).
 */
import { BUILTIN_ID, embedBuiltin, type BuiltinState } from '../../indexer/embedders/builtin.ts';
import { searchQuantized } from '../../indexer/exact.ts';
import type { Manifest } from '../../indexer/index-format.ts';
import { lexicalDocs } from '../../indexer/lexical-docs.ts';
import { buildLexicalIndex, searchLexical } from '../../indexer/lexical.ts';
import { guidelineKeys, type GuidelineKey } from '../../indexer/keys.ts';
import { ask, type Answer, type AskOptions, type SearchData, type Searchers } from '../../indexer/search.ts';

interface Export {
  manifest: Manifest;
  data: SearchData;
  builtin: BuiltinState;
  scales: number[];
}

export interface BrowserEngine {
  manifest: Manifest;
  data: SearchData;
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

export async function loadEngine(base: string): Promise<BrowserEngine> {
  const [exported, buffer] = await Promise.all([
    fetch(`${base}search-data/search-data.json`).then((r) => {
      if (!r.ok) throw new Error(`search data not found (${r.status})`);
      return r.json() as Promise<Export>;
    }),
    fetch(`${base}search-data/vectors.i8`).then((r) => {
      if (!r.ok) throw new Error(`search vectors not found (${r.status})`);
      return r.arrayBuffer();
    }),
  ]);
  const { manifest, data, builtin, scales } = exported;
  // The browser computes query vectors with the built-in embedder only; other vectors live in another space.
  if (manifest.embedder.id !== BUILTIN_ID) throw new Error(`search data was built with ${manifest.embedder.id}, not ${BUILTIN_ID}`);
  const dimension = manifest.embedder.dimension;
  const bytes = new Int8Array(buffer);
  if (bytes.length !== scales.length * dimension) throw new Error('search vectors do not match their metadata');
  const lexical = buildLexicalIndex(lexicalDocs(data.clauses, data.synonyms));
  const accept = Object.fromEntries(
    guidelineKeys.map((g) => [g, (i: number) => data.clauses[i]!.guideline === g]),
  ) as Record<GuidelineKey, (i: number) => boolean>;
  const searchers: Searchers = {
    embedQuery: async (text) => embedBuiltin(text, builtin, dimension),
    dense: (vector, guideline, k) => searchQuantized(bytes, scales, dimension, vector, k, accept[guideline]),
    lexical: (tokens, guideline, k) => searchLexical(lexical, tokens, guideline, k),
  };
  return { manifest, data, ask: (question, options) => ask(question, data, searchers, options) };
}
