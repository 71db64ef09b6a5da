/**
 * The FAQ entry a question asks, when it asks one: shown above the clause results with its cited
 * clauses. A question matches an entry when the two share most of their content both ways — the
 * share of the question's words and glossary ideas found in the entry's question and the share of the
 * entry's found in the question, averaged, each term weighted by how rare it is among the FAQ's
 * questions; the same for kanji/katakana bigrams, and the two averaged. Calibrated like "no close match" on tests/eval/questions.yml (questions
 * labelled with the FAQ entry they ask; `npm run eval` prints precision and recall).
 */
import { features, stripConversational, type SynonymGroup } from '../text/index.ts';

export interface FaqCandidate {
  id: string;
  question: string;
}

interface Prepared {
  id: string;
  words: Set<string>;
  bigrams: Set<string>;
}

export interface FaqIndex {
  entries: Prepared[];
  /** How many entries hold each term. */
  df: Map<string, number>;
  synonyms: SynonymGroup[];
}

/** Below this a question does not ask an entry (calibrated; see the module comment). */
export const FAQ_THRESHOLD = 0.46;

function termsOf(text: string, synonyms: SynonymGroup[]): { words: Set<string>; bigrams: Set<string> } {
  const f = features(stripConversational(text), synonyms);
  return {
    words: new Set([...f.words.filter((w) => [...w].length >= 2 || /[\u4E00-\u9FFF]/.test(w)), ...f.synonyms]),
    bigrams: new Set(f.bigrams),
  };
}

export function faqIndex(faqs: FaqCandidate[], synonyms: SynonymGroup[]): FaqIndex {
  const entries = faqs.map((f) => ({ id: f.id, ...termsOf(f.question, synonyms) }));
  const df = new Map<string, number>();
  for (const e of entries) for (const t of [...e.words, ...e.bigrams]) df.set(t, (df.get(t) ?? 0) + 1);
  return { entries, df, synonyms };
}

/** Weighted share of `a` found in `b`. */
function share(a: Set<string>, b: Set<string>, weight: (t: string) => number): number {
  let total = 0;
  let found = 0;
  for (const t of a) {
    const w = weight(t);
    total += w;
    if (b.has(t)) found += w;
  }
  return total ? found / total : 0;
}

/** The entry whose question is closest to this one, with its score, whatever the score. */
export function closestFaq(index: FaqIndex, question: string): { id: string; score: number } | null {
  const q = termsOf(question, index.synonyms);
  const n = index.entries.length;
  const weight = (t: string) => Math.log(1 + n / (index.df.get(t) ?? 0.5));
  let best: { id: string; score: number } | null = null;
  for (const e of index.entries) {
    const words = (share(q.words, e.words, weight) + share(e.words, q.words, weight)) / 2;
    const grams = (share(q.bigrams, e.bigrams, weight) + share(e.bigrams, q.bigrams, weight)) / 2;
    const score = Math.round(((words + grams) / 2) * 1000) / 1000;
    if (!best || score > best.score) best = { id: e.id, score };
  }
  return best;
}

/** The entry the question asks, or null when none is asked strongly enough. */
export function matchFaq(index: FaqIndex, question: string): { id: string; score: number } | null {
  const best = closestFaq(index, question);
  return best && best.score >= FAQ_THRESHOLD ? best : null;
}
