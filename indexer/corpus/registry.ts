/**
 * The guidelines as the rest of the code sees them: read from content/guidelines.yml, in its order.
 * No guideline key or chapter label is written anywhere in code; everything asks this.
 *
 * Reference frameworks (`kind: reference`) are in the registry too, but not in `list`/`keys`: those
 * are the guidelines proper, which have official text to import, checklist verdicts, FAQ answers and
 * chapter mappings. What reads reference frameworks asks `references` (or `all`) on purpose.
 */
import type { ChapterMeta, GuidelineMeta } from './schema/index.ts';

export interface Guidelines {
  /** The guidelines proper, in registry order. */
  readonly list: readonly GuidelineMeta[];
  readonly keys: readonly string[];
  /** Reference frameworks (NIST CSF 2.0 …), in registry order. */
  readonly references: readonly GuidelineMeta[];
  /** Both, in registry order: what search, reading pages and counterparts cover. */
  readonly all: readonly GuidelineMeta[];
  /** A guideline or reference framework. */
  get(key: string): GuidelineMeta | undefined;
  has(key: string): boolean;
  isReference(key: string): boolean;
  chapter(key: string, label: string): ChapterMeta | undefined;
  /** Position in guidelines.yml: mappings read from the earlier guideline to the later one. */
  rank(key: string): number;
  /** Every unordered pair of guidelines proper, each in reading order (earlier, later): the compare pages. */
  pairs(): [GuidelineMeta, GuidelineMeta][];
  /** Every guideline with every reference framework: the crosswalk pages. */
  crosswalks(): [GuidelineMeta, GuidelineMeta][];
}

export const isReferenceMeta = (g: Pick<GuidelineMeta, 'kind'>): boolean => g.kind === 'reference';

export function guidelineRegistry(all: readonly GuidelineMeta[]): Guidelines {
  const byKey = new Map(all.map((g) => [g.key, g]));
  const list = all.filter((g) => !isReferenceMeta(g));
  const references = all.filter(isReferenceMeta);
  const keys = all.map((g) => g.key);
  return {
    list,
    keys: list.map((g) => g.key),
    references,
    all,
    get: (key) => byKey.get(key),
    has: (key) => byKey.has(key),
    isReference: (key) => byKey.get(key)?.kind === 'reference',
    chapter: (key, label) => byKey.get(key)?.chapters.find((c) => c.label === label),
    rank: (key) => keys.indexOf(key),
    pairs: () => list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as [GuidelineMeta, GuidelineMeta])),
    crosswalks: () => list.flatMap((a) => references.map((b) => [a, b] as [GuidelineMeta, GuidelineMeta])),
  };
}
