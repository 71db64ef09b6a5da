/**
 * The compare pages: one per pair of guidelines, the earlier one (guidelines.yml order) on the left,
 * because mappings read from the earlier guideline to the later one. `/compare/` shows the first pair;
 * every pair also has `/compare/{from}-{to}/`.
 */
import { chapterName, mappingsFor, placeLabel, type GuidelineMeta, type Mapping } from '../../indexer/corpus/index.ts';
import type { Chapter, SiteCorpus } from './corpus.ts';
import { pairHead, pairsOnce, type PairHead } from './pair.ts';
import { compareChapterAnchor } from './paths.ts';

/**
 * One mapping as a row of a compare table, always in the pair's direction: the earlier guideline's end
 * (`left`) first, the later one's (`right`) second; a no-counterpart entry leaves its missing side null.
 */
export interface CompareRow {
  left: string | null;
  right: string | null;
  mapping: Mapping;
}

/**
 * The six columns of a mapping table, left to right. The header shows them; on a phone, where each
 * row is stacked as a card, every cell names its column with them (global.css, `.mapping-table`).
 */
export function mappingColumns(left: string, right: string): string[] {
  return [`${left}（対応元）`, '関係', `${right}（対応先）`, '根拠の種類', '確度', '根拠'];
}

/** The clause-level mappings of one chapter's clauses (those whose `from` is in the chapter). */
export interface ClauseGroup {
  chapter: Chapter;
  /** `clauses-{guideline}-{slug}`: the anchor chapter pages link to. */
  id: string;
  mappings: Mapping[];
  /** The same mappings as rows, in reading order of both guidelines. */
  rows: CompareRow[];
}

export interface ComparePair extends PairHead {
  /** Mappings between the two, and the no-counterpart entries of either side. */
  chapterMappings: Mapping[];
  clauseMappings: Mapping[];
  /** `chapterMappings` as rows in the left guideline's order (then the right one's). */
  chapterRows: CompareRow[];
  /** Every chapter of `from`, then the chapters of `to` whose own clauses have entries (no-counterpart). */
  groups: ClauseGroup[];
}

export const comparePairs: (corpus: SiteCorpus) => ComparePair[] = pairsOnce(
  (corpus) => corpus.guidelines.pairs(),
  pairOf,
);

function pairOf(corpus: SiteCorpus, from: GuidelineMeta, to: GuidelineMeta): ComparePair {
  const sides = new Set([from.key, to.key]);
  const inPair = (m: Mapping) => {
    const a = corpus.guidelineOf(m.from);
    if (m.to === null) return a !== undefined && sides.has(a);
    return a === from.key && corpus.guidelineOf(m.to) === to.key;
  };
  // Between the two guidelines only: a unit's no-counterpart in a reference framework is the crosswalk's.
  const mappings = mappingsFor(corpus.mappings, corpus.guidelines, undefined).filter(inPair);
  const clauseMappings = mappings.filter((m) => m.level === 'clause');
  const chapterOfFrom = (m: Mapping) => {
    const c = corpus.clause(m.from);
    return c ? `${c.guideline}:${c.chapter}` : '';
  };
  const rowsOf = orientedRows(corpus, from.key, to.key);
  const groupOf = (ch: Chapter): ClauseGroup => {
    const own = clauseMappings.filter((m) => chapterOfFrom(m) === `${ch.guideline}:${ch.label}`);
    return { chapter: ch, id: compareChapterAnchor(ch.guideline, ch.slug), mappings: own, rows: rowsOf(own) };
  };
  const chapterMappings = mappings.filter((m) => m.level === 'chapter');
  const groups = [
    ...corpus.chapters(from.key).map(groupOf),
    ...corpus
      .chapters(to.key)
      .map(groupOf)
      .filter((g) => g.mappings.length > 0),
  ];
  return {
    ...pairHead(from, to),
    chapterMappings,
    clauseMappings,
    chapterRows: rowsOf(chapterMappings),
    groups,
  };
}

/**
 * Mappings as rows read one way (left → right) and sorted the way both guidelines read: by the left
 * end's place (chapter, then clause, in official order), then the right end's; rows with no left end
 * (the right guideline's no-counterpart entries) come last, in the right guideline's order.
 */
export function orientedRows(corpus: SiteCorpus, left: string, right: string): (mappings: Mapping[]) => CompareRow[] {
  const place = new Map<string, number>();
  for (const key of [left, right]) {
    corpus.chapters(key).forEach((ch, i) => {
      place.set(`${key}:${ch.label}`, i * 10_000);
      ch.clauses.forEach((c, j) => place.set(c.id, i * 10_000 + j + 1));
    });
  }
  const at = (ref: string | null) => (ref === null ? 2e12 : (place.get(ref) ?? 1e12));
  return (mappings) =>
    mappings
      .map((m): CompareRow => {
        if (m.to !== null) return { left: m.from, right: m.to, mapping: m };
        return corpus.guidelineOf(m.from) === right
          ? { left: null, right: m.from, mapping: m }
          : { left: m.from, right: null, mapping: m };
      })
      .sort((a, b) => at(a.left) - at(b.left) || at(a.right) - at(b.right));
}

/** A chapter ref or clause id as a reader cites it: 「METI 3章 セキュリティ対策…」, 「METI 3章 ステップ2-2 …」. */
export function refTitle(corpus: SiteCorpus, ref: string): string {
  const ch = ref.includes(':') ? corpus.chapter(ref) : undefined;
  if (ch) return `${corpus.guideline(ch.guideline).label} ${chapterName(ch.label)} ${ch.title}`;
  const c = corpus.clause(ref);
  return c ? `${corpus.guideline(c.guideline).label} ${placeLabel(c)} ${c.title}` : '';
}

/** The compare pages that list a chapter's clause-level mappings, and where on each. */
export function chapterCompareLinks(
  corpus: SiteCorpus,
  guideline: string,
  label: string,
): { pair: ComparePair; href: string }[] {
  return comparePairs(corpus).flatMap((pair) => {
    const group = pair.groups.find((g) => g.chapter.guideline === guideline && g.chapter.label === label);
    return group && group.mappings.length > 0 ? [{ pair, href: `${pair.url}#${group.id}` }] : [];
  });
}
