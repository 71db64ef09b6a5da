/**
 * The present phase: a ranking and the records of its results → the answer views show — hits with
 * their snippets, why each matched, counterparts as shown, and each group's verdict. Each result's
 * record is read once; nothing else is.
 */
import type { ClauseRecord } from '../index-format/index.ts';
import { makeSnippet, normalizeText, type Snippet } from '../text/index.ts';
import { assess, whyShown, type Assessment } from './assess.ts';
import { isLatinQuestion } from './confidence.ts';
import type { Ranked } from './fuse.ts';
import type { Ranking } from './rank.ts';
import type { Answer, Hit } from './ask.ts';

export function present(ranking: Ranking, record: (index: number) => ClauseRecord): Answer {
  const { query } = ranking;
  const hits: Hit[] = [];
  const answer: Answer = { query: query.question, normalizedQuery: query.normalizedQuery, hits, verdicts: {} };
  const english = isLatinQuestion(query.normalizedQuery);
  // Every group's records first (each read once), so a guideline's pointers can be placed by the notes' ranking.
  const groups = ranking.groups.map(({ group, ranked, verdict, terms }) => {
    if (group.kind === 'note') answer.notes = verdict;
    else answer.verdicts[group.guideline] = verdict;
    return ranked.map((r) => {
      const c = record(r.index);
      const a = assess(c, r.index, terms, query.asked);
      return { hit: toHit(c, r, a, english), a };
    });
  });
  const ideas = query.asked.filter((t) => t.synonym).length;
  const notes = groups[ranking.groups.findIndex((g) => g.group.kind === 'note')];
  const places = notes && notePlaces(notes.map(({ hit }) => hit));
  const aboutDocument = asksAboutTheDocument.test(normalizeText(query.normalizedQuery));
  for (const shown of groups) hits.push(...arrange(shown, ideas, places, aboutDocument));
  return answer;
}

/**
 * Per official unit, the place (0 = first) in the notes' ranking for the question of the best note
 * attached to it — the ranking's order, not the order shown (eval: the shown order, which moves answers
 * first, places pointers worse: Japanese tuning hit@1 meti 0.851 → 0.816, gutp 0.839 → 0.793).
 */
function notePlaces(notes: Hit[]): Map<string, number> {
  // Clause ids begin with their guideline's key (content/README.md).
  const guideline = (id: string) => id.slice(0, id.indexOf('-'));
  const places = new Map<string, number>();
  notes.forEach(({ relates = [] }, place) => {
    // A note lists its units most relevant first (content/README.md): between two units of one
    // guideline sharing the note, the one it names first leads.
    relates.forEach((id, k) => {
      const before = relates.slice(0, k).filter((other) => guideline(other) === guideline(id)).length;
      if (!places.has(id)) places.set(id, place + before / (relates.length + 1));
    });
  });
  return places;
}

/**
 * A group's results as shown, in four tiers, each in ranking order: the answers whose own text holds
 * as much of the question's content as any result of the group holds in any way (so a pointer never
 * outranks an answer that carries the question); then the other results, pointers among them; then the
 * document's front matter (see describesTheDocument); then the weak ones, folded. Weak: below
 * FOLD_FLOOR of the group's best fused score, or holding (in any way) less than MATCH_FLOOR of the
 * question's content the best-matching result of the group holds.
 * Ranking's order is kept within a tier: it weighs meaning and rarity, which shares alone do not.
 * When the question names glossary ideas (FSIRT, ネットワーク分離, SOC), they are its topic: an answer
 * goes before the pointers only if its own text names one of them, so a unit sharing the question's
 * verbs (1章「背景」 and 「立ち上げ」 of 「FSIRTを立ち上げるには」) does not outrank the unit that treats FSIRT
 * (eval, Japanese tuning hit@1: meti 0.805 → 0.816, gutp 0.770 → 0.782).
 * Among the rest, a pointer takes the place its best note holds among the notes ranked for the
 * question: what a pointer offers is the theme its notes treat, and the notes' ranking judges that on
 * their full text, where the unit's passage holds only their titles and opening lines — so for a USB
 * question, ステップ2-2 (with the removable-media note) comes before 付録E (with a note on supply-chain
 * attacks that mentions USB in passing) (Japanese tuning hit@1: meti 0.816 → 0.839, gutp 0.782 → 0.828).
 * `ideas`: how many glossary ideas the question names; `notes`: see notePlaces.
 */
function arrange(
  shown: { hit: Hit; a: Assessment }[],
  ideas: number,
  notes?: Map<string, number>,
  aboutDocument = false,
): Hit[] {
  const frontMatter = (hit: Hit) => !aboutDocument && describesTheDocument.test(hit.title);
  const carriesIdeas = (a: Assessment) => !ideas || a.own.some((t) => t.synonym);
  const bestScore = Math.max(0, ...shown.map(({ hit }) => hit.score));
  const bestMatch = Math.max(0, ...shown.map(({ a }) => a.matchedShare));
  for (const { hit, a } of shown) {
    if (hit.score <= 0 || hit.score < FOLD_FLOOR * bestScore || a.matchedShare < MATCH_FLOOR * bestMatch)
      hit.folded = true;
  }
  const tier = ({ hit, a }: { hit: Hit; a: Assessment }) =>
    hit.folded
      ? 3
      : frontMatter(hit)
        ? 2
        : hit.role === 'answer' && a.ownShare >= ANSWER_SHARE * bestMatch && carriesIdeas(a)
          ? 0
          : 1;
  // A pointer is worth the theme it points to: it takes the place its best note holds among the notes
  // for the question (after every result if none of its notes is among them); any other result keeps
  // its own place in the ranking.
  const place = (hit: Hit, i: number) =>
    notes && hit.role === 'pointer' ? (notes.get(hit.unit ?? hit.id) ?? shown.length) : i;
  return shown
    .map((x, i) => ({ x, i }))
    .sort((p, q) => tier(p.x) - tier(q.x) || place(p.x.hit, p.i) - place(q.x.hit, q.i) || p.i - q.i)
    .map(({ x }) => x.hit);
}

/** Below this share of its group's best fused score, a result is folded under 「その他の近い条項」. */
export const FOLD_FLOOR = 0.5;
/** Below this share of the content the group's best-matching result holds, a result is folded (calibrated on the tuning sets). */
export const MATCH_FLOOR = 0.5;
/** An answer ranks before the pointers when its own text holds at least this share of what the group's best-matching result holds. */
export const ANSWER_SHARE = 1;

/**
 * The excerpt a result shows: from its Japanese text, or, for an English question, from the unit's
 * English summary unless the Japanese holds more of the question's words (a glossary idea matched in
 * Japanese). The summary is shown, not searched: it would lend every unit the same everyday English
 * (eval, as an entry of its own: English hit@1 fell on three of the four sets, no-match recall by 0.1).
 */
function snippetOf(c: ClauseRecord, forms: string[], english: boolean): Snippet & { lang?: 'en' } {
  const ja = makeSnippet(c.text, forms);
  if (!english || !c.summaryEn) return ja;
  const en = makeSnippet(c.summaryEn, forms, ENGLISH_SNIPPET);
  return en.highlights.length >= ja.highlights.length ? { ...en, lang: 'en' } : ja;
}

/** An English sentence takes about twice the characters of a Japanese one saying as much. */
const ENGLISH_SNIPPET = 220;

function toHit(c: ClauseRecord, r: Ranked, a: Assessment, english: boolean): Hit {
  const snippet = snippetOf(c, a.forms, english);
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
    ...(snippet.lang && { snippetLang: snippet.lang }),
    highlights: snippet.highlights,
    related: c.related.map(({ at: _at, ...shown }) => shown),
    ...(c.relates ? { relates: c.relates } : {}),
    why: whyShown(`${c.title}\n${snippet.text}`, a),
    role: a.role,
  };
}

/**
 * Front matter: sections about the document itself — whom it is written for, its editions and
 * companion documents, its positioning. They list the themes the document and its companions treat
 * (readers from IT and OT, 「取引先・サプライヤーへの要求事項」 of a companion volume), so their own text
 * holds a question's words without treating its topic, and they would take the answer tier from the
 * units that do. They rank after the other results unless the question asks about the document
 * (eval, Japanese tuning hit@1 meti 0.804 → 0.832, gutp hit@3 0.953 → 0.963; English unchanged).
 */
const describesTheDocument = /読者|版と|関連文書|誰のための|位置づけ/;
/** A question about the document itself: its readers, scope, editions (normalised text: lower-case ASCII). */
const asksAboutTheDocument = /ガイドライン|文書|読者|版|guideline|document|reader|edition|version|written/;
