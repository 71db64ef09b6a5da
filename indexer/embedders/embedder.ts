/** What every embedder offers: passages and questions in, unit-length vectors of one dimension out. */
export interface Embedder {
  /** Recorded in the index; a query must use the embedder the index was built with. */
  readonly id: string;
  readonly dimension: number;
  /** Whether it matches glossary synonyms itself; if not, passages carry the aliases as text. */
  readonly expandsSynonyms: boolean;
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export type EmbedderChoice = 'auto' | 'e5' | 'builtin';
export const embedderChoices: EmbedderChoice[] = ['auto', 'e5', 'builtin'];

export function l2normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}
