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

/** Scores of the clauses a query touches: a dense array (by clause index) and which entries are set. */
export interface Scores {
  values: Float64Array;
  touched: Uint8Array;
  /** The touched clause indexes, in the order first touched. */
  list: number[];
}

/** Every clause's dot product with the query, for the clauses that share a dimension with it. */
export function scoreSparse(query: Float32Array, lists: DimLists, clauseCount: number): Scores {
  const values = new Float64Array(clauseCount);
  const touched = new Uint8Array(clauseCount);
  const list: number[] = [];
  for (const d of nonZeros(query)) {
    const postings = lists(d);
    if (!postings) continue;
    const q = query[d]!;
    const { docs, values: v } = postings;
    for (let j = 0; j < docs.length; j++) {
      const doc = docs[j]!;
      if (!touched[doc]) {
        touched[doc] = 1;
        list.push(doc);
      }
      values[doc] = values[doc]! + q * v[j]!;
    }
  }
  return { values, touched, list };
}

/**
 * Top-k of one guideline's clauses (`members`, ascending) by the scores, exactly as a full scan ranks
 * them: score descending, then reading order, a clause without a score counting as 0.
 */
export function topExact(scores: Scores, members: readonly number[], k: number): Ranked[] {
  const { values, touched } = scores;
  const positive: Ranked[] = [];
  const negative: Ranked[] = [];
  for (const index of members) {
    if (!touched[index]) continue;
    const score = values[index]!;
    if (score > 0) positive.push({ index, score });
    else if (score < 0) negative.push({ index, score });
  }
  const byScore = (a: Ranked, b: Ranked) => b.score - a.score || a.index - b.index;
  positive.sort(byScore);
  if (positive.length >= k) return positive.slice(0, k);
  // Fewer than k positives: zeros (scored or not) follow in reading order, then the negatives.
  const out = positive;
  for (const index of members) {
    if (out.length >= k) return out;
    if (!touched[index] || values[index] === 0) out.push({ index, score: 0 });
  }
  return out.concat(negative.sort(byScore)).slice(0, k);
}
