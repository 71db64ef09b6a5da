/**
 * Candidate mappings between two guidelines' units, for a person to review (kojo suggest-mappings):
 * every unit of one guideline against every unit of the other, scored by the similarity the search
 * index itself uses — the built-in embedder's vectors, fitted on the whole corpus as `kojo build-index`
 * fits them — with the evidence a reviewer needs: the terms both share and a snippet of each side.
 * Never a mapping by itself: a suggestion becomes one only when a person accepts it.
 */
import type { Clause } from '../corpus/index.ts';
import { builtinEmbedder, fitBuiltinState, termKeys } from '../embedders/index.ts';
import { makeSnippet, synonymGroups, type SynonymGroup } from '../text/index.ts';
import { dot } from './exact.ts';
import { passageText } from './passages.ts';

export interface SuggestedMapping {
  from: string;
  to: string;
  /** Cosine similarity of the two units' vectors (0–1). */
  score: number;
  evidence: { sharedTerms: string[]; from: string; to: string };
}

export interface SuggestOptions {
  /** Candidates scoring below this are left out. */
  minScore: number;
  /** At most this many candidates per unit of `from`. */
  perUnit: number;
}

/** What is compared: every clause (official units and the project's clauses), and the glossary for synonyms. */
export interface SuggestCorpus {
  clauses: Clause[];
  glossary: Parameters<typeof synonymGroups>[0];
}

/** The candidates for each unit of `from` among the units of `to`, best first per unit, in `from`'s order. */
export async function suggestMappings(
  corpus: SuggestCorpus,
  from: string,
  to: string,
  options: SuggestOptions,
): Promise<SuggestedMapping[]> {
  const synonyms: SynonymGroup[] = synonymGroups(corpus.glossary);
  const texts = corpus.clauses.map(passageText);
  const state = fitBuiltinState(texts, synonyms);
  const embedder = builtinEmbedder(state);
  const side = (key: string) => corpus.clauses.flatMap((c, i) => (c.guideline === key ? [{ c, text: texts[i]! }] : []));
  const left = side(from);
  const right = side(to);
  const [lv, rv] = [
    await embedder.embedPassages(left.map((u) => u.text)),
    await embedder.embedPassages(right.map((u) => u.text)),
  ];
  const weight = (k: string) => (Object.hasOwn(state.idf, k) ? state.idf[k]! : state.defaultIdf);
  const out: SuggestedMapping[] = [];
  left.forEach((a, i) => {
    const ranked = right
      .map((b, j) => ({ b, score: dot(lv[i]!, rv[j]!) }))
      .filter((r) => r.score >= options.minScore)
      .sort((x, y) => y.score - x.score)
      .slice(0, options.perUnit);
    const mine = new Set(termKeys(a.text, synonyms));
    for (const { b, score } of ranked) {
      const shared = termKeys(b.text, synonyms)
        .filter((k) => mine.has(k))
        .sort((x, y) => weight(y) - weight(x));
      // Words first (rarest first), bigrams where words are few; synonym markers are no terms to show.
      const words = shared.filter((k) => !k.startsWith('#') && !k.startsWith('syn:') && k.length > 1);
      const terms = [...new Set([...words, ...shared.filter((k) => k.startsWith('#')).map((k) => k.slice(1))])].slice(
        0,
        words.length >= 3 ? Math.min(8, words.length) : 8,
      );
      out.push({
        from: a.c.id,
        to: b.c.id,
        score: Math.round(score * 1000) / 1000,
        evidence: {
          sharedTerms: terms,
          from: makeSnippet(a.c.text, terms, 100).text,
          to: makeSnippet(b.c.text, terms, 100).text,
        },
      });
    }
  });
  return out;
}
