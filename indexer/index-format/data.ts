/** The corpus as the index keeps it: clauses in index order, counterparts and glossary synonyms. */
import { GuidelineInfo, relatedIndex, type Corpus } from '../corpus/index.ts';
import { synonymGroups } from '../text/index.ts';
import { IndexedClause, type SearchData } from './schema.ts';

export function searchData(corpus: Corpus): SearchData {
  return {
    guidelines: corpus.guidelines.list.map((g) => GuidelineInfo.parse(g)),
    clauses: corpus.clauses.map((c) => IndexedClause.parse(c)),
    related: relatedIndex(corpus.mappings),
    synonyms: synonymGroups(corpus.glossary),
  };
}
