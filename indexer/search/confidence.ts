/**
 * Whether a guideline has a close answer to a question at all. Ranking always yields a top clause;
 * this decides from the evidence the rankings already hold whether that clause is worth showing as
 * an answer, or only as "the nearest there is":
 *
 * - coverage: how much of the question's content the best of the top 3 clauses contains — its
 *   words and glossary ideas, and (separately) its kanji/katakana bigrams, each weighted by how rare it
 *   is in the guideline, so 工場 or セキュリティ count little, a rare word a lot, and a word nothing in
 *   the index uses (フォークリフト, 騒音, chocolate) most; the two halves' geometric mean, so a question
 *   met only by fragments of other words (リスト inside チェックリスト) is not close;
 * - glossary: whether those clauses hold a glossary idea the question names — the domain's own
 *   vocabulary, which off-topic questions hardly ever meet (GLOSSARY_EVIDENCE);
 * - similarity: the dense cosine of the best clause (reported: with the built-in embedder it did not
 *   separate on-topic from off-topic questions better than coverage alone);
 * - agreement: whether the dense and lexical rankings share a clause in their top 3 (reported).
 *
 * Calibrated on the tuning sets (tests/eval/questions.yml, questions-en.yml): `npm run eval` prints,
 * per set, the figure each verdict is decided on, the threshold in use and the threshold the points
 * support (eval.ts chooseThreshold: the highest recall of "no close match" keeping every guideline's
 * false no-match within 0.03, in the middle of the gap it falls in) — re-run it after changing the
 * content or the features. Cosines live on each embedder's own scale, so similarity counts only for
 * the embedder it was calibrated with.
 */

export interface Evidence {
  /** IDF-weighted share of the question's content found in the best clause, 0…1: the geometric mean of its two halves. */
  coverage: number;
  /** Its two halves: the share of the question's words and glossary ideas, and of its kanji/katakana bigrams and ASCII words. */
  words?: number;
  bigrams?: number;
  /** Cosine similarity of the best dense match (0 when the mode has no dense side). */
  similarity: number;
  /** A glossary idea of the question is held by one of the best clauses. */
  glossary?: boolean;
  /** The dense and lexical top 3 share a clause. */
  agreement: boolean;
}

export interface Verdict extends Evidence {
  /** The guideline has a clause close enough to call an answer. */
  closeMatch: boolean;
}

interface Calibration {
  similarityWeight: number;
  threshold: number;
}

/** Per embedder (the index manifest's `name`): close when coverage + weight × similarity reaches the threshold. */
const calibrations: Record<string, Calibration> = {
  // Coverage alone (+ GLOSSARY_EVIDENCE): adding ½ × similarity (a former calibration) lost recall at every
  // threshold keeping false no-match within 0.03. The threshold is the one `npm run eval` says the
  // Japanese tuning points support.
  builtin: { similarityWeight: 0, threshold: 0.122 },
};
/** Coverage alone, for embedders without their own calibration. */
const coverageOnly: Calibration = { similarityWeight: 0, threshold: 0.08 };

/**
 * An English question (issue 19): the guidelines are Japanese, so its words meet only English titles,
 * glossary spellings and the reference frameworks' English lines, its bigram half is empty and every
 * clause's dense similarity is low; what tells a factory-security question from "best SEO tools for a
 * small online shop" is how much of its words' weight the best clauses hold. The threshold `npm run eval`
 * says the English tuning points (questions-en.yml) support.
 */
const ENGLISH_WORDS = 0.0795;

/**
 * Added to the figure when the best clauses hold a glossary idea the question names. Chosen on the
 * tuning sets among 0, 0.05 … 0.3: 0.05 gave the highest Japanese recall within the false no-match
 * target (0.970 against 0.960 without, before the glossary's English bridge), English the same recall
 * at every value from 0.05 up.
 */
const GLOSSARY_EVIDENCE = 0.05;

/** Mostly Latin letters: the question is asked in English (or another Latin-script language). */
export function isLatinQuestion(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.filter((ch) => /[a-z]/i.test(ch)).length / letters.length > 0.5;
}

/**
 * A reference framework's entries are one-line descriptions: one shared everyday word (削除, リスト) covers a
 * large share of such a line, so a close match there needs 2.5× the evidence of a guideline's clause.
 * Measured on the crosswalk's first data: "Excelで重複行を削除する方法" scored 0.18 and "Pythonでリストを
 * 並べ替える方法" 0.27 against CSF, while "資産台帳", "インシデント対応の体制" and "asset inventory" score ≥ 0.49.
 */
const REFERENCE_FACTOR = 2.5;

/**
 * The figure "no close match" is decided on, and the threshold it must reach: for an English question
 * the share of its words the best clauses hold, else coverage plus the weighted dense similarity.
 * `npm run eval` prints these over the tuning sets (the calibration curve).
 */
export function closeness(
  e: Evidence,
  embedder?: string,
  latin = false,
  reference = false,
): { score: number; threshold: number } {
  const glossary = e.glossary ? GLOSSARY_EVIDENCE : 0;
  if (latin) return { score: (e.words ?? e.coverage) + glossary, threshold: ENGLISH_WORDS };
  const c = (embedder && calibrations[embedder]) || coverageOnly;
  return {
    score: e.coverage + c.similarityWeight * e.similarity + glossary,
    threshold: reference ? c.threshold * REFERENCE_FACTOR : c.threshold,
  };
}

export function verdict(e: Evidence, embedder?: string, latin = false, reference = false): Verdict {
  const { score, threshold } = closeness(e, embedder, latin, reference);
  return { ...e, closeMatch: score >= threshold };
}

/** A term of the question with its weight in one guideline and the clauses (indexes) that contain it. */
export interface Term {
  weight: number;
  docs: Set<number>;
}

/** A word nothing in the index uses says more about a question than a rare one it does use. */
export const UNKNOWN_TERM = 4;

/**
 * log(1 + N/df). A term the guideline never uses weighs as its rarest word when the index uses it
 * elsewhere (`known`: the other guideline, the notes, a reference framework's English and Japanese
 * lines) — the domain's vocabulary, which one guideline's short text may lack (外注, 操業, escalation) —
 * and UNKNOWN_TERM times that when nothing in the index does (省エネ, Docker, mortgage): in any language,
 * a word the whole knowledge base never uses is the best sign a question is about something else.
 */
export function idfWeight(df: number, n: number, known: boolean): number {
  if (df) return Math.log(1 + n / df);
  return (known ? 1 : UNKNOWN_TERM) * Math.log(1 + n);
}

/** Share of the weight of `terms` that any of the clauses `top` contain. */
export function coverageOf(terms: Term[], top: number[]): number {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  if (!total) return 0;
  const covered = terms.reduce((s, t) => s + (top.some((i) => t.docs.has(i)) ? t.weight : 0), 0);
  return covered / total;
}
