/**
 * A question as search uses it: cleaned of conversational tails, its lexical tokens (which term
 * shards ranking reads), its content terms (for "no close match" and "why") and the words snippets mark.
 */
import { KojoError } from '../errors/index.ts';
import {
  features,
  lexicalTokens,
  matchRanges,
  normalizeText,
  stripConversational,
  type Features,
  type SynonymGroup,
} from '../text/index.ts';

/** A content term of the question: a word or a glossary idea, with how the question spelled it. */
export interface AskedTerm {
  token: string;
  shown: string;
  synonym?: SynonymGroup;
}

export interface Query {
  question: string;
  /** The question as matched, after conversational tails were removed. */
  normalizedQuery: string;
  /** Every term ranking reads: the question's words, bigrams and glossary ideas. */
  tokens: string[];
  /** Its content words and glossary ideas, spelled as typed. */
  asked: AskedTerm[];
  /** Its kanji/katakana bigrams and ASCII words. */
  shape: AskedTerm[];
  /** The words to mark in snippets. */
  forms: string[];
}

export function prepareQuery(question: string, synonyms: SynonymGroup[]): Query {
  const normalizedQuery = stripConversational(question);
  const f = features(normalizedQuery, synonyms);
  if (!question.trim()) throw new KojoError('empty-question', 'the question is empty');
  if (!normalizedQuery || (!f.words.length && !f.bigrams.length && !f.synonyms.length)) {
    throw new KojoError('empty-question', 'the question is empty after removing punctuation and fillers');
  }
  return {
    question,
    normalizedQuery,
    tokens: lexicalTokens(f),
    asked: askedTerms(normalizedQuery, f, synonyms),
    shape: bigramTerms(f),
    forms: highlightForms(f, synonyms),
  };
}

/** The question's content words (no lone kana, no duplicates) and glossary ideas, spelled as typed. */
function askedTerms(question: string, f: Features, synonyms: SynonymGroup[]): AskedTerm[] {
  const spelled = (form: string) => {
    const [range] = matchRanges(question, [form]);
    return range ? question.slice(range[0], range[1]) : form;
  };
  const out = new Map<string, AskedTerm>();
  for (const w of f.words)
    if ([...w].length >= 2 || /[\u4E00-\u9FFF]/.test(w)) out.set(w, { token: w, shown: spelled(w) });
  for (const id of new Set(f.synonyms.map((s) => s.slice(4)))) {
    const group = synonyms.find((g) => g.id === id);
    if (!group) continue;
    const form = group.forms.find((fm) => normalizeText(question).includes(fm)) ?? group.forms[0]!;
    // A word inside a glossary term is counted with the term (古い in 古いOS), not twice.
    for (const [w] of out) if (form.includes(w)) out.delete(w);
    out.set(`syn:${id}`, { token: `syn:${id}`, shown: spelled(form), synonym: group });
  }
  return [...out.values()];
}

/** The question's kanji/katakana bigrams and ASCII words: coverage that does not depend on where the segmenter cut a compound. */
function bigramTerms(f: Features): AskedTerm[] {
  // ASCII words have no bigrams (tokenize.ts): they stand for themselves here too (Wi-Fi, SOC).
  const ascii = f.words.filter((w) => /^[a-z0-9]+$/.test(w)).map((w) => ({ token: w, shown: w }));
  return [...[...new Set(f.bigrams)].map((b) => ({ token: `#${b}`, shown: b })), ...ascii];
}

/** The words to mark in snippets: the question's own words and every spelling of its glossary terms. */
function highlightForms(f: Features, synonyms: SynonymGroup[]): string[] {
  const ids = new Set(f.synonyms.map((s) => s.slice(4)));
  const synonymForms = synonyms.filter((g) => ids.has(g.id)).flatMap((g) => g.forms);
  return [...new Set([...f.matchedForms, ...synonymForms])].filter((w) => [...w].length >= 2);
}
