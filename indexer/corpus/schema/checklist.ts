/**
 * The self-assessment checklist, as written in content/checklist/: what public sources say about the
 * official checklist (METI 付録E: its categories, achievement levels and size, each fact with the
 * sources that report it), and the items a user answers.
 *
 * Items have one of two origins, and the site labels them differently:
 * - `editorial` — 本サイトの確認項目: this project's own questions, written from the guidelines' themes
 *   (content/checklist/items-*.yml). Their ids (`kojo-prep-01`) are the project's, never an official
 *   number, and every one links to the clauses of each guideline that explain it, or says why not.
 * - `official` — the checklist's own wording, imported verbatim from the PDF a user holds and cited by
 *   page (content/official/KEY/checklist.yml, written by `kojo import`). When present they replace the
 *   project's items (see indexer/corpus/checklist.ts).
 */
import { z } from 'zod';
import { ClauseId } from './clause.ts';
import { GuidelineKey, kebab, type Sourced } from './common.ts';
import { SourceId } from './source.ts';

/** A fact reported by public sources: never the official wording, always with who reports it. */
const reported = { basis: z.literal('reported'), sources: z.array(SourceId).min(1) };

export const ChecklistCategory = z
  .object({
    id: z.string().regex(kebab, 'id must be lowercase ASCII words joined by "-"'),
    /** The category's name as the sources report it. */
    name: z.string().min(1),
    ...reported,
  })
  .strict();
export type ChecklistCategory = Sourced<z.infer<typeof ChecklistCategory>>;

/**
 * An achievement level. A level the sources name carries its name; one whose wording no source gives
 * (METI's level 5: cut off in the one source that lists the levels) says so in `note` and has no name,
 * so nothing unsourced can look official.
 */
export const ChecklistLevel = z.discriminatedUnion('basis', [
  z
    .object({
      level: z.number().int().min(1).max(9),
      name: z.string().min(1),
      ...reported,
      note: z.string().min(1).optional(),
    })
    .strict(),
  z
    .object({
      level: z.number().int().min(1).max(9),
      basis: z.literal('unsourced'),
      sources: z.array(SourceId).default([]),
      note: z.string().min(1),
    })
    .strict(),
]);
export type ChecklistLevel = Sourced<z.infer<typeof ChecklistLevel>>;

/** What sources say about the checklist as a whole; `claims` keeps sources that disagree apart. */
export const ChecklistFact = z
  .object({
    id: z.string().regex(kebab, 'id must be lowercase ASCII words joined by "-"'),
    statement: z.string().min(1),
    claims: z.array(z.object({ value: z.string().min(1), sources: z.array(SourceId).min(1) }).strict()).optional(),
    ...reported,
  })
  .strict();
export type ChecklistFact = Sourced<z.infer<typeof ChecklistFact>>;

const itemFields = {
  category: z.string().min(1),
  /** What to check, as one question or statement the assessor rates. */
  text: z.string().min(1),
  /** What to look at when answering (evidence, who to ask). */
  hint: z.string().min(1).optional(),
  /** Clauses (units and practice notes) of the guidelines that explain the item. */
  clauses: z.array(ClauseId).default([]),
  /** Why no clause of a guideline is linked, by guideline key. */
  gaps: z.record(GuidelineKey, z.string().min(1)).default({}),
};

/** 本サイトの確認項目: `kojo-<category>-NN`, so it can never pass for an official item number. */
export const EditorialItemId = z
  .string()
  .regex(
    /^kojo-[a-z]+-\d{2}$/,
    'a project item id is kojo-<category>-NN (e.g. kojo-prep-01), never an official number',
  );

export const EditorialChecklistItem = z
  .object({ id: EditorialItemId, basis: z.literal('editorial').default('editorial'), ...itemFields })
  .strict();

/** An item of the official checklist, imported verbatim from the user's PDF (see content/README.md). */
export const OfficialChecklistItem = z
  .object({
    id: z.string().regex(kebab, 'id must be lowercase ASCII words joined by "-"'),
    basis: z.literal('official'),
    guideline: GuidelineKey,
    /** The item's number as the PDF prints it (official text may carry its own numbering). */
    number: z.string().min(1).optional(),
    /** First and last page of the PDF the wording comes from. */
    pages: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    ...itemFields,
  })
  .strict();

export const ChecklistItem = z.union([EditorialChecklistItem, OfficialChecklistItem]);
export type ChecklistItem = Sourced<z.infer<typeof ChecklistItem>>;
export type ChecklistItemBasis = ChecklistItem['basis'];

export interface Checklist {
  categories: ChecklistCategory[];
  levels: ChecklistLevel[];
  facts: ChecklistFact[];
  /** The items users answer: the official ones when imported, else the project's own. */
  items: ChecklistItem[];
  /** The project's items that official ones replaced (empty when none were imported). */
  replaced: ChecklistItem[];
}
