import type { LexicalDoc } from './lexical.ts';
import { passageText } from './passages.ts';
import type { SearchClause } from './search.ts';
import type { SynonymGroup } from './synonyms.ts';
import { features, lexicalTokens } from './tokenize.ts';

/** The documents of the lexical index, derived from clauses the same way in Node and in the browser. */
export function lexicalDocs(clauses: SearchClause[], synonyms: SynonymGroup[]): LexicalDoc[] {
  return clauses.map((c, index) => ({
    index,
    guideline: c.guideline,
    title: lexicalTokens(features(c.title, synonyms)).join(' '),
    body: lexicalTokens(features(passageText(c), synonyms)).join(' '),
  }));
}
