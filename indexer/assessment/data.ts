/**
 * The checklist as the assessment page and the CLI use it: categories, levels with their display
 * labels, and items with the clauses they link resolved to titles and permalinks. The site exports it
 * as /checklist/checklist.json and the page validates it with this schema before using it.
 */
import { z } from 'zod';
import { crosswalkOf, ItemKind, type Corpus } from '../corpus/index.ts';

export const CHECKLIST_DATA_VERSION = 1;

/** A clause to read (`kind: unit`, of a guideline), or a practice note (`kind: note`, of none). */
export const ClauseLink = z.object({
  id: z.string(),
  kind: ItemKind,
  guideline: z.string().optional(),
  title: z.string(),
  url: z.string(),
});
export type ClauseLink = z.infer<typeof ClauseLink>;

export const DataItem = z.object({
  id: z.string(),
  category: z.string(),
  text: z.string(),
  hint: z.string().optional(),
  /** editorial: 本サイトの確認項目; official: imported verbatim from the PDF, cited by page. */
  basis: z.enum(['editorial', 'official']),
  number: z.string().optional(),
  pages: z.tuple([z.number(), z.number()]).optional(),
  links: z.array(ClauseLink),
  /** Why no clause of a guideline is linked, by guideline key. */
  gaps: z.record(z.string()),
  /** The reference frameworks' entries the item maps to (the crosswalk, our reading): official ids. */
  crosswalk: z
    .array(
      z.object({
        framework: z.string(),
        label: z.string(),
        entries: z.array(z.object({ id: z.string(), url: z.string() })),
      }),
    )
    .optional(),
});
export type DataItem = z.infer<typeof DataItem>;

export const DataLevel = z.object({
  level: z.number().int(),
  /** The sourced name, or null where no source gives it. */
  name: z.string().nullable(),
  /** How the level reads in lists and files: 「3 実施済み」, 「5（定義未確認）」. */
  label: z.string(),
});
export type DataLevel = z.infer<typeof DataLevel>;

export const ChecklistData = z.object({
  kojoChecklist: z.literal(CHECKLIST_DATA_VERSION),
  guidelines: z.array(z.object({ key: z.string(), label: z.string() })),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
  levels: z.array(DataLevel),
  items: z.array(DataItem),
});
export type ChecklistData = z.infer<typeof ChecklistData>;

/** 分類、項目、レベルの表示 are the same on the page, in the CSV and in the CLI's report. */
export function levelLabel(level: { level: number; name: string | null }): string {
  return level.name ? `${level.level} ${level.name}` : `${level.level}（定義未確認）`;
}

export function checklistData(corpus: Corpus): ChecklistData {
  const { checklist, guidelines } = corpus;
  const byId = new Map<string, ClauseLink>([
    ...corpus.clauses.map(
      (c) => [c.id, { id: c.id, kind: 'unit', guideline: c.guideline, title: c.title, url: c.url }] as const,
    ),
    ...corpus.notes.map((n) => [n.id, { id: n.id, kind: 'note', title: n.title, url: n.url }] as const),
  ]);
  // Practice notes after every guideline's units.
  const rank = (l: ClauseLink) => (l.guideline === undefined ? Infinity : guidelines.rank(l.guideline));
  return {
    kojoChecklist: CHECKLIST_DATA_VERSION,
    guidelines: guidelines.list.map(({ key, label }) => ({ key, label })),
    categories: checklist.categories.map(({ id, name }) => ({ id, name })),
    levels: checklist.levels.map((l) => {
      const name = l.basis === 'reported' ? l.name : null;
      return { level: l.level, name, label: levelLabel({ level: l.level, name }) };
    }),
    items: checklist.items.map((item) => ({
      id: item.id,
      category: item.category,
      text: item.text,
      ...(item.hint ? { hint: item.hint } : {}),
      basis: item.basis,
      ...(item.basis === 'official' ? { pages: item.pages, ...(item.number ? { number: item.number } : {}) } : {}),
      // In registry order, so every list reads METI's clauses before GUTP's.
      links: item.clauses.map((id) => byId.get(id)!).sort((a, b) => rank(a) - rank(b)),
      gaps: item.gaps,
      ...crosswalkField(item.id, corpus),
    })),
  };
}

function crosswalkField(id: string, corpus: Corpus): Pick<DataItem, 'crosswalk'> {
  const lines = crosswalkOf(id, corpus).filter((l) => l.entries.length);
  if (!lines.length) return {};
  return {
    crosswalk: lines.map((l) => ({
      framework: l.framework.key,
      label: l.framework.label,
      entries: l.entries.map((e) => ({ id: e.reference?.id ?? e.id, url: e.url })),
    })),
  };
}
