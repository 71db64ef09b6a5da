/**
 * The rank phase: per group, the dense and BM25 rankings fused (each computed once per question for
 * every group by the searchers), one entry per official unit, and whether the group has a close match.
 * It reads only what ranking needs — postings, vectors, each entry's group — never a record.
 */
import {
  coverageOf,
  idfWeight,
  isLatinQuestion,
  verdict,
  type Evidence,
  type Term,
  type Verdict,
} from './confidence.ts';
import { reciprocalRankFusion, type Ranked } from './fuse.ts';
import { groupsToAnswer, type Group, type IndexView } from './groups.ts';
import type { AskedTerm, Query } from './query.ts';

export type Mode = 'hybrid' | 'dense' | 'lexical';

/** The rankings behind an answer, over a view of the index; groups are positions in `view.groups`. */
export interface Searchers {
  embedQuery(text: string): Promise<Float32Array>;
  dense(vector: Float32Array, group: number, k: number): Ranked[];
  lexical(tokens: string[], group: number, k: number): Ranked[];
  /** The entries of a group that contain a term, scored or not (an index may keep no postings for common terms); default: its BM25 hits. */
  holders?(token: string, group: number): number[];
}

export interface RankOptions {
  k?: number;
  /** One guideline only; default: every guideline of the index, each answering, then the notes. */
  guideline?: string;
  mode?: Mode;
  /** The index's embedder (manifest name): which calibration of "no close match" applies. */
  embedder?: string;
  /** Called between pieces of work (the browser lets the page breathe: no long main-thread task). */
  pause?: () => Promise<void>;
}

export interface RankedGroup {
  group: Group;
  /** Its top k, best first. */
  ranked: Ranked[];
  verdict: Verdict;
  /** The question's content terms and the entries of this group that hold each (why a result matched). */
  terms: Map<AskedTerm, Term>;
}

export interface Ranking {
  query: Query;
  groups: RankedGroup[];
}

/** How many candidates each ranking contributes before fusion. */
const candidates = (k: number) => Math.max(4 * k, 20);

export async function rank(
  query: Query,
  vector: Float32Array | null,
  view: IndexView,
  searchers: Searchers,
  options: RankOptions = {},
): Promise<Ranking> {
  const { k = 5, mode = 'hybrid' } = options;
  const groups: RankedGroup[] = [];
  const latin = isLatinQuestion(query.normalizedQuery);
  for (const g of groupsToAnswer(view, options.guideline)) {
    await options.pause?.();
    const dense = vector ? searchers.dense(vector, g, candidates(k)) : [];
    const lexical = searchers.lexical(query.tokens, g, candidates(k));
    const rankings = mode === 'hybrid' ? [dense, lexical] : mode === 'dense' ? [dense] : [lexical];
    let ranked = onePerUnit(reciprocalRankFusion(rankings), view);
    // Every group always answers: a lexical-only miss falls back to reading order.
    if (ranked.length < k) ranked = ranked.concat(fillers(view, g, ranked, k));
    await options.pause?.();
    const terms = termDocs(query.asked, g, view, searchers);
    const shape = termDocs(query.shape, g, view, searchers);
    groups.push({
      group: view.groups[g]!,
      ranked: ranked.slice(0, k),
      verdict: verdict(
        evidence(ranked, dense, lexical, terms, [...shape.values()]),
        options.embedder,
        latin,
        view.references.has(g),
      ),
      terms,
    });
  }
  return { query, groups };
}

/** A unit answers once, by its best passage: the next places go to other units. */
function onePerUnit(ranked: Ranked[], view: IndexView): Ranked[] {
  const seen = new Set<number>();
  return ranked.filter((r) => {
    const unit = view.unitOf(r.index);
    if (seen.has(unit)) return false;
    seen.add(unit);
    return true;
  });
}

function fillers(view: IndexView, group: number, taken: Ranked[], k: number): Ranked[] {
  const seen = new Set(taken.map((r) => view.unitOf(r.index)));
  const out: Ranked[] = [];
  for (const index of view.members[group] ?? []) {
    if (out.length + taken.length >= k) break;
    if (seen.has(view.unitOf(index))) continue;
    seen.add(view.unitOf(index));
    out.push({ index, score: 0 });
  }
  return out;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** What the rankings hold on whether a group has a close answer (see confidence.ts). */
function evidence(
  ranked: Ranked[],
  dense: Ranked[],
  lexical: Ranked[],
  asked: Map<AskedTerm, Term>,
  bigrams: Term[],
): Evidence {
  const top = ranked.slice(0, 3).map((r) => r.index);
  const words = [...asked.values()];
  const glossary = [...asked].some(([a, t]) => a.synonym && top.some((i) => t.docs.has(i)));
  const best = (terms: Term[]) => Math.max(0, ...top.map((i) => coverageOf(terms, [i])));
  const w = best(words);
  const b = best(bigrams);
  return {
    // Both halves must hold: bigrams alone meet fragments inside other words (リスト in チェックリスト,
    // "Pythonでリストを並べ替える"), words alone miss compounds the segmenter cut differently.
    coverage: round3(Math.sqrt(w * b)),
    words: round3(w),
    bigrams: round3(b),
    similarity: round3(dense[0]?.score ?? 0),
    glossary,
    agreement: dense.slice(0, 3).some((d) => lexical.slice(0, 3).some((l) => l.index === d.index)),
  };
}

/**
 * Per asked term: its weight in this group and the entries of it that contain it (the lexical index
 * knows). A word this group never uses but another does (the other guideline, the notes, a reference
 * framework) is the domain's vocabulary the group's terse text happens to lack: it weighs as the rarest
 * word the group uses, not as a sign the question is about something else (see idfWeight).
 */
function termDocs(asked: AskedTerm[], group: number, view: IndexView, searchers: Searchers): Map<AskedTerm, Term> {
  const n = view.members[group]?.length ?? 0;
  const holders = holdersOf(searchers, view);
  return new Map(
    asked.map((t) => {
      const docs = holders(t.token, group);
      const known = view.groups.some((_, g) => holders(t.token, g).size > 0);
      return [t, { weight: idfWeight(docs.size, n, known), docs }];
    }),
  );
}

/** The entries of a group that hold a term, cached per searcher (one index): questions share most of their terms and bigrams. */
function holdersOf(searchers: Searchers, view: IndexView): (token: string, group: number) => Set<number> {
  let cache = docCache.get(searchers);
  if (!cache || cache.size > 20_000) docCache.set(searchers, (cache = new Map()));
  const c = cache;
  return (token, group) => {
    const key = `${group}\u0000${token}`;
    let docs = c.get(key);
    if (!docs) {
      const ids = searchers.holders
        ? searchers.holders(token, group)
        : searchers.lexical([token], group, view.members[group]?.length ?? 0).map((r) => r.index);
      c.set(key, (docs = new Set(ids)));
    }
    return docs;
  };
}

const docCache = new WeakMap<Searchers, Map<string, Set<number>>>();
