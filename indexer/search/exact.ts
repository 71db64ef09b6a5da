/**
 * Exact nearest-neighbour search by scanning every vector: the ground truth the sparse index and
 * HNSW are measured against. `dot` also scores the browser's int8 rows (one scale per row, quantize.ts).
 */
import type { Ranked } from './fuse.ts';

export function dot(a: Float32Array, b: Float32Array | Int8Array, offset = 0, scale = 1): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[offset + i]!;
  return s * scale;
}

/** Exact top-k by cosine over unit vectors, ties in reading order. */
export function searchExact(
  vectors: Float32Array[],
  query: Float32Array,
  k: number,
  accept: (index: number) => boolean,
): Ranked[] {
  const scored: Ranked[] = [];
  vectors.forEach((v, index) => {
    if (accept(index)) scored.push({ index, score: dot(query, v) });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}
