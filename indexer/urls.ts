/**
 * Permalinks. One place decides the URL of a chapter and a clause, so the CLI, the search results and
 * the site always agree.
 */
import type { GuidelineKey } from './schema.ts';

/** `3` → `ch3`, `付録A` → `appx-a`, `コラム2` → `col-2`, `付録1` → `appx-1`. */
export function chapterSlug(label: string): string {
  const appendix = /^付録(.+)$/.exec(label);
  if (appendix) return `appx-${appendix[1]!.toLowerCase()}`;
  const column = /^コラム(\d+)$/.exec(label);
  if (column) return `col-${column[1]}`;
  return `ch${label}`;
}

export function chapterUrl(guideline: GuidelineKey, chapter: string, base = '/'): string {
  return `${base}${guideline}/${chapterSlug(chapter)}/`;
}

export function clauseUrl(clause: { guideline: GuidelineKey; chapter: string; id: string }, base = '/'): string {
  return `${chapterUrl(clause.guideline, clause.chapter, base)}#${clause.id}`;
}

/** How a chapter label reads in Japanese: `3` → `3章`, `付録A` stays `付録A`. */
export function chapterName(label: string): string {
  return /^\d+$/.test(label) ? `${label}章` : label;
}
