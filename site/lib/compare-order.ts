/**
 * The order of the compare diagram's right column. The left column keeps its guideline's official
 * order; the right one is sorted by where each chapter's left counterparts are — by their barycentre
 * (Sugiyama et al. 1981) or their median (Eades & Wormald 1994), whichever crosses less after adjacent
 * swaps that remove crossings — so the curves cross as little as a reader's eye needs. The official
 * order wins a tie. Pure functions over ids, computed at build time.
 */

/** An edge between a left node and a right node (ids as the caller names them). */
export interface Edge {
  left: string;
  right: string;
}

/**
 * `right` reordered by the mean position of each node's counterparts in `left`. A node without
 * counterparts stays right behind the node that precedes it in the given order (so an unmatched
 * chapter keeps its neighbour, not the bottom of the column); ties keep the given order.
 */
export function barycentricOrder(left: readonly string[], right: readonly string[], edges: readonly Edge[]): string[] {
  return sortedBy(left, right, edges, (at) => at.reduce((a, b) => a + b, 0) / at.length);
}

/** As barycentricOrder, by the median of the counterparts' positions (one far outlier does not pull). */
export function medianOrder(left: readonly string[], right: readonly string[], edges: readonly Edge[]): string[] {
  return sortedBy(left, right, edges, (at) => {
    const s = [...at].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  });
}

/** The right column's order for the diagram: the fewest crossings of the candidates, official order first. */
export function rightColumnOrder(left: readonly string[], right: readonly string[], edges: readonly Edge[]): string[] {
  const candidates = [right, barycentricOrder(left, right, edges), medianOrder(left, right, edges)].map((o) =>
    swapDown(left, o, edges),
  );
  const score = (o: string[]) => crossings(left, o, edges);
  return candidates.reduce((best, o) => (score(o) < score(best) ? o : best));
}

/** Swaps neighbours while a swap removes crossings (greedy switching); leaves the order otherwise as given. */
function swapDown(left: readonly string[], order: readonly string[], edges: readonly Edge[]): string[] {
  const o = [...order];
  let current = crossings(left, o, edges);
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 0; i + 1 < o.length; i++) {
      [o[i], o[i + 1]] = [o[i + 1]!, o[i]!];
      const next = crossings(left, o, edges);
      if (next < current) {
        current = next;
        improved = true;
      } else [o[i], o[i + 1]] = [o[i + 1]!, o[i]!];
    }
  }
  return o;
}

function sortedBy(
  left: readonly string[],
  right: readonly string[],
  edges: readonly Edge[],
  key: (positions: number[]) => number,
): string[] {
  const pos = new Map(left.map((id, i) => [id, i]));
  const keys: number[] = [];
  right.forEach((id, i) => {
    const at = edges.filter((e) => e.right === id && pos.has(e.left)).map((e) => pos.get(e.left)!);
    // Without counterparts: the previous node's key, nudged after it (and after its own followers).
    keys.push(at.length > 0 ? key(at) : i === 0 ? -1 : keys[i - 1]! + 1e-6);
  });
  return right
    .map((id, i) => ({ id, i, key: keys[i]! }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((n) => n.id);
}

/** How many pairs of edges cross when both columns are drawn in these orders. */
export function crossings(left: readonly string[], right: readonly string[], edges: readonly Edge[]): number {
  const lp = new Map(left.map((id, i) => [id, i]));
  const rp = new Map(right.map((id, i) => [id, i]));
  const drawn = edges
    .filter((e) => lp.has(e.left) && rp.has(e.right))
    .map((e) => [lp.get(e.left)!, rp.get(e.right)!] as const);
  let n = 0;
  for (let a = 0; a < drawn.length; a++) {
    for (let b = a + 1; b < drawn.length; b++) {
      const [l1, r1] = drawn[a]!;
      const [l2, r2] = drawn[b]!;
      if ((l1 - l2) * (r1 - r2) < 0) n++;
    }
  }
  return n;
}
