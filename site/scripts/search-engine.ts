/**
 * The question search in the browser: the exported clause metadata and int8 vectors, the built-in
 * embedder and BM25 — the very modules the CLI runs (indexer/search.ts does the ranking).
 */
import { BUILTIN_ID, embedBuiltin, type BuiltinState } from '../../indexer/embedders/builtin.ts';
import { searchQuantized } from '../../indexer/exact.ts';
import type { Manifest } from '../../indexer/index-format.ts';
import { loadLexicalIndex, searchLexical } from '../../indexer/lexical.ts';
import { ask, guidelineFilters, type Answer, type AskOptions, type SearchData, type Searchers } from '../../indexer/search.ts';

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

/** Where the exported index lives: the built-in one, or the optional e5 one (KOJO_BUNDLE_MODEL=1). */
export const dataDir = { builtin: 'search-data/', e5: 'search-data/e5/' } as const;

/**
 * Loads an exported index. Query vectors come from the built-in embedder, unless the export was made
 * with another embedder, whose query function must then be given (vectors of two embedders never mix).
 */
export async function loadEngine(base: string, variant: keyof typeof dataDir = 'builtin', embedQuery?: (text: string) => Promise<Float32Array>): Promise<BrowserEngine> {
  const dir = `${base}${dataDir[variant]}`;
  const [exported, buffer, lexicalJson] = await Promise.all([
    fetch(`${dir}search-data.json`).then((r) => {
      if (!r.ok) throw new Error(`search data not found (${r.status})`);
      return r.json() as Promise<Export>;
    }),
    fetch(`${dir}vectors.i8`).then((r) => {
      if (!r.ok) throw new Error(`search vectors not found (${r.status})`);
      return r.arrayBuffer();
    }),
    fetch(`${dir}lexical.json`).then((r) => {
      if (!r.ok) throw new Error(`search index not found (${r.status})`);
      return r.text();
    }),
  ]);
  const { manifest, data, builtin, scales } = exported;
  const builtinQuery = manifest.embedder.id === BUILTIN_ID ? async (text: string) => embedBuiltin(text, builtin, dimension) : null;
  const query = embedQuery ?? builtinQuery;
  if (!query) throw new Error(`search data was built with ${manifest.embedder.id}, and no query embedder for it was given`);
  const dimension = manifest.embedder.dimension;
  const bytes = new Int8Array(buffer);
  if (bytes.length !== scales.length * dimension) throw new Error('search vectors do not match their metadata');
  const lexical = loadLexicalIndex(lexicalJson);
  const accept = guidelineFilters(data.clauses);
  const searchers: Searchers = {
    embedQuery: query,
    dense: (vector, guideline, k) => searchQuantized(bytes, scales, dimension, vector, k, accept[guideline]),
    lexical: (tokens, guideline, k) => searchLexical(lexical, tokens, guideline, k),
  };
  return { manifest, data, ask: (question, options) => ask(question, data, searchers, options) };
}
