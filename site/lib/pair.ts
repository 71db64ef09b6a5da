/**
 * What the compare pages (two guidelines) and the crosswalk pages (a guideline and a reference
 * framework) share: how a pair of registry entries is named and found, and that each kind of pair is
 * worked out once per corpus, however many pages and components ask for it.
 */
import type { GuidelineMeta } from '../../indexer/corpus/index.ts';
import type { SiteCorpus } from './corpus.ts';
import { comparePairSlug, compareUrl } from './paths.ts';

export interface PairHead {
  /** `meti-gutp`, `meti-csf`: the page's URL segment. */
  slug: string;
  url: string;
  from: GuidelineMeta;
  to: GuidelineMeta;
  /** `METI ⇔ GUTP`. */
  name: string;
}

export function pairHead(from: GuidelineMeta, to: GuidelineMeta): PairHead {
  return {
    slug: comparePairSlug(from.key, to.key),
    url: compareUrl(from.key, to.key),
    from,
    to,
    name: `${from.label} ⇔ ${to.label}`,
  };
}

/** The pairs of one kind, built from the registry's list of them once per corpus and then reused. */
export function pairsOnce<P extends PairHead>(
  list: (corpus: SiteCorpus) => [GuidelineMeta, GuidelineMeta][],
  build: (corpus: SiteCorpus, from: GuidelineMeta, to: GuidelineMeta) => P,
): (corpus: SiteCorpus) => P[] {
  const cache = new WeakMap<SiteCorpus, P[]>();
  return (corpus) => {
    let pairs = cache.get(corpus);
    if (!pairs) {
      pairs = list(corpus).map(([from, to]) => build(corpus, from, to));
      cache.set(corpus, pairs);
    }
    return pairs;
  };
}
