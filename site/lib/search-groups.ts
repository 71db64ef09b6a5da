/**
 * The groups of results on /search/: each guideline's units, then the practice notes. Question mode
 * builds them from the index it answers from (its registry and kinds); keyword mode from the registry
 * the page was built with (`data-groups` on the results). Shared by the page and its script.
 */
import { notesHeading, type GuidelineInfo } from '../../indexer/corpus/index.ts';

export type PageGroup = { kind: 'unit'; guideline: string; label: string; heading: string } | PageNotes;
type PageNotes = { kind: 'note'; label: string; heading: string };

/** A guideline's group, headed `${shortTitle}（${version}）`. */
export const guidelineGroup = (g: Pick<GuidelineInfo, 'key' | 'label' | 'shortTitle' | 'version'>): PageGroup => ({
  kind: 'unit',
  guideline: g.key,
  label: g.label,
  heading: `${g.shortTitle}（${g.version}）`,
});

export const notesGroup: PageNotes = { kind: 'note', label: '実務メモ', heading: notesHeading };

/** The group a result belongs in, if the page shows it. */
export function groupOf(groups: readonly PageGroup[], r: { kind: string; guideline?: string }): PageGroup | undefined {
  return groups.find((g) => (g.kind === 'note' ? r.kind === 'note' : r.kind !== 'note' && g.guideline === r.guideline));
}

/** The groups the page was built with (`data-groups`, written by search.astro from the same build). */
export const pageGroupsOf = (json: string | undefined): PageGroup[] => JSON.parse(json ?? '[]') as PageGroup[];
