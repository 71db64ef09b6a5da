/**
 * A guideline and its official table of contents, as written in content/guidelines.yml: the one
 * place that says which guidelines exist, in which order, under which names.
 */
import { z } from 'zod';
import { kebab, Label, WebUrl } from './common.ts';
import { DocumentMeta, EnglishTitle } from './document.ts';

/**
 * An official unit below a chapter (METI's `ステップ1-2`): its label as the official table of contents
 * numbers it, and its title only where a source gives it — an unsourced title must not look official.
 */
export const SectionMeta = z
  .object({
    label: Label,
    title: z.string().min(1).optional(),
    en: EnglishTitle.optional(),
  })
  .strict();
export type SectionMeta = z.infer<typeof SectionMeta>;

export const ChapterMeta = z
  .object({
    /** As the official table of contents numbers it: `3`, `付録A`, `コラム2`. */
    label: Label,
    /** The chapter's URL segment (`ch3`, `appx-a`): part of every permalink, so never change one. */
    slug: z.string().regex(kebab, 'slug must be lowercase ASCII words joined by "-"'),
    title: z.string().min(1),
    /** Official units below the chapter, in document order (`kojo import` looks for them). */
    sections: z.array(SectionMeta).optional(),
    /** The guideline's own checklist: `kojo import` reads its tables into checklist items. */
    checklist: z.boolean().optional(),
    en: EnglishTitle.optional(),
  })
  .strict();
export type ChapterMeta = z.infer<typeof ChapterMeta>;

/** A guideline proper (or, before the loader reads its entries, a reference framework's registry entry). */
export const GuidelineMeta = DocumentMeta.extend({
  /**
   * `reference` for a reference framework (NIST CSF 2.0 …): the loader fills in its chapters from its
   * entries file (see ./reference.ts); absent for a guideline proper.
   */
  kind: z.enum(['guideline', 'reference']).optional(),
  /** A reference framework's entries file (`reference/csf.yml`). */
  entries: z.string().optional(),
  /** The publisher's page for the document; absent for a document brought by a user (kojo import --new) with no known page. */
  url: WebUrl.optional(),
  /**
   * Which edition this site covers and what else the publisher has issued since: shown on the home
   * page and the table of contents. Markdown with [^S…] citations.
   */
  editions: z.string().min(1).optional(),
  /**
   * What may be done with the guideline's own text once a user has imported it from the PDF:
   * `publishable` guidelines' official text goes into the built site; the others stay for the
   * user's own use (CLI, a site built with an explicit opt-in) — see README, licensing.
   */
  official: z
    .object({
      publishable: z.boolean(),
      /** Shown beside every piece of official text (the source and how it was edited). */
      attribution: z.string().min(1),
    })
    .strict(),
  chapters: z.array(ChapterMeta).min(1),
}).strict();
export type GuidelineMeta = z.infer<typeof GuidelineMeta>;

/** What views need to name and order a guideline; the search index carries exactly this. */
export const GuidelineInfo = GuidelineMeta.pick({
  key: true,
  kind: true,
  label: true,
  title: true,
  shortTitle: true,
  version: true,
}).strip();
export type GuidelineInfo = z.infer<typeof GuidelineInfo>;
