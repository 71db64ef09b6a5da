/**
 * The corpus as the index keeps it: entries in index order (every guideline's units in registry
 * order, official text as one entry per passage, then the practice notes), counterparts and glossary
 * synonyms; and what the entry file and the clause records derive from them.
 */
import {
  counterparts,
  GuidelineInfo,
  notesByUnit,
  passageAnchor,
  type Clause,
  type Corpus,
  type Note,
} from '../corpus/index.ts';
import { synonymGroups } from '../text/index.ts';
import { ClauseRecord, IndexedClause, type Entry, type SearchData } from './schema.ts';

export function searchData(corpus: Corpus): SearchData {
  const notes = notesByUnit(corpus.notes);
  const rule = counterparts(corpus);
  const clauses: IndexedClause[] = [];
  const related: SearchData['related'] = {};
  for (const c of corpus.clauses) {
    const entries = c.basis === 'official' && c.passages?.length ? passagesOf(c) : [unitEntry(c, notes.get(c.id))];
    // A passage shares its unit's counterparts (corpus/related.ts).
    const shared = rule.counterpartsOf(c.id).map(({ id, relationship }) => ({ id, relationship }));
    for (const e of entries) {
      clauses.push(e);
      if (shared.length) related[e.id] = shared;
    }
  }
  clauses.push(...corpus.notes.map(indexedNote));
  return {
    // Reference frameworks too: their entries are searchable, and answer as their own group.
    guidelines: corpus.guidelines.all.map((g) => GuidelineInfo.parse(g)),
    clauses,
    related,
    synonyms: synonymGroups(corpus.glossary),
  };
}

function unitEntry(c: Clause, notes: Note[] | undefined): IndexedClause {
  return IndexedClause.parse({ ...c, kind: 'unit', ...attached(notes) });
}

/** Official text, one entry per passage: its own text, page and anchor, the unit's place and title. */
function passagesOf(c: Clause): IndexedClause[] {
  const base = c.url.slice(0, c.url.indexOf('#'));
  return c.passages!.map((p, i) => {
    const id = passageAnchor(c.id, i + 1);
    return IndexedClause.parse({
      ...c,
      id,
      kind: 'unit',
      unit: c.id,
      url: `${base}#${id}`,
      text: p.text,
      pages: p.pages,
    });
  });
}

/** A note in the index: no guideline, no chapter or section, the units it relates to. */
function indexedNote(n: Note): IndexedClause {
  const { id, title, en, url, text, sources, relates } = n;
  return IndexedClause.parse({
    id,
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

/** What the entry file says of the entries' order: runs of one kind and guideline, and the passages of each unit. */
export function entryRuns(data: Pick<SearchData, 'guidelines' | 'clauses'>): Pick<Entry, 'runs' | 'units'> {
  const position = new Map(data.guidelines.map((g, i) => [g.key, i]));
  const runs: Entry['runs'] = [];
  const units: Entry['units'] = [];
  data.clauses.forEach((c, i) => {
    const g = c.kind === 'note' ? null : (position.get(c.guideline ?? '') ?? null);
    if (c.kind === 'unit' && g === null) throw new Error(`index entry ${c.id}: unknown guideline ${c.guideline}`);
    const last = runs.at(-1);
    if (last && last[0] === c.kind && last[1] === g) last[2]++;
    else runs.push([c.kind, g, 1]);
    const open = units.at(-1);
    if (c.unit && open && open[0] + open[1] === i && data.clauses[open[0]]!.unit === c.unit) open[1]++;
    else if (c.unit) units.push([i, 1]);
  });
  return { runs, units: units.filter(([, count]) => count > 1) };
}

/**
 * Each entry as its record: the entry and what a result shows of its counterparts (place, title,
 * link, and where their own records are), so showing them reads nothing more.
 */
export function clauseRecords(data: SearchData): ClauseRecord[] {
  const indexOf = new Map<string, number>();
  data.clauses.forEach((c, i) => {
    indexOf.set(c.id, i);
    // A counterpart named by its official clause id is shown by that unit's first passage.
    if (c.unit && !indexOf.has(c.unit)) indexOf.set(c.unit, i);
  });
  return data.clauses.map((c) => {
    const related = (data.related[c.id] ?? []).flatMap(({ id, relationship }) => {
      const at = indexOf.get(id);
      const other = at === undefined ? undefined : data.clauses[at]!;
      if (at === undefined || !other?.guideline) return [];
      const { guideline, chapter, section, title, url } = other;
      return [{ id, guideline, chapter, section, title, url, relationship, at }];
    });
    return ClauseRecord.parse({ ...c, related });
  });
}
