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
 * every question: they keep no postings, only the list of clauses that hold them (eval: hit@3 equal
 * or better; at 40 % it lost one question per guideline once practice notes left the clause list).
 */

export interface LexicalDoc {
  index: number;
  /** Space-separated feature tokens (see tokenize.ts: lexicalTokens). */
  title: string;
  body: string;
}

/** A term's postings: clause indexes ascending and each one's precomputed score. */
export interface LexicalPostings {
  docs: number[];
  values: number[];
  /**
   * A pruned term (no postings): the clauses that contain it, unscored. Ranking ignores them; "no
   * close match" (confidence.ts) weighs a question's words by how many clauses hold them, and a
   * common word must not look like one the guideline never uses.
   */
  holders?: number[];
}

export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const FIELDS = [
  ['title', 2],
  ['body', 1],
] as const;
/** Share of clauses above which a term keeps no postings. */
export const PRUNE_DF = 0.6;
/** Scores are stored to this many decimals: far below the gaps between clauses, a third of the bytes. */
const DECIMALS = 3;

const split = (text: string) => text.split(' ').filter(Boolean);

export function buildLexical(docs: LexicalDoc[], pruneDf = PRUNE_DF): Map<string, LexicalPostings> {
  const n = docs.length;
  // Terms as numbers: every count below is an array index, not a string lookup.
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = terms.push(t) - 1));
    return id;
  };
  const perField = FIELDS.map(([field, boost]) => {
    const tfs = docs.map((d) => {
      const tf = new Map<number, number>();
      for (const t of split(d[field])) {
        const id = idOf(t);
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      return tf;
    });
    const avg = tfs.reduce((sum, tf) => sum + tf.size, 0) / Math.max(1, n);
    return { boost, tfs, avg };
  });
  const fieldDf = perField.map(({ tfs }) => {
    const df = new Uint32Array(terms.length);
    for (const tf of tfs) for (const id of tf.keys()) df[id]!++;
    return df;
  });
  const docTerms = docs.map((_, i) => [...new Set(perField.flatMap((f) => [...f.tfs[i]!.keys()]))]);
  const allDf = new Uint32Array(terms.length);
  for (const list of docTerms) for (const id of list) allDf[id]!++;

  const postings: (LexicalPostings | undefined)[] = [];
  const scale = 10 ** DECIMALS;
  docTerms.forEach((list, i) => {
    for (const id of list) {
      if (allDf[id]! > pruneDf * n) {
        ((postings[id] ??= { docs: [], values: [], holders: [] }).holders ??= []).push(i);
        continue;
      }
      let score = 0;
      perField.forEach((f, fi) => {
        const tf = f.tfs[i]!.get(id);
        if (!tf) return;
        const df = fieldDf[fi]![id]!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score +=
          f.boost *
          idf *
          (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * f.tfs[i]!.size) / f.avg)));
      });
      const p = (postings[id] ??= { docs: [], values: [] });
      p.docs.push(i);
      p.values.push(Math.round(score * scale) / scale);
    }
  });
  const out = new Map<string, LexicalPostings>();
  postings.forEach((p, id) => p && out.set(terms[id]!, p));
  return out;
}

/**
 * Every clause any of the tokens scores, as [clause, score], in one pass over their postings (a token
 * repeated in the question counts again). `postings` answers for a term, undefined when the index has none.
 */
export function scoreLexical(
  tokens: string[],
  postings: (term: string) => LexicalPostings | undefined,
  clauseCount: number,
): [number, number][] {
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
