import { z } from 'zod';
import { kebab, type Sourced } from './common.ts';

export const GlossaryEntry = z
  .object({
    id: z.string().regex(kebab, 'id must be lowercase ASCII words joined by "-"'),
    term: z.string().min(1),
    expansion: z.string().min(1).optional(),
    reading: z.string().min(1).optional(),
    /** Other spellings: search treats them as synonyms of the term. */
    aliases: z.array(z.coerce.string().min(1)).default([]),
    definition: z.string().min(1),
    clauses: z.array(z.string()).default([]),
  })
  .strict();
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;
export type GlossaryTerm = Sourced<GlossaryEntry>;
