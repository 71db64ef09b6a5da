/**
 * The lexical side of hybrid search: BM25 (MiniSearch's BM25+) over the same features the built-in
 * embedder uses, so a rare exact term such as 「FSIRT」 ranks a clause even where vectors blur it.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { LexicalIndexJson } from '../index-format/index.ts';
import type { Ranked } from './fuse.ts';

export interface LexicalDoc {
  index: number;
  guideline: string;
  /** Space-separated feature tokens (see tokenize.ts: lexicalTokens). */
  title: string;
  body: string;
}

const split = (text: string) => text.split(' ').filter(Boolean);

const options = {
  idField: 'index',
  fields: ['title', 'body'],
  storeFields: ['guideline'],
  tokenize: split,
  processTerm: (term: string) => term,
  searchOptions: { tokenize: split, processTerm: (term: string) => term, boost: { title: 2 }, combineWith: 'OR' as const },
};

export type LexicalIndex = MiniSearch<LexicalDoc>;

export function buildLexicalIndex(docs: LexicalDoc[]): LexicalIndex {
  const index = new MiniSearch<LexicalDoc>(options);
  index.addAll(docs);
  return index;
}

/** From the plain object the index format read and checked (MiniSearch checks the rest). */
export function loadLexicalIndex(js: LexicalIndexJson): LexicalIndex {
  return MiniSearch.loadJS<LexicalDoc>(js as AsPlainObject, options);
}

export function searchLexical(index: LexicalIndex, tokens: string[], guideline: string, k: number): Ranked[] {
  if (!tokens.length) return [];
  return index
    .search(tokens.join(' '), { filter: (r) => r.guideline === guideline })
    .slice(0, k)
    .map((r) => ({ index: Number(r.id), score: r.score }));
}
