import type { IndexedClause } from '../index-format/index.ts';
import { features, lexicalTokens, type SynonymGroup } from '../text/index.ts';
import type { LexicalDoc } from './lexical.ts';
import { passageText } from './passages.ts';

/** The documents of the lexical index, derived from clauses the same way in Node and in the browser. */
export function lexicalDocs(clauses: IndexedClause[], synonyms: SynonymGroup[]): LexicalDoc[] {
  return clauses.map((c, index) => ({
    index,
    title: lexicalTokens(features(c.title, synonyms)).join(' '),
    body: lexicalTokens(features(passageText(c), synonyms)).join(' '),
  }));
}
