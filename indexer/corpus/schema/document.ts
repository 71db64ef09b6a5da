/**
 * What every entry of content/guidelines.yml says about its document, guideline or reference
 * framework alike: its key, names, publisher, edition and licence. GuidelineMeta and ReferenceMeta
 * both extend this one base, so a field added or tightened here holds for both.
 */
import { z } from 'zod';
import { GuidelineKey } from './common.ts';
import { SourceId } from './source.ts';

/**
 * A unit's English title: METI's own where a source gives it (`source: S12`), else the project's
 * translation (no `source`), which the site marks as such.
 */
export const EnglishTitle = z
  .object({
    title: z.string().min(1),
    source: SourceId.optional(),
  })
  .strict();
export type EnglishTitle = z.infer<typeof EnglishTitle>;

export const DocumentMeta = z.object({
  key: GuidelineKey,
  /** Short name in lists and badges: `METI`. */
  label: z.string().min(1),
  title: z.string().min(1),
  /** The publisher's English title where a source gives one, else the project's translation. */
  en: EnglishTitle.optional(),
  shortTitle: z.string().min(1),
  publisher: z.string().min(1),
  version: z.string().min(1),
  date: z.coerce.string().min(4),
  licence: z.string().min(1),
  /**
   * `draft` while a guideline is being added: its completeness rules (every chapter has a clause and
   * a mapping, every FAQ answer and checklist item cites it) are warnings, not errors, so it can be
   * written step by step without touching every FAQ entry first. Absent (or `complete`): errors.
   */
  status: z.enum(['draft', 'complete']).optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
