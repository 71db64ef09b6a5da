/**
 * What the tables of contents list: a chapter's clauses without the one that
 * only repeats the chapter's own title (the chapter heading already links there), and counts that
 * call chapters, appendices and columns what they are (「3章・付録6件・コラム4件」, not 「13章」).
 */
import { chapterKind, chapterKindLabel, type ChapterKind } from '../../indexer/corpus/index.ts';
import type { Chapter } from './corpus.ts';

type Entry = Chapter['clauses'][number];

/** The clauses a contents list shows under its chapter. */
export function tocEntries(chapter: Pick<Chapter, 'label' | 'title' | 'clauses'>): Entry[] {
  return chapter.clauses.filter((c) => !(c.section === c.chapter && c.title === chapter.title));
}

/** Whether any entry has a finer place than the chapter (ステップ2-2): only then is there a label column. */
export function hasSectionLabels(entries: Pick<Entry, 'chapter' | 'section'>[]): boolean {
  return entries.some((c) => c.section !== c.chapter);
}

/** 「3章・付録6件・コラム4件」: each kind counted, kinds without chapters left out. */
export function chapterCounts(chapters: Pick<Chapter, 'label'>[]): string {
  const kinds: ChapterKind[] = ['chapter', 'appendix', 'column'];
  return kinds
    .map((k) => [k, chapters.filter((ch) => chapterKind(ch.label) === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => (k === 'chapter' ? `${n}${chapterKindLabel[k]}` : `${chapterKindLabel[k]}${n}件`))
    .join('・');
}
