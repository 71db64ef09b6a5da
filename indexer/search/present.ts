/**
 * The present phase: a ranking and the records of its results → the answer views show — hits with
 * their snippets, why each matched, counterparts as shown, and each group's verdict. Each result's
 * record is read once; nothing else is.
 */
import type { ClauseRecord } from '../index-format/index.ts';
import { makeSnippet } from '../text/index.ts';
import { assess, whyShown, type Assessment } from './assess.ts';
import type { Ranked } from './fuse.ts';
import type { Ranking } from './rank.ts';
import type { Answer, Hit } from './ask.ts';

export function present(ranking: Ranking, record: (index: number) => ClauseRecord): Answer {
  const { query } = ranking;
  const hits: Hit[] = [];
  const answer: Answer = { query: query.question, normalizedQuery: query.normalizedQuery, hits, verdicts: {} };
  for (const { group, ranked, verdict, terms } of ranking.groups) {
    if (group.kind === 'note') answer.notes = verdict;
    else answer.verdicts[group.guideline] = verdict;
    const shown = ranked.map((r) => {
      const c = record(r.index);
      const a = assess(c, r.index, terms, query.asked);
      return { hit: toHit(c, r, a), a };
    });
    hits.push(...arrange(shown, query.asked.filter((t) => t.synonym).length));
  }
  return answer;
}

/**
 * A group's results as shown, in three tiers, each in ranking order: the answers whose own text holds
 * as much of the question's content as any result of the group holds in any way (so a pointer never
 * outranks an answer that carries the question); then the other results, pointers among them; then the
 * weak ones, folded. Weak: below FOLD_FLOOR of the group's best fused score, or holding (in any way)
 * less than MATCH_FLOOR of the question's content the best-matching result of the group holds.
 * Ranking's order is kept within a tier: it weighs meaning and rarity, which shares alone do not.
 * When the question names glossary ideas (FSIRT, ネットワーク分離, SOC), they are its topic: an answer
 * goes before the pointers only if its own text names one of them, so a unit sharing the question's
 * verbs (1章「背景」 and 「立ち上げ」 of 「FSIRTを立ち上げるには」) does not outrank the unit that treats FSIRT
 * (eval, Japanese tuning hit@1: meti 0.805 → 0.816, gutp 0.770 → 0.782).
 */
/** `ideas`: how many glossary ideas the question names. */
function arrange(shown: { hit: Hit; a: Assessment }[], ideas: number): Hit[] {
  const carriesIdeas = (a: Assessment) => !ideas || a.own.some((t) => t.synonym);
  const bestScore = Math.max(0, ...shown.map(({ hit }) => hit.score));
  const bestMatch = Math.max(0, ...shown.map(({ a }) => a.matchedShare));
  for (const { hit, a } of shown) {
    if (hit.score <= 0 || hit.score < FOLD_FLOOR * bestScore || a.matchedShare < MATCH_FLOOR * bestMatch)
      hit.folded = true;
  }
  const tier = ({ hit, a }: { hit: Hit; a: Assessment }) =>
    hit.folded ? 2 : hit.role === 'answer' && a.ownShare >= ANSWER_SHARE * bestMatch && carriesIdeas(a) ? 0 : 1;
  return shown
    .map((x, i) => ({ x, i }))
    .sort((p, q) => tier(p.x) - tier(q.x) || p.i - q.i)
    .map(({ x }) => x.hit);
}

/** Below this share of its group's best fused score, a result is folded under 「その他の近い条項」. */
export const FOLD_FLOOR = 0.5;
/** Below this share of the content the group's best-matching result holds, a result is folded (calibrated on the tuning sets). */
export const MATCH_FLOOR = 0.5;
/** An answer ranks before the pointers when its own text holds at least this share of what the group's best-matching result holds. */
export const ANSWER_SHARE = 1;

function toHit(c: ClauseRecord, r: Ranked, a: Assessment): Hit {
  const snippet = makeSnippet(c.text, a.forms);
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
    why: whyShown(`${c.title}\n${snippet.text}`, a),
    role: a.role,
  };
}
