/**
 * A guideline and its official table of contents, as written in content/guidelines.yml: the one
 * place that says which guidelines exist, in which order, under which names.
 */
import { z } from 'zod';
import { GuidelineKey, kebab, Label, WebUrl } from './common.ts';

export const ChapterMeta = z
  .object({
    /** As the official table of contents numbers it: `3`, `付録A`, `コラム2`. */
    label: Label,
    /** The chapter's URL segment (`ch3`, `appx-a`): part of every permalink, so never change one. */
    slug: z.string().regex(kebab, 'slug must be lowercase ASCII words joined by "-"'),
    title: z.string().min(1),
  })
  .strict();
export type ChapterMeta = z.infer<typeof ChapterMeta>;

export const GuidelineMeta = z
  .object({
    key: GuidelineKey,
    /** Short name in lists and badges: `METI`. */
    label: z.string().min(1),
    title: z.string().min(1),
    shortTitle: z.string().min(1),
    publisher: z.string().min(1),
    version: z.string().min(1),
    date: z.coerce.string().min(4),
    url: WebUrl,
    licence: z.string().min(1),
    chapters: z.array(ChapterMeta).min(1),
  })
  .strict();
export type GuidelineMeta = z.infer<typeof GuidelineMeta>;

/** What views need to name and order a guideline; the search index carries exactly this. */
export const GuidelineInfo = GuidelineMeta.pick({ key: true, label: true, title: true, shortTitle: true, version: true }).strip();
export type GuidelineInfo = z.infer<typeof GuidelineInfo>;
