/**
 * Glossary-driven synonyms. 「古いOS」「EOL」「サポート切れOS」 name one idea; both the clause and the
 * question get a marker for that idea, so they meet even when they share no word.
 */
import { normalizeText } from './normalize.ts';

/** One glossary term with every spelling that names it, already normalised. */
export interface SynonymGroup {
  id: string;
  forms: string[];
}

export function synonymGroups(
  terms: { id: string; term: string; en?: string; aliases: string[]; searchAliases?: string[] }[],
): SynonymGroup[] {
  return terms.map((t) => ({
    id: t.id,
    forms: [
      ...new Set(
        [t.term, ...(t.en ? [t.en] : []), ...t.aliases, ...(t.searchAliases ?? [])]
          .map(normalizeText)
          .filter((f) => f.length >= 2),
      ),
    ],
  }));
}

const asciiWord = /^[a-z0-9][a-z0-9 ._/+-]*$/;

/** How often a normalised form occurs in normalised text; ASCII forms count only as whole words (OT ≠ rOTate). */
function occurrences(text: string, form: string): number {
  const whole = asciiWord.test(form);
  let count = 0;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + form.length] ?? ' ';
    if (!whole || (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after))) count++;
  }
  return count;
}

export interface SynonymMatch {
  id: string;
  /** The forms that occur in the text. */
  matched: string[];
  /** How many times the group's forms occur: a clause that keeps returning to a term is about it. */
  count: number;
}

/**
 * The groups whose forms appear in the text (normalised). A form whose first two characters the text
 * never has side by side cannot occur: most of the glossary's ~1,800 spellings are ruled out by a set
 * lookup instead of a scan of the text each.
 */
export function findSynonyms(normalized: string, groups: SynonymGroup[]): SynonymMatch[] {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < normalized.length; i++) pairs.add(normalized.slice(i, i + 2));
  const found: SynonymMatch[] = [];
  for (const g of groups) {
    const counts = g.forms.map((f) => (pairs.has(f.slice(0, 2)) ? occurrences(normalized, f) : 0));
    const count = counts.reduce((a, b) => a + b, 0);
    if (count) found.push({ id: g.id, matched: g.forms.filter((_, i) => counts[i]! > 0), count });
  }
  return found;
}
