/** Cross-references between guidelines, in the NIST IR 8477 vocabulary. */
import { z } from 'zod';
import type { Sourced } from './common.ts';

export const relationships = ['equal', 'subset-of', 'superset-of', 'intersects'] as const;
export const Relationship = z.enum(relationships);
export type Relationship = z.infer<typeof Relationship>;
export const NO_COUNTERPART = 'no-counterpart' as const;
export const Confidence = z.enum(['stated', 'inferred']);
export type Confidence = z.infer<typeof Confidence>;

/**
 * Suggested mappings awaiting review (kojo suggest-mappings) sit in this folder of the content: never
 * read as mappings — only `kojo suggest-mappings --accept` turns one into a mapping.
 */
export const SUGGESTED_MAPPINGS_DIR = 'mappings/suggested';

export const MappingEntry = z
  .object({
    from: z.string().min(1),
    to: z.string().min(1).nullable(),
    relationship: z.enum([...relationships, NO_COUNTERPART]),
    rationaleType: z.enum(['syntactic', 'semantic', 'functional']),
    confidence: Confidence,
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
export type RelationshipCode = MappingEntry['relationship'];
export type RationaleType = MappingEntry['rationaleType'];

export type MappingLevel = 'chapter' | 'clause';

/** `meti:3`, `gutp:付録1` name a chapter; clause ids never contain a colon. */
export function mappingLevel(ref: string): MappingLevel {
  return ref.includes(':') ? 'chapter' : 'clause';
}

/** `meti:3` → { guideline: 'meti', label: '3' }. */
export function parseChapterRef(ref: string): { guideline: string; label: string } {
  const at = ref.indexOf(':');
  return { guideline: ref.slice(0, at), label: ref.slice(at + 1) };
}

export type Mapping = Sourced<MappingEntry> & { level: MappingLevel };

/** A mapping's NIST IR 8477 fields, in this order, without the file and line it was read from. */
export const ir8477Fields = [
  'from',
  'to',
  'level',
  'relationship',
  'rationaleType',
  'confidence',
  'rationale',
] as const;
export type Ir8477Mapping = Pick<Mapping, (typeof ir8477Fields)[number]>;

/** What `kojo map --json` and the site's mapping downloads give of a mapping: its IR 8477 fields. */
export function ir8477Mapping(m: Mapping): Ir8477Mapping {
  return Object.fromEntries(ir8477Fields.map((f) => [f, m[f]])) as Ir8477Mapping;
}

/** A counterpart of a clause, read from that clause's side (the index keeps these). */
export const Related = z.object({
  id: z.string(),
  relationship: Relationship,
  rationale: z.string(),
  confidence: Confidence,
});
export type Related = z.infer<typeof Related>;
