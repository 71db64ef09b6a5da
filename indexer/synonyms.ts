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

export function synonymGroups(terms: { id: string; term: string; aliases: string[] }[]): SynonymGroup[] {
  return terms.map((t) => ({
    id: t.id,
    forms: [...new Set([t.term, ...t.aliases].map(normalizeText).filter((f) => f.length >= 2))],
  }));
}

const asciiWord = /^[a-z0-9][a-z0-9 ._/+-]*$/;

/** Whether a normalised form occurs in normalised text; ASCII forms must stand as whole words (OT ≠ rOTate). */
function occurs(text: string, form: string): boolean {
  if (!asciiWord.test(form)) return text.includes(form);
  let from = 0;
  for (;;) {
    const at = text.indexOf(form, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? ' ';
    const after = text[at + form.length] ?? ' ';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}

/** The groups whose forms appear in the text (normalised), with the forms that matched. */
export function findSynonyms(normalized: string, groups: SynonymGroup[]): { id: string; matched: string[] }[] {
  const found: { id: string; matched: string[] }[] = [];
  for (const g of groups) {
    const matched = g.forms.filter((f) => occurs(normalized, f));
    if (matched.length) found.push({ id: g.id, matched });
  }
  return found;
}
