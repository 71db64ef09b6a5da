/**
 * The present phase: a ranking and the records of its results → the answer views show — hits with
 * their snippets, why each matched, counterparts as shown, and each group's verdict. Each result's
 * record is read once; nothing else is.
 */
import type { ClauseRecord } from '../index-format/index.ts';
import { makeSnippet, matchRanges, normalizeText } from '../text/index.ts';
import type { Term } from './confidence.ts';
import type { Ranked } from './fuse.ts';
import type { AskedTerm } from './query.ts';
import type { Ranking } from './rank.ts';
import type { Answer, Hit, Why } from './ask.ts';

export function present(ranking: Ranking, record: (index: number) => ClauseRecord): Answer {
  const { query } = ranking;
  const hits: Hit[] = [];
  const answer: Answer = { query: query.question, normalizedQuery: query.normalizedQuery, hits, verdicts: {} };
  for (const { group, ranked, verdict, terms } of ranking.groups) {
    if (group.kind === 'note') answer.notes = verdict;
    else answer.verdicts[group.guideline] = verdict;
    for (const r of ranked) {
      const c = record(r.index);
      hits.push(toHit(c, r, query.forms, whyOf(c, r.index, terms, query.asked)));
    }
  }
  return answer;
}

function whyOf(c: ClauseRecord, index: number, terms: Map<AskedTerm, Term>, asked: AskedTerm[]): Why {
  const why: Why = { words: [], synonyms: [] };
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

function toHit(c: ClauseRecord, r: Ranked, forms: string[], why: Why): Hit {
  const snippet = makeSnippet(c.text, forms);
  return {
    ...(c.guideline !== undefined && { guideline: c.guideline }),
    kind: c.kind,
    id: c.id,
    ...(c.unit && { unit: c.unit }),
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
    related: c.related.map(({ at: _at, ...shown }) => shown),
    ...(c.relates ? { relates: c.relates } : {}),
    why,
  };
}
