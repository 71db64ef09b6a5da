/**
 * Question → answers from both guidelines. Pure orchestration over injected searchers, so the CLI
 * (hnswlib) and the browser (exact scan over exported vectors) run exactly this code.
 */
import { reciprocalRankFusion, type Ranked } from './fuse.ts';
import { stripConversational } from './question.ts';
import type { Related } from './related.ts';
import { guidelineKeys, type GuidelineKey } from './keys.ts';
import type { Basis, Relationship } from './schema.ts';
import { makeSnippet, type Snippet } from './snippet.ts';
import type { SynonymGroup } from './synonyms.ts';
import { features, lexicalTokens, type Features } from './tokenize.ts';

/** A clause as the search knows it: enough to rank, show and link it. */
export interface SearchClause {
  id: string;
  guideline: GuidelineKey;
  chapter: string;
  chapterTitle: string;
  section: string;
  title: string;
  basis: Basis;
  verified: boolean;
  url: string;
  /** Body as plain text. */
  text: string;
}

export interface SearchData {
  clauses: SearchClause[];
  related: Record<string, Related[]>;
  synonyms: SynonymGroup[];
}

export type Mode = 'hybrid' | 'dense' | 'lexical';

export interface Searchers {
  embedQuery(text: string): Promise<Float32Array>;
  dense(vector: Float32Array, guideline: GuidelineKey, k: number): Ranked[];
  lexical(tokens: string[], guideline: GuidelineKey, k: number): Ranked[];
}

export interface Hit {
  guideline: GuidelineKey;
  id: string;
  chapter: string;
  section: string;
  title: string;
  basis: Basis;
  verified: boolean;
  score: number;
  url: string;
  snippet: string;
  highlights: [number, number][];
  related: { id: string; relationship: Relationship }[];
}

export interface Answer {
  query: string;
  /** The question as matched, after conversational tails were removed. */
  normalizedQuery: string;
  hits: Hit[];
}

export interface AskOptions {
  k?: number;
  guideline?: GuidelineKey;
  mode?: Mode;
}

export class EmptyQuestion extends Error {
  constructor() {
    super('the question is empty');
  }
}

/** Per guideline, whether a clause index belongs to it: the filter both dense searchers apply. */
export function guidelineFilters(clauses: Pick<SearchClause, 'guideline'>[]): Record<GuidelineKey, (index: number) => boolean> {
  return Object.fromEntries(guidelineKeys.map((g) => [g, (index: number) => clauses[index]?.guideline === g])) as Record<
    GuidelineKey,
    (index: number) => boolean
  >;
}

/** How many candidates each ranking contributes before fusion. */
const candidates = (k: number) => Math.max(4 * k, 20);

export async function ask(question: string, data: SearchData, searchers: Searchers, options: AskOptions = {}): Promise<Answer> {
  const { k = 5, mode = 'hybrid' } = options;
  const normalizedQuery = stripConversational(question);
  const f = features(normalizedQuery, data.synonyms);
  if (!normalizedQuery || (!f.words.length && !f.bigrams.length && !f.synonyms.length)) throw new EmptyQuestion();
  const tokens = lexicalTokens(f);
  const vector = mode === 'lexical' ? null : await searchers.embedQuery(normalizedQuery);
  const forms = highlightForms(f, data.synonyms);

  const hits: Hit[] = [];
  for (const guideline of options.guideline ? [options.guideline] : guidelineKeys) {
    const dense = vector ? searchers.dense(vector, guideline, candidates(k)) : [];
    const lexical = mode === 'dense' ? [] : searchers.lexical(tokens, guideline, candidates(k));
    const rankings = mode === 'hybrid' ? [dense, lexical] : mode === 'dense' ? [dense] : [lexical];
    let ranked = reciprocalRankFusion(rankings);
    // Both guidelines always answer: a lexical-only miss falls back to reading order.
    if (ranked.length < k) ranked = ranked.concat(fillers(data, guideline, ranked, k));
    for (const r of ranked.slice(0, k)) hits.push(toHit(data, r, forms));
  }
  return { query: question, normalizedQuery, hits };
}

function fillers(data: SearchData, guideline: GuidelineKey, taken: Ranked[], k: number): Ranked[] {
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
  const snippet: Snippet = makeSnippet(c.text, forms);
  return {
    guideline: c.guideline,
    id: c.id,
    chapter: c.chapter,
    section: c.section,
    title: c.title,
    basis: c.basis,
    verified: c.verified,
    score: Math.round(r.score * 1e6) / 1e6,
    url: c.url,
    snippet: snippet.text,
    highlights: snippet.highlights,
    related: (data.related[c.id] ?? []).map(({ id, relationship }) => ({ id, relationship })),
  };
}
