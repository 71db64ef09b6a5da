/**
 * What gets embedded for a clause: its place in the guideline (title path), its title and its body.
 * Embedders that know nothing of the glossary (e5) also get the aliases of the terms the clause uses,
 * so a clause about サポート終了OS also answers 「古いOS」; the built-in embedder and BM25 mark
 * synonyms themselves, and appended alias lists only blur them (eval: hybrid hit@1 0.80 → 0.86).
 */
import { chapterName } from '../corpus/index.ts';
import { findSynonyms, normalizeText, type SynonymGroup } from '../text/index.ts';

export function titlePath(c: { chapter: string; chapterTitle: string; section: string; title: string }): string {
  const section = c.section !== c.chapter ? ` ${c.section}` : '';
  return `${chapterName(c.chapter)} ${c.chapterTitle}${section} ${c.title}`.trim();
}

/** The English title rides along, so English questions meet the clause through the same features. */
export function passageText(c: {
  chapter: string;
  chapterTitle: string;
  section: string;
  title: string;
  en?: string;
  text: string;
  notes?: string[];
}): string {
  return `${titlePath(c)}\n${c.title}${c.en ? `\n${c.en}` : ''}\n${c.text}${c.notes?.length ? `\n${c.notes.join('\n')}` : ''}`;
}

/** The passage followed by every spelling of the glossary terms it contains. */
export function withGlossaryAliases(passage: string, synonyms: SynonymGroup[]): string {
  const ids = new Set(findSynonyms(normalizeText(passage), synonyms).map((f) => f.id));
  const aliases = [...new Set(synonyms.filter((g) => ids.has(g.id)).flatMap((g) => g.forms))];
  return aliases.length ? `${passage}\n${aliases.join(' ')}` : passage;
}
