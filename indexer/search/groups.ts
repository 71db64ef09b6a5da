/**
 * What answers a question: each guideline's official units, and the project's practice notes as a
 * group of their own (indexed under NOTES_KEY), so a note never stands in for a guideline's answer.
 */
import { NOTES_KEY, type ItemKind } from '../corpus/index.ts';
import type { SearchData } from '../index-format/index.ts';

/** The groups ranked for a question, in answer order: every guideline, then the notes — or the one group asked for. */
export function searchGroups(data: Pick<SearchData, 'guidelines' | 'clauses'>, only?: string): string[] {
  if (only) return [only];
  const keys = data.guidelines.map((g) => g.key);
  return data.clauses.some((c) => c.kind === 'note') ? [...keys, NOTES_KEY] : keys;
}

/** An indexed entry's kind (absent means unit). */
export const kindOf = (c: { kind?: ItemKind }): ItemKind => c.kind ?? 'unit';

export interface GroupedHits<H> {
  /** Per guideline, in answer order: its official units only. */
  units: { guideline: string; hits: H[] }[];
  notes: H[];
}

/** An answer's hits split the way pages and the CLI show them. */
export function groupHits<H extends { guideline: string; kind: ItemKind }>(hits: readonly H[]): GroupedHits<H> {
  const units: GroupedHits<H>['units'] = [];
  for (const h of hits) {
    if (h.kind === 'note') continue;
    const group =
      units.find((u) => u.guideline === h.guideline) ?? units[units.push({ guideline: h.guideline, hits: [] }) - 1]!;
    group.hits.push(h);
  }
  return { units, notes: hits.filter((h) => h.kind === 'note') };
}
