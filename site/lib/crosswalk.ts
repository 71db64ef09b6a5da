/**
 * The crosswalk pages: one per guideline and reference framework (`/compare/meti-csf/`), the
 * framework's entries in official order, each leaf entry with the guideline's units mapped to it, and
 * the coverage — which entries no unit of the guideline reaches. All from the registry and mappings.
 */
import { mappingsFor, type Clause, type GuidelineMeta, type Mapping } from '../../indexer/corpus/index.ts';
import { t } from '../../indexer/wording/index.ts';
import type { SiteCorpus } from './corpus.ts';
import { listJa } from './wording.ts';
import { pairHead, pairsOnce, type PairHead } from './pair.ts';

export interface CrosswalkRow {
  unit: Clause;
  mapping: Mapping;
}

export interface CrosswalkEntry {
  entry: Clause;
  /** Units of the guideline mapped to this entry (leaves only; a group's are its leaves'). */
  rows: CrosswalkRow[];
  /** Whether a unit reaches it (a group: through one of its leaves). */
  touched: boolean;
}

export interface CrosswalkGroup {
  top: CrosswalkEntry;
  /** The entries under it, in official order. */
  entries: CrosswalkEntry[];
}

export interface CrosswalkPair extends PairHead {
  groups: CrosswalkGroup[];
  /** Units of the guideline that say they have no counterpart in the framework. */
  none: CrosswalkRow[];
  coverage: { groups: Clause[]; groupsTotal: number; leaves: Clause[]; leavesTotal: number };
}

export const crosswalkPairs: (corpus: SiteCorpus) => CrosswalkPair[] = pairsOnce(
  (corpus) => corpus.guidelines.crosswalks(),
  pairOf,
);

function pairOf(corpus: SiteCorpus, from: GuidelineMeta, to: GuidelineMeta): CrosswalkPair {
  const mappings = mappingsFor(corpus.mappings, corpus.guidelines, to.key).filter(
    (m) => corpus.clause(m.from)?.guideline === from.key,
  );
  // Every mapping here is from a unit of the guideline: the filter above found its clause.
  const rowsOf = (entry: string | null): CrosswalkRow[] =>
    mappings.filter((m) => m.to === entry).map((mapping) => ({ unit: corpus.clause(mapping.from)!, mapping }));
  const entries = corpus.clauses.filter((c) => c.guideline === to.key);
  const byEntry = new Map<string, CrosswalkEntry>();
  for (const entry of entries) byEntry.set(entry.id, { entry, rows: rowsOf(entry.id), touched: false });
  // A leaf is touched by its own rows; a group by any leaf below it.
  for (const e of [...byEntry.values()].reverse()) {
    if (e.rows.length) e.touched = true;
    const parent = e.entry.reference?.parent;
    if (e.touched && parent) byEntry.get(parent)!.touched = true;
  }
  const groups = entries
    .filter((c) => !c.reference?.parent)
    .map((top) => ({
      top: byEntry.get(top.id)!,
      entries: entries.filter((c) => c.chapter === top.chapter && c.id !== top.id).map((c) => byEntry.get(c.id)!),
    }));
  const all = [...byEntry.values()];
  const groupEntries = all.filter((e) => !e.entry.reference?.leaf);
  const leaves = all.filter((e) => e.entry.reference?.leaf);
  return {
    ...pairHead(from, to),
    groups,
    none: rowsOf(null),
    coverage: {
      groups: groupEntries.filter((e) => !e.touched).map((e) => e.entry),
      groupsTotal: groupEntries.length,
      leaves: leaves.filter((e) => !e.touched).map((e) => e.entry),
      leavesTotal: leaves.length,
    },
  };
}

/** The notice on every crosswalk and reference page (and About): our reading, no official text. */
export function crosswalkNotice(corpus: Pick<SiteCorpus, 'guidelines'>): string {
  return t('crosswalk.notice', {
    frameworks: listJa(
      corpus.guidelines.references.map((g) => g.label),
      '・',
    ),
  });
}
