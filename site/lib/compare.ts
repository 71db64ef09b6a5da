/**
 * The compare pages: one per pair of guidelines, the earlier one (guidelines.yml order) on the left,
 * because mappings read from the earlier guideline to the later one. `/compare/` shows the first pair;
 * every pair also has `/compare/{from}-{to}/`.
 */
import type { GuidelineMeta, Mapping } from '../../indexer/corpus/index.ts';
import type { Chapter, SiteCorpus } from './corpus.ts';
import { compareChapterAnchor, comparePairSlug, compareUrl } from './paths.ts';

/** The clause-level mappings of one chapter's clauses (those whose `from` is in the chapter). */
export interface ClauseGroup {
  chapter: Chapter;
  /** `clauses-{guideline}-{slug}`: the anchor chapter pages link to. */
  id: string;
  mappings: Mapping[];
}

export interface ComparePair {
  /** `meti-gutp`: the page's URL segment. */
  slug: string;
  url: string;
  from: GuidelineMeta;
  to: GuidelineMeta;
  /** `METI ⇔ GUTP`. */
  name: string;
  /** Mappings between the two, and the no-counterpart entries of either side. */
  chapterMappings: Mapping[];
  clauseMappings: Mapping[];
  /** Every chapter of `from`, then the chapters of `to` whose own clauses have entries (no-counterpart). */
  groups: ClauseGroup[];
}

const cache = new WeakMap<SiteCorpus, ComparePair[]>();

export function comparePairs(corpus: SiteCorpus): ComparePair[] {
  let pairs = cache.get(corpus);
  if (!pairs) {
    pairs = corpus.guidelines.pairs().map(([from, to]) => pairOf(corpus, from, to));
    cache.set(corpus, pairs);
  }
  return pairs;
}

function pairOf(corpus: SiteCorpus, from: GuidelineMeta, to: GuidelineMeta): ComparePair {
  const sides = new Set([from.key, to.key]);
  const inPair = (m: Mapping) => {
    const a = corpus.guidelineOf(m.from);
    if (m.to === null) return a !== undefined && sides.has(a);
    return a === from.key && corpus.guidelineOf(m.to) === to.key;
  };
  const mappings = corpus.mappings.filter(inPair);
  const clauseMappings = mappings.filter((m) => m.level === 'clause');
  const chapterOfFrom = (m: Mapping) => {
    const c = corpus.clause(m.from);
    return c ? `${c.guideline}:${c.chapter}` : '';
  };
  const groupOf = (ch: Chapter): ClauseGroup => ({
    chapter: ch,
    id: compareChapterAnchor(ch.guideline, ch.slug),
    mappings: clauseMappings.filter((m) => chapterOfFrom(m) === `${ch.guideline}:${ch.label}`),
  });
  const groups = [...corpus.chapters(from.key).map(groupOf), ...corpus.chapters(to.key).map(groupOf).filter((g) => g.mappings.length > 0)];
  return {
    slug: comparePairSlug(from.key, to.key),
    url: compareUrl(from.key, to.key),
    from,
    to,
    name: `${from.label} ⇔ ${to.label}`,
    chapterMappings: mappings.filter((m) => m.level === 'chapter'),
    clauseMappings,
    groups,
  };
}

/** The compare pages that list a chapter's clause-level mappings, and where on each. */
export function chapterCompareLinks(corpus: SiteCorpus, guideline: string, label: string): { pair: ComparePair; href: string }[] {
  return comparePairs(corpus).flatMap((pair) => {
    const group = pair.groups.find((g) => g.chapter.guideline === guideline && g.chapter.label === label);
    return group && group.mappings.length > 0 ? [{ pair, href: `${pair.url}#${group.id}` }] : [];
  });
}
