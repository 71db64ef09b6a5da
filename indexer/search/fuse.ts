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
  const fused = new Map<number, { rrf: number; margin: number }>();
  for (const ranking of rankings) {
    const top = ranking[0]?.score || 1;
    ranking.forEach((r, rank) => {
      const entry = fused.get(r.index) ?? { rrf: 0, margin: 0 };
      entry.rrf += 1 / (k + rank + 1);
      // Scores relative to each ranking's best: only consulted to break exact RRF ties, where
      // position alone cannot tell a clear lexical winner from a near-tie in the other ranking.
      entry.margin += r.score / top;
      fused.set(r.index, entry);
    });
  }
  return [...fused]
    .sort(([ia, a], [ib, b]) => b.rrf - a.rrf || b.margin - a.margin || ia - ib)
    .map(([index, { rrf }]) => ({ index, score: rrf }));
}
