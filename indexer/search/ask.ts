/**
 * Question → answers from every guideline, each ranked on its own, and the practice notes as a group
 * of their own. Three phases: rank (rank.ts: postings, vectors, each entry's group), load (the records
 * of the results shown, once), present (present.ts: hits, snippets, why, counterparts, verdicts). The
 * engine (engine.ts) runs them over an index's lazy store in Node and the browser alike; `ask` here runs
 * them over search data held in memory, with injected searchers.
 */
import type { ItemKind } from '../corpus/index.ts';
import {
  clauseRecords,
  entryRuns,
  type CounterpartShown,
  type IndexedClause,
  type SearchData,
} from '../index-format/index.ts';
import type { Role } from './assess.ts';
import type { Verdict } from './confidence.ts';
import { indexView } from './groups.ts';
import { present } from './present.ts';
import { prepareQuery } from './query.ts';
import { rank, type RankOptions, type Searchers } from './rank.ts';

export type { Mode, RankOptions as AskOptions, Searchers } from './rank.ts';

/** An entry that answers, as the CLI prints it and the page shows it. */
export type Hit = Pick<
  IndexedClause,
  'guideline' | 'id' | 'unit' | 'chapter' | 'section' | 'title' | 'basis' | 'verified' | 'url' | 'pages'
> & {
  /** A guideline's unit (its `guideline` set), or a practice note (none). */
  kind: ItemKind;
  score: number;
  snippet: string;
  /** `en`: the snippet comes from the unit's English summary (the project's own English), not its Japanese text. */
  snippetLang?: 'en';
  /** [start, end) offsets into `snippet` of the matched words: views mark them as text, never HTML. */
  highlights: [number, number][];
  /** Counterparts in the other guidelines, as a result shows them (an official passage: its unit's). */
  related: Omit<CounterpartShown, 'at'>[];
  /** A note's official units (clause ids of any guideline). */
  relates?: string[];
  /** Why it matched, in the reader's terms: the question's words it contains and glossary ideas it names another way. */
  why: Why;
  /**
   * `answer`: its own text carries the question's content. `pointer`: it only says where the theme is
   * treated, or is reached through the practice notes attached to it — shown as such, after the answers.
   * Always set by search; optional so that hits written before it (saved JSON, fixtures) still type.
   */
  role?: Role;
  /** A weak result (far below its group's best, or matching none of the question's words): shown apart, not counted. */
  folded?: true;
};

export interface Why {
  /** The question's content words the clause contains, as the question spelled them. */
  words: string[];
  /** Glossary ideas the clause names in other words: `asked` (the question's) ≈ `found` (the clause's). */
  synonyms: { asked: string; found: string }[];
  /** `note`: the match came through the practice notes attached to the unit (or its sentence pointing to them), not its own text. */
  via?: 'note';
}

export interface Answer {
  query: string;
  /** The question as matched, after conversational tails were removed. */
  normalizedQuery: string;
  hits: Hit[];
  /** Per guideline answered: whether it has a close match (see confidence.ts), and the evidence. */
  verdicts: Record<string, Verdict>;
  /** The same for the practice notes, when they answered. */
  notes?: Verdict;
}

/** Asks search data held in memory (tests, tools): the same phases as the engine, every record at hand. */
export async function ask(
  question: string,
  data: SearchData,
  searchers: Searchers,
  options: RankOptions = {},
): Promise<Answer> {
  const query = prepareQuery(question, data.synonyms);
  const vector = options.mode === 'lexical' ? null : await searchers.embedQuery(query.normalizedQuery);
  const ranking = await rank(query, vector, indexView(data.guidelines, entryRuns(data)), searchers, options);
  const records = clauseRecords(data);
  return present(ranking, (i) => records[i]!);
}
