/**
 * A practice note: the project's own advice on one topic, written once and attached to the official
 * units of every guideline it relates to. Never a unit of a guideline: it has no guideline, no
 * chapter and no number, and its permalink lives under /notes/.
 */
import { z } from 'zod';
import { kebab } from './common.ts';
import { Citation, SiteLink } from './source.ts';

export const NoteId = z
  .string()
  .regex(/^note-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'note id must start with note- and be lowercase ASCII words joined by "-"');

/** Front matter of content/notes/*.md: one note per file. */
export const NoteFrontMatter = z
  .object({
    id: NoteId,
    title: z.string().min(1),
    /** English title (the project's own), so English questions find the note. */
    en: z.string().min(1).optional(),
    /** Official units (clause ids of any guideline) the note belongs with, most relevant first. */
    relates: z.array(z.string().regex(kebab, 'relates lists clause ids')).min(1),
    /**
     * Ids this note had when it was a clause of a guideline (`meti-note-eol-os`): their permalinks
     * keep working, and links written against them resolve to this note.
     */
    formerIds: z.array(z.string().regex(kebab)).default([]),
  })
  .strict();
export type NoteFrontMatter = z.infer<typeof NoteFrontMatter>;

export const Note = z.object({
  id: NoteId,
  title: z.string().min(1),
  en: z.string().optional(),
  relates: z.array(z.string()),
  formerIds: z.array(z.string()),
  /** Permalink: `/notes/eol-os/`. */
  url: z.string(),
  text: z.string().min(1),
  markdown: z.string(),
  /** Source ids cited in the body, in order of first citation. */
  sources: z.array(z.string()),
  citations: z.array(Citation),
  siteLinks: z.array(SiteLink),
  file: z.string(),
  line: z.number().int(),
});
export type Note = z.infer<typeof Note>;
