/** The corpus as the index keeps it: clauses in index order, counterparts and glossary synonyms. */
import { GuidelineInfo, notesByUnit, NOTES_KEY, relatedIndex, type Corpus, type Note } from '../corpus/index.ts';
import { synonymGroups } from '../text/index.ts';
import { IndexedClause, type SearchData } from './schema.ts';

export function searchData(corpus: Corpus): SearchData {
  const notes = notesByUnit(corpus.notes);
  return {
    guidelines: corpus.guidelines.list.map((g) => GuidelineInfo.parse(g)),
    clauses: [
      ...corpus.clauses.map((c) => IndexedClause.parse({ ...c, kind: 'unit', ...attached(notes.get(c.id)) })),
      ...corpus.notes.map(indexedNote),
    ],
    related: relatedIndex(corpus.mappings),
    synonyms: synonymGroups(corpus.glossary),
  };
}

/** A note in the index: its own group, no chapter or section, the units it relates to. */
function indexedNote(n: Note): IndexedClause {
  const { id, title, en, url, text, sources, relates } = n;
  return IndexedClause.parse({
    id,
    guideline: NOTES_KEY,
    chapter: '',
    chapterTitle: '実務メモ',
    section: '',
    title,
    en,
    basis: 'editorial',
    verified: false,
    url,
    text,
    sources,
    kind: 'note',
    relates,
  });
}

function attached(notes: Note[] | undefined): { notes?: string[] } {
  return notes?.length ? { notes: notes.flatMap((n) => [n.title, ...(n.en ? [n.en] : []), lead(n.text)]) } : {};
}

/** A note's opening paragraph: what it is about, in its own words. */
function lead(text: string): string {
  return text.split('\n').find((l) => l.trim().length > 0) ?? '';
}
