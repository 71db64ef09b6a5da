/**
 * Exact nearest-neighbour search by scanning every vector: the ground truth HNSW recall is measured
 * against, and the browser's search (at a few hundred clauses a scan takes well under a millisecond).
 */
import type { Ranked } from './fuse.ts';

export function dot(a: Float32Array, b: Float32Array | Int8Array, offset = 0, scale = 1): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[offset + i]!;
  return s * scale;
}

/** Exact top-k by cosine over unit vectors: the ground truth for recall, and the browser's search. */
export function searchExact(vectors: Float32Array[], query: Float32Array, k: number, accept: (index: number) => boolean): Ranked[] {
  const scored: Ranked[] = [];
  vectors.forEach((v, index) => {
    if (accept(index)) scored.push({ index, score: dot(query, v) });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}

/** The same scan over int8 vectors with one scale per row (see quantize.ts). */
export function searchQuantized(
  bytes: Int8Array,
  scales: number[],
  dimension: number,
  query: Float32Array,
  k: number,
  accept: (index: number) => boolean,
): Ranked[] {
  const scored: Ranked[] = [];
  for (let index = 0; index < scales.length; index++) {
    if (accept(index)) scored.push({ index, score: dot(query, bytes, index * dimension, scales[index]!) });
  }
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}
