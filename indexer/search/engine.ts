/**
 * An index opened for questions, in Node or in the browser: the lazy store of its published part
 * (index-format/store.ts), the embedder that made its vectors, and the searchers ask() runs on.
 *
 * Nothing is read before a question needs it: its terms' shards (their BM25 postings, and for the
 * built-in embedder their idf), the dimension shards of its vector (sparse storage) or the dense rows
 * (dense storage in the browser; Node's HNSW is injected), then the records of the clauses it answers
 * with and of their counterparts. Each ranking is computed once per question for all guidelines and
 * split afterwards. ask() itself (ask.ts) is unchanged: it sees `data` whose clauses are placeholders
 * until loaded; reading one it needs is noted, the records are fetched, and ask runs again over the
 * rankings already computed (the first run usually needs only the records).
 */
import { KojoError } from '../errors/index.ts';
import type { Embedder } from '../embedders/index.ts';
import { NOTES_KEY } from '../corpus/index.ts';
import type {
  BrowserManifest,
  ClauseRecord,
  CounterpartRef,
  CounterpartShown,
  IndexedClause,
  IndexStore,
  SearchData,
} from '../index-format/index.ts';
import { features, lexicalTokens, prepareSnippet } from '../text/index.ts';
import { ask, type Answer, type AskOptions } from './ask.ts';
import { dot } from './exact.ts';
import type { Ranked } from './fuse.ts';
import { scoreLexical } from './lexical.ts';
import { nonZeros, scoreSparse, topExact, type Scores } from './sparse.ts';

export interface Engine {
  manifest: BrowserManifest;
  /** The guidelines, synonyms, and the clauses (with their counterparts) loaded so far; others are placeholders. */
  data: SearchData;
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** Loads the records of these clauses (by id) into `data`. */
  loadClauses(ids: string[]): Promise<void>;
  /** A loaded clause's counterparts as a result shows them (its record carries their places, titles and links). */
  counterparts(id: string): CounterpartShown[];
}

/** Top-k clause indexes by cosine among those `accept` lets through (`eligible` of them exist). */
export type DenseSearch = (
  vector: Float32Array,
  k: number,
  accept: (index: number) => boolean,
  eligible: number,
) => Ranked[];

export type QueryEmbedder = Pick<Embedder, 'id' | 'dimension' | 'embedQuery' | 'queryDims'>;

/** How many passes ask may take to find every record it reads: one for the ranking, one for the records it then needs. */
const MAX_PASSES = 4;

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
  // Practice notes rank as a group of their own after the guidelines (runs name it by the next position).
  const hasNotes = entry.runs.some(([g]) => g === entry.guidelines.length);
  const keys = [...entry.guidelines.map((g) => g.key), ...(hasNotes ? [NOTES_KEY] : [])];
  const groupOf = new Uint16Array(n);
  const members = new Map<string, number[]>(keys.map((k) => [k, []]));
  let at = 0;
  for (const [g, count] of entry.runs) {
    for (let i = 0; i < count; i++, at++) {
      groupOf[at] = g;
      members.get(keys[g]!)!.push(at);
    }
  }

  // ---- the data ask() reads: placeholders until a record is loaded --------------------------------
  const missed = new Set<number>();
  let tracking = false;
  /** A clause not loaded yet: what is known of it is given; reading anything else is noted during ask. */
  const placeholder = (index: number, known: Partial<IndexedClause> = {}): IndexedClause => {
    const guideline = keys[groupOf[index]!]!;
    // Group and kind are known before any record loads: what search counts, orders and splits by.
    const stub: Partial<IndexedClause> = { guideline, kind: guideline === NOTES_KEY ? 'note' : 'unit', ...known };
    const miss =
      <T>(empty: T) =>
      () => {
        if (tracking) missed.add(index);
        return empty;
      };
    // No id, not even '': a view that maps clauses by id must not find a placeholder under any.
    if (!('id' in stub)) Object.defineProperty(stub, 'id', { get: miss(undefined), enumerable: true });
    for (const field of ['chapter', 'chapterTitle', 'section', 'title', 'url', 'text', 'basis'] as const) {
      if (!(field in stub)) Object.defineProperty(stub, field, { get: miss(''), enumerable: true });
    }
    if (!('verified' in stub)) Object.defineProperty(stub, 'verified', { get: miss(false), enumerable: true });
    return stub as IndexedClause;
  };
  const clauses = Array.from({ length: n }, (_, i) => placeholder(i));
  const related: Record<string, CounterpartRef[]> = {};
  const shownRelated = new Map<string, CounterpartShown[]>();
  const data: SearchData = { guidelines: entry.guidelines, clauses, related, synonyms: entry.synonyms };
  const loaded = new Set<number>();
  const install = async (indexes: Iterable<number>) => {
    const wanted = [...indexes].filter((i) => !loaded.has(i));
    if (!wanted.length) return;
    await store.loadClauses(wanted);
    for (const i of wanted) {
      const { related: counterparts, ...clause } = store.clause(i) as ClauseRecord;
      clauses[i] = clause;
      related[clause.id] = counterparts.map(({ id, relationship }) => ({ id, relationship }));
      shownRelated.set(clause.id, counterparts);
      loaded.add(i);
      // Done once per clause, not once per question that shows it.
      prepareSnippet(clause.text);
      // A counterpart is shown by its title and place: known from this record, its text until its own loads is not.
      for (const { relationship: _r, at, ...shown } of counterparts)
        if (!loaded.has(at)) clauses[at] = placeholder(at, shown);
    }
  };

  // ---- rankings, each computed once per question for every guideline --------------------------------
  const termMisses = new Set<string>();
  const vectors = new Map<string, Float32Array>();
  const embedQuery = async (text: string) => {
    const known = vectors.get(text);
    if (known) return known;
    // The question's terms are fetched while it is embedded (the built-in embedder reads their idf from them).
    const terms = store.loadTerms(lexicalTokens(features(text, entry.synonyms)));
    // Awaited below; should embedding fail first, its own error is the one to report.
    terms.catch(() => undefined);
    // So are the dimensions its vector will use, when the embedder can tell before it has the weights.
    const dims = manifest.vectors === 'sparse' && embedder.queryDims ? store.loadDims(embedder.queryDims(text)) : null;
    dims?.catch(() => undefined);
    const v = await embedder.embedQuery(text);
    await dims;
    if (manifest.vectors === 'sparse') await store.loadDims(nonZeros(v));
    else if (!denseSearch) await denseRows();
    await terms;
    if (vectors.size > 32) vectors.clear();
    vectors.set(text, v);
    return v;
  };
  let rows: { bytes: Int8Array; scales: Float32Array } | undefined;
  const denseRows = async () => (rows ??= await store.dense());

  const scored = new WeakMap<Float32Array, Scores | Float64Array>();
  const dense = (vector: Float32Array, guideline: string, k: number): Ranked[] => {
    const own = members.get(guideline) ?? [];
    if (manifest.vectors === 'dense' && denseSearch) {
      return denseSearch(vector, k, (index) => keys[groupOf[index]!] === guideline, own.length);
    }
    if (manifest.vectors === 'sparse') {
      let scores = scored.get(vector) as Scores | undefined;
      if (!scores) scored.set(vector, (scores = scoreSparse(vector, (d) => store.dim(d), n)));
      return topExact(scores, own, k);
    }
    // Dense rows in the browser: one scan scores every clause; each guideline takes its own.
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

  const lexicalRuns = new Map<string, Map<string, Ranked[]>>();
  const lexical = (tokens: string[], guideline: string, k: number): Ranked[] => {
    if (!tokens.length) return [];
    const key = tokens.join(' ');
    let byGroup = lexicalRuns.get(key);
    if (!byGroup) {
      const missing = tokens.filter((t) => !store.termLoaded(t));
      if (missing.length) {
        for (const t of missing) termMisses.add(t);
        return [];
      }
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
        const g = keys[groupOf[index]!]!;
        const list = byGroup.get(g) ?? [];
        list.push({ index, score });
        byGroup.set(g, list);
      }
      for (const list of byGroup.values()) list.sort((a, b) => b.score - a.score || a.index - b.index);
      if (lexicalRuns.size > 32) lexicalRuns.clear();
      lexicalRuns.set(key, byGroup);
    }
    return (byGroup.get(guideline) ?? []).slice(0, k);
  };

  const holders = (token: string, guideline: string): number[] => {
    if (!store.termLoaded(token)) {
      termMisses.add(token);
      return [];
    }
    const term = store.term(token);
    const g = keys.indexOf(guideline);
    return [...(term?.docs ?? []), ...(term?.holders ?? [])].filter((i) => groupOf[i] === g);
  };

  // ask() keeps per-searcher caches of term postings: a pass that lacked some terms gets fresh searchers.
  let searchers = { embedQuery, dense, lexical, holders };

  return {
    manifest,
    data,
    async ask(question, options) {
      for (let pass = 1; ; pass++) {
        missed.clear();
        termMisses.clear();
        tracking = true;
        let answer: Answer;
        try {
          answer = await ask(question, data, searchers, { embedder: manifest.embedder.name, ...options });
        } finally {
          tracking = false;
        }
        if ((!missed.size && !termMisses.size) || pass === MAX_PASSES) {
          return answer;
        }
        if (termMisses.size) searchers = { embedQuery, dense, lexical, holders };
        await Promise.all([install(missed), store.loadTerms(termMisses)]);
      }
    },
    async loadClauses(ids) {
      const all = await store.ids();
      const wanted = new Set(ids);
      await install(all.flatMap((id, i) => (wanted.has(id) ? [i] : [])));
    },
    counterparts: (id) => shownRelated.get(id) ?? [],
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
