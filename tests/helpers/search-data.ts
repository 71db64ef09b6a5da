/** Search data held in memory for tests of the search phases: clauses and guidelines with only what search reads. */
import type { IndexedClause, SearchData } from '../../indexer/index-format/index.ts';

/** Clause `i` of a guideline: an editorial unit of chapter 1 with the given text. */
export const indexedClause = (i: number, guideline: string, text: string): IndexedClause => ({
  id: `${guideline}-c${i}`,
  kind: 'unit',
  guideline,
  chapter: '1',
  chapterTitle: 'はじめに',
  section: '1',
  title: `条項${i}`,
  basis: 'editorial',
  verified: false,
  url: `/${guideline}/ch1/#${guideline}-c${i}`,
  text,
});

/** Guidelines named by their keys alone, in the order given (the index's registry order). */
export const guidelineEntries = (keys: string[]): SearchData['guidelines'] =>
  keys.map((key) => ({ key, label: key.toUpperCase(), title: key, shortTitle: key, version: '1' }));
