/**
 * The lexical side of hybrid search: BM25+ over the same features the built-in embedder uses, so a
 * rare exact term such as 「FSIRT」 ranks a clause even where vectors blur it.
 *
 * The scoring is MiniSearch's (k 1.2, b 0.7, d 0.5; a field's length is its number of distinct terms;
 * title weighs 2; each query term adds its score; the sum is multiplied by the number of distinct
 * query terms a clause matches), but every clause's score for a term is computed when the index is
 * built: a question only adds up the postings of its own terms, once for all guidelines.
 *
 * Terms found in more than PRUNE_DF of the clauses (「対策」, the bigrams of 「セキュリティ」) carry almost
 * no information (idf ≈ 0.1 against 3–4 for a rare word) yet would pull nearly every clause into
 * every question: they keep no postings (eval: hit@3 unchanged or better, see README).
 */

export interface LexicalDoc {
  index: number;
  guideline: string;
  /** Space-separated feature tokens (see tokenize.ts: lexicalTokens). */
  title: string;
  body: string;
}

/** A term's postings: clause indexes ascending and each one's precomputed score. */
export interface LexicalPostings {
  docs: number[];
  values: number[];
}

export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const FIELDS = [
  ['title', 2],
  ['body', 1],
] as const;
/** Share of clauses above which a term keeps no postings. */
export const PRUNE_DF = 0.4;
/** Scores are stored to this many decimals: far below the gaps between clauses, a third of the bytes. */
const DECIMALS = 3;

const split = (text: string) => text.split(' ').filter(Boolean);

export function buildLexical(docs: LexicalDoc[], pruneDf = PRUNE_DF): Map<string, LexicalPostings> {
  const n = docs.length;
  const perField = FIELDS.map(([field]) => {
    const tfs = docs.map((d) => {
      const tf = new Map<string, number>();
      for (const t of split(d[field])) tf.set(t, (tf.get(t) ?? 0) + 1);
      return tf;
    });
    const lengths = tfs.map((tf) => tf.size);
    const avg = lengths.reduce((s, l) => s + l, 0) / Math.max(1, n);
    const df = new Map<string, number>();
    for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return { tfs, lengths, avg, df };
  });
  const allDf = new Map<string, number>();
  docs.forEach((_, i) => {
    const seen = new Set<string>();
    for (const f of perField) for (const t of f.tfs[i]!.keys()) seen.add(t);
    for (const t of seen) allDf.set(t, (allDf.get(t) ?? 0) + 1);
  });
  const out = new Map<string, LexicalPostings>();
  const scale = 10 ** DECIMALS;
  docs.forEach((_, i) => {
    const terms = new Set<string>();
    for (const f of perField) for (const t of f.tfs[i]!.keys()) terms.add(t);
    for (const t of terms) {
      if (allDf.get(t)! > pruneDf * n) continue;
      let score = 0;
      FIELDS.forEach(([, boost], fi) => {
        const f = perField[fi]!;
        const tf = f.tfs[i]!.get(t);
        if (!tf) return;
        const df = f.df.get(t)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += boost * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * f.lengths[i]!) / f.avg)));
      });
      const p = out.get(t) ?? { docs: [], values: [] };
      p.docs.push(i);
      p.values.push(Math.round(score * scale) / scale);
      out.set(t, p);
    }
  });
  return out;
}

/**
 * Every clause any of the tokens scores, as [clause, score], in one pass over their postings (a token
 * repeated in the question counts again). `postings` answers for a term, undefined when the index has none.
 */
export function scoreLexical(tokens: string[], postings: (term: string) => LexicalPostings | undefined, clauseCount: number): [number, number][] {
  const sum = new Float64Array(clauseCount);
  const matched = new Uint16Array(clauseCount);
  const list: number[] = [];
  const distinct = new Set<string>();
  for (const t of tokens) {
    const p = postings(t);
    if (!p) continue;
    const first = !distinct.has(t);
    distinct.add(t);
    for (let j = 0; j < p.docs.length; j++) {
      const d = p.docs[j]!;
      if (!matched[d]) list.push(d);
      sum[d] = sum[d]! + p.values[j]!;
      if (first) matched[d] = matched[d]! + 1;
    }
  }
  return list.map((d) => [d, sum[d]! * matched[d]!]);
}
