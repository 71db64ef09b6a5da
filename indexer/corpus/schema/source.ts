/**
 * The public sources reported statements rest on (content/sources.yml): every `reported` clause cites
 * at least one, by id, where its statement is (`[^S4]` in the body).
 */
import { z } from 'zod';
import { WebUrl, type Sourced } from './common.ts';

/** `S4`, `S3b`: the ids of the content brief's table, so a citation reads the same everywhere. */
export const SourceId = z
  .string()
  .regex(/^S\d+[a-z]?$/, 'source id must be S followed by a number (and an optional letter): S4, S3b');
export type SourceId = z.infer<typeof SourceId>;

export const SourceEntry = z
  .object({
    id: SourceId,
    publisher: z.string().min(1),
    /**
     * The page's own title where we know it word for word, else a short description of the page:
     * shown after the publisher, never in quotation marks, so it cannot pass for a quoted title.
     */
    title: z.string().min(1),
    /** As precise as known: `2024-11-26`, `2026-02`, or absent when the page carries no date. */
    date: z.coerce.string().min(4).optional(),
    /** Its public address; absent only for material whose address no source gives (a handout). */
    url: WebUrl.optional(),
    /** What the project takes from it, in our words (never its sentences). */
    establishes: z.string().min(1),
  })
  .strict();
export type SourceEntry = z.infer<typeof SourceEntry>;
export type Source = Sourced<SourceEntry>;

/** A citation as written: which source, on which line of which file (for `file:line` messages). */
export const Citation = z.object({ id: z.string(), line: z.number().int() });
export type Citation = z.infer<typeof Citation>;

/** A link to a page of this site written in a body (`/notes/eol-os/`), checked to lead somewhere. */
export const SiteLink = z.object({ url: z.string(), line: z.number().int() });
export type SiteLink = z.infer<typeof SiteLink>;
