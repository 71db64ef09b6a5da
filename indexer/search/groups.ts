/**
 * What answers a question: each guideline's units, and the practice notes as a group of their own —
 * a kind, not a guideline — so a note never stands in for a guideline's answer. The index view is what
 * ranking knows of the entries without reading a record: their group, and which passages make one unit.
 */
import type { GuidelineInfo, ItemKind } from '../corpus/index.ts';
import type { Entry } from '../index-format/index.ts';

export type Group = { kind: 'unit'; guideline: string } | { kind: 'note' };

export interface IndexView {
  /** Every guideline in registry order, then the notes when the index holds any. */
  groups: Group[];
  /** Entry → its position in `groups`. */
  groupOf: Uint16Array;
  /** Per group, its entries in index order. */
  members: number[][];
  /** An entry's unit: the first passage of its official unit, else the entry itself. */
  unitOf(index: number): number;
  /** Positions in `groups` of reference frameworks (NIST CSF …), whose entries are one-line descriptions. */
  references: ReadonlySet<number>;
}

export function indexView(
  guidelines: readonly Pick<GuidelineInfo, 'key' | 'kind'>[],
  { runs, units }: Pick<Entry, 'runs' | 'units'>,
): IndexView {
  const hasNotes = runs.some(([kind]) => kind === 'note');
  const groups: Group[] = [
    ...guidelines.map((g): Group => ({ kind: 'unit', guideline: g.key })),
    ...(hasNotes ? [{ kind: 'note' } as const] : []),
  ];
  const size = runs.reduce((s, [, , count]) => s + count, 0);
  const groupOf = new Uint16Array(size);
  const members = groups.map((): number[] => []);
  let at = 0;
  for (const [kind, g, count] of runs) {
    const group = kind === 'note' ? guidelines.length : g!;
    for (let i = 0; i < count; i++, at++) {
      groupOf[at] = group;
      members[group]!.push(at);
    }
  }
  const first = new Map<number, number>();
  for (const [start, count] of units) for (let i = start; i < start + count; i++) first.set(i, start);
  const references = new Set(guidelines.flatMap((g, i) => (g.kind === 'reference' ? [i] : [])));
  return { groups, groupOf, members, unitOf: (index) => first.get(index) ?? index, references };
}

/** The groups ranked for a question, by position in the view: all of them, or one guideline's. */
export function groupsToAnswer(view: IndexView, guideline?: string): number[] {
  if (guideline === undefined) return view.groups.map((_, i) => i);
  return view.groups.flatMap((g, i) => (g.kind === 'unit' && g.guideline === guideline ? [i] : []));
}

export interface GroupedHits<H> {
  /** Per guideline, in answer order: its units only. */
  units: { guideline: string; hits: H[] }[];
  notes: H[];
}

/** An answer's hits split the way pages and the CLI show them. */
export function groupHits<H extends { guideline?: string; kind: ItemKind }>(hits: readonly H[]): GroupedHits<H> {
  const units: GroupedHits<H>['units'] = [];
  for (const h of hits) {
    if (h.kind === 'note' || h.guideline === undefined) continue;
    const group =
      units.find((u) => u.guideline === h.guideline) ?? units[units.push({ guideline: h.guideline, hits: [] }) - 1]!;
    group.hits.push(h);
  }
  return { units, notes: hits.filter((h) => h.kind === 'note') };
}
