/** The corpus as the index keeps it: clauses in index order, counterparts and glossary synonyms. */
import { GuidelineInfo, NOTES_KEY, relatedIndex, type Corpus, type Note } from '../corpus/index.ts';
import { synonymGroups } from '../text/index.ts';
import { IndexedClause, type SearchData } from './schema.ts';

export function searchData(corpus: Corpus): SearchData {
  return {
    guidelines: corpus.guidelines.list.map((g) => GuidelineInfo.parse(g)),
    clauses: [...corpus.clauses.map((c) => IndexedClause.parse({ ...c, kind: 'unit' })), ...corpus.notes.map(indexedNote)],
    related: relatedIndex(corpus.mappings),
    synonyms: synonymGroups(corpus.glossary),
  };
}

/** A note in the index: its own group, no chapter or section, the units it relates to. */
function indexedNote(n: Note): IndexedClause {
  const { id, title, en, url, text, sources, relates } = n;
  return IndexedClause.parse({ id, guideline: NOTES_KEY, chapter: '', chapterTitle: '実務メモ', section: '', title, en, basis: 'editorial', verified: false, url, text, sources, kind: 'note', relates });
}
