/**
 * The guidelines as the rest of the code sees them: read from content/guidelines.yml, in its order.
 * No guideline key or chapter label is written anywhere in code; everything asks this.
 */
import type { ChapterMeta, GuidelineMeta } from './schema/index.ts';

export interface Guidelines {
  readonly list: readonly GuidelineMeta[];
  readonly keys: readonly string[];
  get(key: string): GuidelineMeta | undefined;
  has(key: string): boolean;
  chapter(key: string, label: string): ChapterMeta | undefined;
  /** Position in guidelines.yml: mappings read from the earlier guideline to the later one. */
  rank(key: string): number;
  /** Every unordered pair, each in reading order (earlier, later): what the compare pages show. */
  pairs(): [GuidelineMeta, GuidelineMeta][];
}

export function guidelineRegistry(list: readonly GuidelineMeta[]): Guidelines {
  const byKey = new Map(list.map((g) => [g.key, g]));
  const keys = list.map((g) => g.key);
  return {
    list,
    keys,
    get: (key) => byKey.get(key),
    has: (key) => byKey.has(key),
    chapter: (key, label) => byKey.get(key)?.chapters.find((c) => c.label === label),
    rank: (key) => keys.indexOf(key),
    pairs: () => list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as [GuidelineMeta, GuidelineMeta])),
  };
}
