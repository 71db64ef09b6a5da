/**
 * Exact search over sparse vectors with inverted lists. The built-in embedder's vectors have ~180
 * non-zeros of 4,096 and a question ~16: scoring only the clauses that share a dimension with the
 * question gives exactly the scores of a scan over every vector (the same products added in the same
 * dimension order), and exactly its ranking — clauses sharing nothing score 0 and rank as the scan
 * ranks them, in reading order, between the positive and the negative scores.
 */
import type { Ranked } from './fuse.ts';

/** Each dimension's non-zeros across the vectors: clause indexes ascending, and the values. */
export function invertVectors(vectors: Float32Array[]): Map<number, { docs: number[]; values: number[] }> {
  const lists = new Map<number, { docs: number[]; values: number[] }>();
  vectors.forEach((v, doc) => {
    for (let d = 0; d < v.length; d++) {
      if (v[d] === 0) continue;
      const list = lists.get(d) ?? { docs: [], values: [] };
      list.docs.push(doc);
      list.values.push(v[d]!);
      lists.set(d, list);
    }
  });
  return lists;
}

/** The non-zero dimensions of a vector, ascending. */
export function nonZeros(v: Float32Array): number[] {
  const out: number[] = [];
  for (let d = 0; d < v.length; d++) if (v[d] !== 0) out.push(d);
  return out;
}

export type DimLists = (dim: number) => { docs: ArrayLike<number>; values: ArrayLike<number> } | undefined;

/** Every clause's dot product with the query, for the clauses that share a dimension with it. */
export function scoreSparse(query: Float32Array, lists: DimLists): Map<number, number> {
  const scores = new Map<number, number>();
  for (const d of nonZeros(query)) {
    const list = lists(d);
    if (!list) continue;
    const q = query[d]!;
    for (let j = 0; j < list.docs.length; j++) {
      const doc = list.docs[j]!;
      scores.set(doc, (scores.get(doc) ?? 0) + q * list.values[j]!);
    }
  }
  return scores;
}

/**
 * Top-k of one guideline's clauses (`members`, ascending) by the scores, exactly as a full scan ranks
 * them: score descending, then reading order, a clause without a score counting as 0.
 */
export function topExact(scores: Map<number, number>, members: readonly number[], k: number): Ranked[] {
  const scored: Ranked[] = [];
  for (const index of members) {
    const s = scores.get(index);
    if (s !== undefined) scored.push({ index, score: s });
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const positive = scored.filter((r) => r.score > 0);
  if (positive.length >= k) return positive.slice(0, k);
  // Fewer than k positives: zeros (scored or not) follow in reading order, then the negatives.
  const zeros: Ranked[] = [];
  for (const index of members) {
    if (zeros.length + positive.length >= k) break;
    if ((scores.get(index) ?? 0) === 0) zeros.push({ index, score: 0 });
  }
  const negative = scored.filter((r) => r.score < 0);
  return [...positive, ...zeros, ...negative].slice(0, k);
}
