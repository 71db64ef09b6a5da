import { z } from 'zod';
import { kebab, type Sourced } from './common.ts';
import { SourceId } from './source.ts';

export const GlossaryEntry = z
  .object({
    id: z.string().regex(kebab, 'id must be lowercase ASCII words joined by "-"'),
    term: z.string().min(1),
    expansion: z.string().min(1).optional(),
    reading: z.string().min(1).optional(),
    /** English name, shown beside the term and searched. */
    en: z.string().min(1).optional(),
    /** Other names readers use: shown on the glossary page, and synonyms for search. */
    aliases: z.array(z.coerce.string().min(1)).default([]),
    /**
     * Spellings only search needs (full-width forms, English variants, colloquialisms): synonyms for
     * search, never shown as names of the term.
     */
    searchAliases: z.array(z.coerce.string().min(1)).default([]),
    definition: z.string().min(1),
    /** Clauses and notes that explain the term: each must be about it. */
    clauses: z.array(z.string()).default([]),
    /** Sources the definition rests on, where it states what a guideline or standard means. */
    sources: z.array(SourceId).default([]),
  })
  .strict();
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;
export type GlossaryTerm = Sourced<GlossaryEntry>;
