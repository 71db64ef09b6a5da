/**
 * Reciprocal rank fusion (Cormack et al., 2009): combines rankings by position, not by score, so a
 * cosine similarity and a BM25 score never need a common scale.
 */
export interface Ranked {
  index: number;
  score: number;
}

export const RRF_K = 60;

export function reciprocalRankFusion(rankings: Ranked[][], k = RRF_K): Ranked[] {
  const fused = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((r, rank) => fused.set(r.index, (fused.get(r.index) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...fused]
    .map(([index, score]) => ({ index, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}
