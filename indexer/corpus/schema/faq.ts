import { z } from 'zod';
import type { Sourced } from './common.ts';

export const FaqItem = z
  .object({
    id: z.string().regex(/^faq-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must start with faq- and be lowercase ASCII'),
    theme: z.string().min(1),
    question: z.string().min(1),
    answer: z.string().min(1),
    /** Clauses of every guideline that answer it. */
    cites: z.array(z.string()).min(2),
  })
  .strict();
export type FaqItem = z.infer<typeof FaqItem>;
export type FaqEntry = Sourced<FaqItem>;
