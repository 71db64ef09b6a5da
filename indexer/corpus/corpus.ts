/**
 * The corpus as every reader sees it: the content folder loaded into one value. Portable (no Node
 * imports), so the checker, the site's browser code and the loader (./load.ts, Node) share it
 * without importing each other.
 */
import type { Problem } from './problems.ts';
import type { Guidelines } from './registry.ts';
import type { Checklist, Clause, FaqEntry, GlossaryTerm, ImportRecord, Mapping, Note, Source } from './schema/index.ts';

export interface Corpus {
  /** The content folder as shown in messages. */
  root: string;
  guidelines: Guidelines;
  /** Every clause, guideline by guideline in registry order, each in reading order. */
  clauses: Clause[];
  mappings: Mapping[];
  glossary: GlossaryTerm[];
  faq: FaqEntry[];
  /** What `kojo import` brought in from the official PDFs (their text is among `clauses`). */
  imports: ImportRecord[];
  /** The self-assessment checklist: sourced facts about the official one, and the items users answer. */
  checklist: Checklist;
  /** The registry of public sources (content/sources.yml), in its order. */
  sources: Source[];
  /** Practice notes (content/notes/), by file name. */
  notes: Note[];
}

/**
 * What content that could not be read would have defined, as far as it can still be told (the ids
 * in a file whose front matter is broken, the key of a guideline whose entry is invalid). A
 * reference to one of these is a consequence of a problem already reported, so the checker keeps
 * quiet about it: one cause, one message. `*` in a set stands for "all of them".
 */
export interface Unread {
  /** Clause and note ids, each with its guideline key (notes have none). */
  ids: Map<string, string | null>;
  /** Guidelines whose clauses could not be read at all (an invalid entry, a folder that is a file). */
  guidelines: Set<string>;
  /** `key:label` of chapters with a clause that could not be read (`key:*`: any chapter of the guideline). */
  chapters: Set<string>;
  /** `key:label` refs named by mapping entries that could not be read. */
  mapped: Set<string>;
  sources: Set<string>;
  /** Checklist category ids. */
  categories: Set<string>;
}

export function noneUnread(): Unread {
  return {
    ids: new Map(),
    guidelines: new Set(),
    chapters: new Set(),
    mapped: new Set(),
    sources: new Set(),
    categories: new Set(),
  };
}

/** Whether `name` is among what could not be read (`*`: everything of its kind). */
export const isUnread = (set: ReadonlySet<string> | ReadonlyMap<string, unknown>, name: string): boolean =>
  set.has(name) || set.has('*');

/** The guideline an id belongs to, among clauses read and clauses that could not be: a unit counts either way. */
export function unitGuideline(id: string, byId: ReadonlyMap<string, Clause>, unread: Unread): string | undefined {
  return byId.get(id)?.guideline ?? unread.ids.get(id) ?? [...unread.guidelines].find((k) => id.startsWith(`${k}-`));
}

/** A reference that does not resolve, yet names something a broken file or entry meant to define. */
export const unresolvedByCause = (id: string, unread: Unread): boolean =>
  unread.ids.has(id) || [...unread.guidelines].some((k) => id.startsWith(`${k}-`));

export interface LoadResult {
  corpus: Corpus;
  problems: Problem[];
  /** What the problems kept from being read (see Unread). */
  unread: Unread;
}
