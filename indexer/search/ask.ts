/**
 * Question → answers from every guideline, each ranked on its own. Pure orchestration over injected searchers, so the CLI
 * (hnswlib) and the browser (exact scan over exported vectors) run exactly this code.
 */
import type { ItemKind, Relationship } from '../corpus/index.ts';
import { KojoError } from '../errors/index.ts';
import type { IndexedClause, SearchData } from '../index-format/index.ts';
import { features, lexicalTokens, makeSnippet, stripConversational, type Features, type SynonymGroup } from '../text/index.ts';
import { reciprocalRankFusion, type Ranked } from './fuse.ts';
import { kindOf, searchGroups } from './groups.ts';

export type Mode = 'hybrid' | 'dense' | 'lexical';

export interface Searchers {
  embedQuery(text: string): Promise<Float32Array>;
  dense(vector: Float32Array, guideline: string, k: number): Ranked[];
  lexical(tokens: string[], guideline: string, k: number): Ranked[];
}

/** A clause that answers, as the CLI prints it and the page shows it. */
export type Hit = Pick<IndexedClause, 'guideline' | 'id' | 'chapter' | 'section' | 'title' | 'basis' | 'verified' | 'url' | 'pages'> & {
  /** An official unit's clause, or a practice note (whose `guideline` is the notes group). */
  kind: ItemKind;
  score: number;
  snippet: string;
  /** [start, end) offsets into `snippet` of the matched words: views mark them as text, never HTML. */
  highlights: [number, number][];
  related: { id: string; relationship: Relationship }[];
  /** A note's official units (clause ids of any guideline). */
  relates?: string[];
};

export interface Answer {
  query: string;
  /** The question as matched, after conversational tails were removed. */
  normalizedQuery: string;
  hits: Hit[];
}

export interface AskOptions {
  k?: number;
  /** One guideline only; default: every guideline of the index, each answering. */
  guideline?: string;
  mode?: Mode;
}

/** Per guideline, whether a clause index belongs to it: the filter every dense searcher applies. */
export function guidelineFilters(data: Pick<SearchData, 'guidelines' | 'clauses'>): Map<string, { accept: (index: number) => boolean; count: number }> {
  return new Map(
    searchGroups(data).map((key) => [key, { accept: (index: number) => data.clauses[index]?.guideline === key, count: data.clauses.filter((c) => c.guideline === key).length }]),
  );
}

/** How many candidates each ranking contributes before fusion. */
const candidates = (k: number) => Math.max(4 * k, 20);

export async function ask(question: string, data: SearchData, searchers: Searchers, options: AskOptions = {}): Promise<Answer> {
  const { k = 5, mode = 'hybrid' } = options;
  const normalizedQuery = stripConversational(question);
  const f = features(normalizedQuery, data.synonyms);
  if (!question.trim()) throw new KojoError('empty-question', 'the question is empty');
  if (!normalizedQuery || (!f.words.length && !f.bigrams.length && !f.synonyms.length)) {
    throw new KojoError('empty-question', 'the question is empty after removing punctuation and fillers');
  }
  const tokens = lexicalTokens(f);
  const vector = mode === 'lexical' ? null : await searchers.embedQuery(normalizedQuery);
  const forms = highlightForms(f, data.synonyms);

  const hits: Hit[] = [];
  for (const guideline of searchGroups(data, options.guideline)) {
    const dense = vector ? searchers.dense(vector, guideline, candidates(k)) : [];
    const lexical = mode === 'dense' ? [] : searchers.lexical(tokens, guideline, candidates(k));
    const rankings = mode === 'hybrid' ? [dense, lexical] : mode === 'dense' ? [dense] : [lexical];
    let ranked = reciprocalRankFusion(rankings);
    // Every guideline always answers: a lexical-only miss falls back to reading order.
    if (ranked.length < k) ranked = ranked.concat(fillers(data, guideline, ranked, k));
    for (const r of ranked.slice(0, k)) hits.push(toHit(data, r, forms));
  }
  return { query: question, normalizedQuery, hits };
}

function fillers(data: SearchData, guideline: string, taken: Ranked[], k: number): Ranked[] {
  const seen = new Set(taken.map((r) => r.index));
  const out: Ranked[] = [];
  data.clauses.forEach((c, index) => {
    if (c.guideline === guideline && !seen.has(index) && out.length + taken.length < k) out.push({ index, score: 0 });
  });
  return out;
}

/** The words to mark in snippets: the question's own words and every spelling of its glossary terms. */
function highlightForms(f: Features, synonyms: SynonymGroup[]): string[] {
  const ids = new Set(f.synonyms.map((s) => s.slice(4)));
  const synonymForms = synonyms.filter((g) => ids.has(g.id)).flatMap((g) => g.forms);
  return [...new Set([...f.matchedForms, ...synonymForms])].filter((w) => [...w].length >= 2);
}

function toHit(data: SearchData, r: Ranked, forms: string[]): Hit {
  const c = data.clauses[r.index]!;
  const snippet = makeSnippet(c.text, forms);
  return {
    guideline: c.guideline,
    kind: kindOf(c),
    id: c.id,
    chapter: c.chapter,
    section: c.section,
    title: c.title,
    basis: c.basis,
    verified: c.verified,
    ...(c.pages && { pages: c.pages }),
    score: Math.round(r.score * 1e6) / 1e6,
    url: c.url,
    snippet: snippet.text,
    highlights: snippet.highlights,
    related: (data.related[c.id] ?? []).map(({ id, relationship }) => ({ id, relationship })),
    ...(c.relates ? { relates: c.relates } : {}),
  };
}
