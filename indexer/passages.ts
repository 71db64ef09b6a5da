/**
 * What gets embedded for a clause: its place in the guideline (title path), its title, its body, and
 * the glossary aliases of the terms it uses, so a clause about サポート終了OS also answers 「古いOS」.
 */
import type { GuidelineMeta } from './schema.ts';
import { normalizeText } from './normalize.ts';
import { findSynonyms, type SynonymGroup } from './synonyms.ts';
import { chapterName } from './urls.ts';

export function chapterTitleOf(guidelines: GuidelineMeta[], guideline: string, chapter: string): string {
  return guidelines.find((g) => g.key === guideline)?.chapters.find((c) => c.label === chapter)?.title ?? '';
}

export function titlePath(c: { chapter: string; chapterTitle: string; section: string; title: string }): string {
  const section = c.section !== c.chapter ? ` ${c.section}` : '';
  return `${chapterName(c.chapter)} ${c.chapterTitle}${section} ${c.title}`;
}

export function passageText(
  c: { chapter: string; chapterTitle: string; section: string; title: string; text: string },
  synonyms: SynonymGroup[],
): string {
  const body = `${titlePath(c)}\n${c.title}\n${c.text}`;
  const ids = new Set(findSynonyms(normalizeText(body), synonyms).map((f) => f.id));
  const aliases = [...new Set(synonyms.filter((g) => ids.has(g.id)).flatMap((g) => g.forms))];
  return aliases.length ? `${body}\n${aliases.join(' ')}` : body;
}
