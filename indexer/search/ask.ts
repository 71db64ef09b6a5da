/**
 * Question → answers from every guideline, each ranked on its own. Pure orchestration over injected searchers, so the CLI
 * (hnswlib) and the browser (exact scan over exported vectors) run exactly this code.
 */
import type { ItemKind, Relationship } from '../corpus/index.ts';
import { KojoError } from '../errors/index.ts';
import type { IndexedClause, SearchData } from '../index-format/index.ts';
import {
  features,
  lexicalTokens,
  makeSnippet,
  matchRanges,
  normalizeText,
  stripConversational,
  type Features,
  type SynonymGroup,
} from '../text/index.ts';
import { coverageOf, idfWeight, verdict, type Evidence, type Term, type Verdict } from './confidence.ts';
import { reciprocalRankFusion, type Ranked } from './fuse.ts';
import { kindOf, searchGroups } from './groups.ts';

export type Mode = 'hybrid' | 'dense' | 'lexical';

export interface Searchers {
  embedQuery(text: string): Promise<Float32Array>;
  dense(vector: Float32Array, guideline: string, k: number): Ranked[];
  lexical(tokens: string[], guideline: string, k: number): Ranked[];
  /** The clauses of a guideline that contain a term, scored or not (an index may keep no postings for common terms); default: its BM25 hits. */
  holders?(token: string, guideline: string): number[];
}

/** A clause that answers, as the CLI prints it and the page shows it. */
export type Hit = Pick<
  IndexedClause,
  'guideline' | 'id' | 'chapter' | 'section' | 'title' | 'basis' | 'verified' | 'url' | 'pages'
> & {
  /** An official unit's clause, or a practice note (whose `guideline` is the notes group). */
  kind: ItemKind;
  score: number;
  snippet: string;
  /** [start, end) offsets into `snippet` of the matched words: views mark them as text, never HTML. */
  highlights: [number, number][];
  related: { id: string; relationship: Relationship }[];
  /** A note's official units (clause ids of any guideline). */
  relates?: string[];
  /** Why it matched, in the reader's terms: the question's words it contains and glossary ideas it names another way. */
  why: Why;
};

export interface Why {
  /** The question's content words the clause contains, as the question spelled them. */
  words: string[];
  /** Glossary ideas the clause names in other words: `asked` (the question's) ≈ `found` (the clause's). */
  synonyms: { asked: string; found: string }[];
}

export interface Answer {
  query: string;
  /** The question as matched, after conversational tails were removed. */
  normalizedQuery: string;
  hits: Hit[];
  /** Per guideline answered: whether it has a close match (see confidence.ts), and the evidence. */
  verdicts: Record<string, Verdict>;
}

export interface AskOptions {
  k?: number;
  /** One guideline only; default: every guideline of the index, each answering. */
  guideline?: string;
  mode?: Mode;
  /** The index's embedder (manifest name): which calibration of "no close match" applies. */
  embedder?: string;
  /** Called between pieces of work (the browser lets the page breathe: no long main-thread task). */
  pause?: () => Promise<void>;
}

/** Per guideline, whether a clause index belongs to it: the filter every dense searcher applies. */
export function guidelineFilters(
  data: Pick<SearchData, 'guidelines' | 'clauses'>,
): Map<string, { accept: (index: number) => boolean; count: number }> {
  return new Map(
    searchGroups(data).map((key) => [
      key,
      {
        accept: (index: number) => data.clauses[index]?.guideline === key,
        count: data.clauses.filter((c) => c.guideline === key).length,
      },
    ]),
  );
}

/** How many candidates each ranking contributes before fusion. */
const candidates = (k: number) => Math.max(4 * k, 20);

export async function ask(
  question: string,
  data: SearchData,
  searchers: Searchers,
  options: AskOptions = {},
): Promise<Answer> {
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
  const asked = askedTerms(normalizedQuery, f, data.synonyms);

  const hits: Hit[] = [];
  const verdicts: Record<string, Verdict> = {};
  for (const guideline of searchGroups(data, options.guideline)) {
    await options.pause?.();
    const dense = vector ? searchers.dense(vector, guideline, candidates(k)) : [];
    const lexical = searchers.lexical(tokens, guideline, candidates(k));
    const rankings = mode === 'hybrid' ? [dense, lexical] : mode === 'dense' ? [dense] : [lexical];
    let ranked = reciprocalRankFusion(rankings);
    // Every guideline always answers: a lexical-only miss falls back to reading order.
    if (ranked.length < k) ranked = ranked.concat(fillers(data, guideline, ranked, k));
    await options.pause?.();
    const terms = termDocs(asked, guideline, data, searchers);
    const shape = termDocs(bigramTerms(f), guideline, data, searchers);
    verdicts[guideline] = verdict(
      evidence(ranked, dense, lexical, [...terms.values()], [...shape.values()]),
      options.embedder,
    );
    for (const r of ranked.slice(0, k)) hits.push(toHit(data, r, forms, whyOf(data, r.index, terms, asked)));
  }
  return { query: question, normalizedQuery, hits, verdicts };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** What the rankings hold on whether a guideline has a close answer (see confidence.ts). */
function evidence(ranked: Ranked[], dense: Ranked[], lexical: Ranked[], words: Term[], bigrams: Term[]): Evidence {
  const top = ranked.slice(0, 3).map((r) => r.index);
  const best = (terms: Term[]) => Math.max(0, ...top.map((i) => coverageOf(terms, [i])));
  return {
    coverage: round3((best(words) + best(bigrams)) / 2),
    similarity: round3(dense[0]?.score ?? 0),
    agreement: dense.slice(0, 3).some((d) => lexical.slice(0, 3).some((l) => l.index === d.index)),
  };
}

/** A content term of the question: a word or a glossary idea, with how the question spelled it. */
interface AskedTerm {
  token: string;
  shown: string;
  synonym?: SynonymGroup;
}

/** The question's content words (no lone kana, no duplicates) and glossary ideas, spelled as typed. */
function askedTerms(question: string, f: Features, synonyms: SynonymGroup[]): AskedTerm[] {
  const spelled = (form: string) => {
    const [range] = matchRanges(question, [form]);
    return range ? question.slice(range[0], range[1]) : form;
  };
  const out = new Map<string, AskedTerm>();
  for (const w of f.words)
    if ([...w].length >= 2 || /[\u4E00-\u9FFF]/.test(w)) out.set(w, { token: w, shown: spelled(w) });
  for (const id of new Set(f.synonyms.map((s) => s.slice(4)))) {
    const group = synonyms.find((g) => g.id === id);
    if (!group) continue;
    const form = group.forms.find((fm) => normalizeText(question).includes(fm)) ?? group.forms[0]!;
    // A word inside a glossary term is counted with the term (古い in 古いOS), not twice.
    for (const [w] of out) if (form.includes(w)) out.delete(w);
    out.set(`syn:${id}`, { token: `syn:${id}`, shown: spelled(form), synonym: group });
  }
  return [...out.values()];
}

/** The question's kanji/katakana bigrams and ASCII words: coverage that does not depend on where the segmenter cut a compound. */
function bigramTerms(f: Features): AskedTerm[] {
  // ASCII words have no bigrams (tokenize.ts): they stand for themselves here too (Wi-Fi, SOC).
  const ascii = f.words.filter((w) => /^[a-z0-9]+$/.test(w)).map((w) => ({ token: w, shown: w }));
  return [...[...new Set(f.bigrams)].map((b) => ({ token: `#${b}`, shown: b })), ...ascii];
}

/** Per asked term: its weight in this guideline and the clauses of it that contain it (the lexical index knows). */
function termDocs(asked: AskedTerm[], guideline: string, data: SearchData, searchers: Searchers): Map<AskedTerm, Term> {
  const n = countIn(data, guideline);
  let cache = docCache.get(searchers);
  if (!cache || cache.size > 20_000) docCache.set(searchers, (cache = new Map()));
  return new Map(
    asked.map((t) => {
      const key = `${guideline}\u0000${t.token}`;
      let docs = cache.get(key);
      if (!docs)
        cache.set(
          key,
          (docs = new Set(
            searchers.holders
              ? searchers.holders(t.token, guideline)
              : searchers.lexical([t.token], guideline, n).map((r) => r.index),
          )),
        );
      return [t, { weight: idfWeight(docs.size, n, t.token), docs }];
    }),
  );
}

/** Which clauses hold a term, per searcher (one index): questions share most of their terms and bigrams. */
const docCache = new WeakMap<Searchers, Map<string, Set<number>>>();

const counts = new WeakMap<SearchData, Map<string, number>>();
function countIn(data: SearchData, guideline: string): number {
  let m = counts.get(data);
  if (!m) {
    m = new Map();
    for (const c of data.clauses) m.set(c.guideline, (m.get(c.guideline) ?? 0) + 1);
    counts.set(data, m);
  }
  return m.get(guideline) ?? 0;
}

function whyOf(data: SearchData, index: number, terms: Map<AskedTerm, Term>, asked: AskedTerm[]): Why {
  const why: Why = { words: [], synonyms: [] };
  const c = data.clauses[index]!;
  for (const t of asked) {
    if (!terms.get(t)?.docs.has(index)) continue;
    if (!t.synonym) {
      why.words.push(t.shown);
      continue;
    }
    const text = `${c.title}\n${c.text}`;
    const [range] = matchRanges(text, t.synonym.forms);
    const found = range ? text.slice(range[0], range[1]) : t.shown;
    if (normalizeText(found) === normalizeText(t.shown)) why.words.push(t.shown);
    else why.synonyms.push({ asked: t.shown, found });
  }
  return why;
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

function toHit(data: SearchData, r: Ranked, forms: string[], why: Why): Hit {
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
    why,
  };
}
