/**
 * The one schema of the content model. The checker, the indexer and the site all validate with
 * these, so the three can never disagree about what a clause, a mapping or a term is.
 */
import { z } from 'zod';

import { guidelineKeys, type GuidelineKey as Key } from './keys.ts';

export { guidelineKeys };
export const GuidelineKey = z.enum(guidelineKeys);
export type GuidelineKey = Key;

export const bases = ['official-toc', 'reported', 'editorial'] as const;
export const Basis = z.enum(bases);
export type Basis = z.infer<typeof Basis>;

/** Normalised chapter labels each guideline may use (the official tables of contents). */
export const chapterLabelPattern: Record<GuidelineKey, RegExp> = {
  meti: /^(?:[1-3]|付録[A-F]|コラム[1-4])$/,
  gutp: /^(?:[1-7]|付録[1-4])$/,
};

export const ClauseId = z
  .string()
  .regex(/^(?:meti|gutp)-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lowercase ASCII words joined by "-", starting with meti- or gutp-');

/** YAML reads `chapter: 3` as a number; labels are strings either way. */
const label = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));

const booleanish = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** Front matter of a clause file: fields shared by every clause in it. */
export const FileFrontMatter = z
  .object({
    guideline: GuidelineKey,
    chapter: label,
    basis: Basis.optional(),
    section: label.optional(),
    verified: booleanish.optional(),
    order: z.number().int().optional(),
  })
  .strict();
export type FileFrontMatter = z.infer<typeof FileFrontMatter>;

/** Attributes written in a clause heading, `{#id section=… basis=… verified=…}`. */
export const ClauseAttributes = z
  .object({
    id: ClauseId,
    section: z.string().min(1).optional(),
    basis: Basis.optional(),
    verified: booleanish.optional(),
  })
  .strict();
export type ClauseAttributes = z.infer<typeof ClauseAttributes>;

/** A clause: the smallest citable unit. */
export const Clause = z.object({
  id: ClauseId,
  guideline: GuidelineKey,
  chapter: z.string(),
  section: z.string(),
  title: z.string().min(1),
  basis: Basis,
  verified: z.boolean(),
  /** Body as plain text (for search and snippets). */
  text: z.string().min(1),
  /** Body as Markdown source (for rendering). */
  markdown: z.string(),
  /** Position in reading order within the guideline. */
  order: z.number().int(),
  file: z.string(),
  line: z.number().int(),
});
export type Clause = z.infer<typeof Clause>;

export const ChapterMeta = z.object({ label, title: z.string().min(1) }).strict();
export type ChapterMeta = z.infer<typeof ChapterMeta>;

export const GuidelineMeta = z
  .object({
    key: GuidelineKey,
    title: z.string().min(1),
    shortTitle: z.string().min(1),
    publisher: z.string().min(1),
    version: z.string().min(1),
    date: z.coerce.string().min(4),
    url: z.string().url(),
    licence: z.string().min(1),
    chapters: z.array(ChapterMeta).min(1),
  })
  .strict();
export type GuidelineMeta = z.infer<typeof GuidelineMeta>;

export const relationships = ['equal', 'subset-of', 'superset-of', 'intersects'] as const;
export const Relationship = z.enum(relationships);
export type Relationship = z.infer<typeof Relationship>;
export const NO_COUNTERPART = 'no-counterpart' as const;

/** `meti:3`, `gutp:付録1`: a chapter; anything else is a clause id. */
export const ChapterRef = z.string().regex(/^(?:meti|gutp):\S+$/);

export const MappingEntry = z
  .object({
    from: z.string().min(1),
    to: z.string().min(1).nullable(),
    relationship: z.enum([...relationships, NO_COUNTERPART]),
    rationaleType: z.enum(['syntactic', 'semantic', 'functional']),
    confidence: z.enum(['stated', 'inferred']),
    rationale: z.string().min(1),
  })
  .strict()
  .superRefine((m, ctx) => {
    if ((m.relationship === NO_COUNTERPART) !== (m.to === null)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['to'],
        message: 'to must be null exactly when relationship is no-counterpart',
      });
    }
  });
export type MappingEntry = z.infer<typeof MappingEntry>;
export type MappingLevel = 'chapter' | 'clause';

/** A `guideline:label` ref names a chapter; anything else is a clause id. */
export function mappingLevel(ref: string): MappingLevel {
  return ChapterRef.safeParse(ref).success ? 'chapter' : 'clause';
}
export interface Mapping extends MappingEntry {
  level: MappingLevel;
  file: string;
  line: number;
}

export const GlossaryTerm = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lowercase ASCII words joined by "-"'),
    term: z.string().min(1),
    expansion: z.string().min(1).optional(),
    reading: z.string().min(1).optional(),
    aliases: z.array(z.coerce.string().min(1)).default([]),
    definition: z.string().min(1),
    clauses: z.array(z.string()).default([]),
  })
  .strict();
export type GlossaryTerm = z.infer<typeof GlossaryTerm> & { file: string; line: number };

export const FaqEntry = z
  .object({
    id: z.string().regex(/^faq-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must start with faq- and be lowercase ASCII'),
    theme: z.string().min(1),
    question: z.string().min(1),
    answer: z.string().min(1),
    cites: z.array(z.string()).min(2),
  })
  .strict();
export type FaqEntry = z.infer<typeof FaqEntry> & { file: string; line: number };
