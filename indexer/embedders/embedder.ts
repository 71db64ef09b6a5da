/**
 * What every embedder offers, and what it takes to plug one in. An embedder owns the state it
 * persists: an index stores exactly what its own embedder asks to keep, and nothing of any other.
 */
import type { SynonymGroup } from '../text/index.ts';

/** Passages and questions in, unit-length vectors of one dimension out. */
export interface Embedder {
  /** Recorded in the index; a query must use the embedder the index was built with. */
  readonly id: string;
  readonly dimension: number;
  /** Whether it matches glossary synonyms itself; if not, passages carry the aliases as text. */
  readonly expandsSynonyms: boolean;
  /** What an index must keep for this embedder to embed questions later (JSON), or null. */
  readonly state: unknown;
  /**
   * `sparse`: vectors mostly zeros (a few hundred of thousands of dimensions), kept as inverted lists
   * and searched exactly; `dense` (default): kept in HNSW.
   */
  readonly storage?: 'sparse' | 'dense';
  /**
   * The name of a table in `state` from term to number that a question needs only a few entries of
   * (the built-in embedder's idf): the index keeps it by term, and a reopened embedder looks terms up.
   */
  readonly perTerm?: string;
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
  /** Sparse storage: the dimensions a question's vector may use, known before its weights are (fetched meanwhile). */
  queryDims?(text: string): number[];
}

/** Where Node-side embedders find what they need. */
export interface EmbedderSetup {
  /** The folder of downloaded models (KOJO_MODEL_DIR, default models/). */
  modelRoot: string;
}

/** The values of the per-term table for these terms (a term absent from the table is absent from the map). */
export type TermLookup = (terms: string[]) => Promise<Map<string, number>>;

export type Availability = { ok: true; detail: string } | { ok: false; reason: string };

/** One embedder as the registry knows it: can it run here, make one for a new index, reopen one for an old. */
export interface EmbedderPlugin {
  /** What `--embedder` takes: `builtin`, `e5`. */
  readonly name: string;
  /** The id its embedders record (compared with an index's before anything is loaded). */
  readonly id: string;
  availability(setup: EmbedderSetup): Availability;
  /** For a new index: learn whatever it needs from the passages the index will hold. */
  create(passages: string[], synonyms: SynonymGroup[], setup: EmbedderSetup): Promise<Embedder>;
  /** For an existing index: from the state the index kept, and the lookup of its per-term table. */
  open(state: unknown, setup: EmbedderSetup, terms?: TermLookup): Promise<Embedder>;
}

export function l2normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}
