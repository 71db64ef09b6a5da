/** An entry of guidelines.yml as written: a guideline with its table of contents, or a reference framework. */
import { z } from 'zod';
import { GuidelineMeta } from './guideline.ts';
import { ReferenceMeta } from './reference.ts';

const AuthoredGuideline = GuidelineMeta.omit({ kind: true, entries: true }).extend({
  kind: z.literal('guideline').optional(),
});

/**
 * `kind` picks the schema, so a reference framework's entry is told what it lacks (or must not have)
 * in its own terms, not as a failed guideline.
 */
export const RegistryEntry = z.custom<unknown>().transform((raw, ctx) => {
  const kind = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).kind : undefined;
  const parsed = (kind === 'reference' ? ReferenceMeta : AuthoredGuideline).safeParse(raw);
  if (parsed.success) return parsed.data as RegistryEntry;
  for (const issue of parsed.error.issues) ctx.addIssue(issue);
  return z.NEVER;
});
export type RegistryEntry = z.infer<typeof AuthoredGuideline> | ReferenceMeta;
