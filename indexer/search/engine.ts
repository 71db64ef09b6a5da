/**
 * An index opened for questions, in Node or in the browser: the lazy store of its published part
 * (index-format/store.ts), the embedder that made its vectors, and the searchers over them.
 *
 * A question runs in three phases, Pagefind-style, each reading only what it needs:
 *   1. rank — the question's term shards (their BM25 postings, and for the built-in embedder their
 *      idf) and its vector's dimension shards (sparse storage) or the dense rows (dense storage in the
 *      browser; Node's HNSW is injected), then every group ranked from the entry file's runs alone;
 *   2. load — the records of the results it will show, fetched once, in one batch;
 *   3. present — hits, snippets, why, counterparts (carried by each record) and verdicts.
 * Each ranking is computed once per question for every group and split afterwards.
 */
import { KojoError } from '../errors/index.ts';
import type { Embedder } from '../embedders/index.ts';
import type { GuidelineInfo } from '../corpus/index.ts';
import type { BrowserManifest, IndexStore } from '../index-format/index.ts';
import type { SynonymGroup } from '../text/index.ts';
import type { Answer, AskOptions } from './ask.ts';
import { dot } from './exact.ts';
import type { Ranked } from './fuse.ts';
import { indexView, type Group } from './groups.ts';
import { scoreLexical } from './lexical.ts';
import { present } from './present.ts';
import { prepareQuery } from './query.ts';
import { rank, type Searchers } from './rank.ts';
import { nonZeros, scoreSparse, topExact, type Scores } from './sparse.ts';

export interface Engine {
  manifest: BrowserManifest;
  /** The index's guideline registry, in order. */
  guidelines: GuidelineInfo[];
  /** What answers: every guideline, then the practice notes when the index holds any. */
  groups: Group[];
  synonyms: SynonymGroup[];
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

/** Top-k entry indexes by cosine among those `accept` lets through (`eligible` of them exist). */
export type DenseSearch = (
  vector: Float32Array,
  k: number,
  accept: (index: number) => boolean,
  eligible: number,
) => Ranked[];

export type QueryEmbedder = Pick<Embedder, 'id' | 'dimension' | 'embedQuery' | 'queryDims'>;

export function createEngine(store: IndexStore, embedder: QueryEmbedder, denseSearch?: DenseSearch): Engine {
  const { entry, where } = store;
  const { manifest } = entry;
  // Vectors from two embedders live in different spaces: a mismatch is an error, never a bad ranking.
  if (embedder.id !== manifest.embedder.id || embedder.dimension !== manifest.embedder.dimension) {
    throw new KojoError(
      'embedder-mismatch',
      `index at ${where} was built with embedder ${manifest.embedder.id} (${manifest.embedder.dimension} dims), not ${embedder.id} (${embedder.dimension} dims); rebuild it with "kojo build-index"`,
    );
  }
  const n = manifest.clauseCount;
  const view = indexView(entry.guidelines, entry);
  const { groupOf, members } = view;

  // ---- what ranking reads, fetched before it runs ---------------------------------------------
  const vectors = new Map<string, Float32Array>();
  const embedQuery = async (text: string) => {
    const known = vectors.get(text);
    if (known) return known;
    // The dimensions its vector will use are fetched while it is embedded, when the embedder can tell.
    const dims = manifest.vectors === 'sparse' && embedder.queryDims ? store.loadDims(embedder.queryDims(text)) : null;
    // Awaited below; should embedding fail first, its own error is the one to report.
    dims?.catch(() => undefined);
    const v = await embedder.embedQuery(text);
    await dims;
    if (manifest.vectors === 'sparse') await store.loadDims(nonZeros(v));
    else if (!denseSearch) await denseRows();
    if (vectors.size > 32) vectors.clear();
    vectors.set(text, v);
    return v;
  };
  let rows: { bytes: Int8Array; scales: Float32Array } | undefined;
  const denseRows = async () => (rows ??= await store.dense());

  // ---- the searchers: synchronous, over shards already loaded ----------------------------------
  const scored = new WeakMap<Float32Array, Scores | Float64Array>();
  const dense = (vector: Float32Array, group: number, k: number): Ranked[] => {
    const own = members[group] ?? [];
    if (manifest.vectors === 'dense' && denseSearch) {
      return denseSearch(vector, k, (index) => groupOf[index] === group, own.length);
    }
    if (manifest.vectors === 'sparse') {
      let scores = scored.get(vector) as Scores | undefined;
      if (!scores) scored.set(vector, (scores = scoreSparse(vector, (d) => store.dim(d), n)));
      return topExact(scores, own, k);
    }
    // Dense rows in the browser: one scan scores every entry; each group takes its own.
    let all = scored.get(vector) as Float64Array | undefined;
    if (!all) {
      const { bytes, scales } = rows!;
      all = new Float64Array(n);
      for (let i = 0; i < n; i++) all[i] = dot(vector, bytes, i * manifest.embedder.dimension, scales[i]!);
      scored.set(vector, all);
    }
    const scores = all;
    return own
      .map((index) => ({ index, score: scores[index]! }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, k);
  };

  const lexicalRuns = new Map<string, Map<number, Ranked[]>>();
  const lexical = (tokens: string[], group: number, k: number): Ranked[] => {
    if (!tokens.length) return [];
    const key = tokens.join(' ');
    let byGroup = lexicalRuns.get(key);
    if (!byGroup) {
      const scores = scoreLexical(
        tokens,
        (t) => {
          const term = store.term(t);
          return term && { docs: term.docs, values: term.scores };
        },
        n,
      );
      byGroup = new Map();
      for (const [index, score] of scores) {
        const g = groupOf[index]!;
        const list = byGroup.get(g) ?? [];
        list.push({ index, score });
        byGroup.set(g, list);
      }
      for (const list of byGroup.values()) list.sort((a, b) => b.score - a.score || a.index - b.index);
      if (lexicalRuns.size > 32) lexicalRuns.clear();
      lexicalRuns.set(key, byGroup);
    }
    return (byGroup.get(group) ?? []).slice(0, k);
  };

  const holders = (token: string, group: number): number[] => {
    const term = store.term(token);
    return [...(term?.docs ?? []), ...(term?.holders ?? [])].filter((i) => groupOf[i] === group);
  };

  const searchers: Searchers = { embedQuery, dense, lexical, holders };

  return {
    manifest,
    guidelines: entry.guidelines,
    groups: view.groups,
    synonyms: entry.synonyms,
    async ask(question, options = {}) {
      const query = prepareQuery(question, entry.synonyms);
      // Rank: the question's terms are fetched while it is embedded (the built-in embedder reads their idf from them).
      const terms = store.loadTerms(query.tokens);
      terms.catch(() => undefined);
      const vector = options.mode === 'lexical' ? null : await embedQuery(query.normalizedQuery);
      await terms;
      const ranking = await rank(query, vector, view, searchers, { embedder: manifest.embedder.name, ...options });
      // Load: the records of the results shown, in one batch.
      await store.loadClauses(ranking.groups.flatMap((g) => g.ranked.map((r) => r.index)));
      // Present.
      return present(ranking, (index) => {
        const record = store.clause(index);
        if (!record) throw new Error(`index record ${index} not loaded`);
        return record;
      });
    },
  };
}

/** The per-term table an embedder keeps by term (Embedder.perTerm), looked up through the store's term shards. */
export function termLookup(store: IndexStore): (terms: string[]) => Promise<Map<string, number>> {
  return async (terms) => {
    await store.loadTerms(terms);
    const out = new Map<string, number>();
    for (const t of terms) {
      const value = store.term(t)?.value;
      if (value !== undefined) out.set(t, value);
    }
    return out;
  };
}
