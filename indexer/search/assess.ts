/**
 * What a result honestly is (issue 19): an answer, whose own text carries the question's content, or a
 * pointer, which only says where the theme is treated (a sentence sending the reader to the attached
 * practice notes) or is reached only through the notes attached to it. `why` names only the words the
 * shown text holds; a match through notes says so. Part of the present phase: it reads the record of
 * a result, nothing else, so Node and the browser decide alike.
 */
import type { ClauseRecord } from '../index-format/index.ts';
import { isBoilerplate, matchRanges, normalizeText, snippetUnits } from '../text/index.ts';
import type { Why } from './ask.ts';
import type { Term } from './confidence.ts';
import type { AskedTerm } from './query.ts';

export type Role = 'answer' | 'pointer';

export interface Assessment {
  role: Role;
  /** The question's terms found in the unit's own content (title, sentences that are not boilerplate). */
  own: AskedTerm[];
  /** IDF weight of the question's content the unit's own text carries, and the weight found only elsewhere (pointer sentences, notes). */
  ownWeight: number;
  elsewhereWeight: number;
  /** Share of the question's content (by weight) the unit's own text carries, and the share it holds in any way (own text, pointer sentences, notes), 0…1. */
  ownShare: number;
  matchedShare: number;
  /** The matched forms a snippet should mark: the own terms' spellings. */
  forms: string[];
}

/** The spellings of a term as they may appear in a text: the word itself, or every form of its glossary idea. */
export const formsOf = (t: AskedTerm): string[] => (t.synonym ? t.synonym.forms : [t.token]);

/**
 * Sentences that send the reader elsewhere for a theme — 「…は、この単位に付けた実務メモで扱っています」,
 * 「…（FSIRT、DMZ、サポート終了OS など）の意味は、本サイトの用語集も併せて参照してください」 — name the
 * theme without treating it; so do the boilerplate sentences snippets leave out.
 */
const sendsElsewhere = /(?:実務メモ|用語集).{0,30}(?:参照|まとめ|扱っ)/;

/** A text's content, its title first: sentences saying what the unit is (or where a theme is treated) left out. */
function ownContent(c: ClauseRecord): Parts {
  let parts = partsOf.get(c);
  if (!parts) partsOf.set(c, (parts = splitContent(c)));
  return parts;
}

interface Parts {
  content: string;
  elsewhere: string;
  notes: string;
}
/** Per record, once: records are loaded once and asked about by many questions. */
const partsOf = new WeakMap<ClauseRecord, Parts>();

function splitContent(c: ClauseRecord): Parts {
  const units = snippetUnits(c.text);
  const content: string[] = [c.title];
  const elsewhere: string[] = [];
  for (const u of units) {
    const sentence = c.text.slice(u.start, u.end);
    (isBoilerplate(sentence) || sendsElsewhere.test(sentence) ? elsewhere : content).push(sentence);
  }
  return { content: content.join('\n'), elsewhere: elsewhere.join('\n'), notes: (c.notes ?? []).join('\n') };
}

export function assess(c: ClauseRecord, index: number, terms: Map<AskedTerm, Term>, asked: AskedTerm[]): Assessment {
  const { content, elsewhere, notes } = ownContent(c);
  const own: AskedTerm[] = [];
  let ownWeight = 0;
  let elsewhereWeight = 0;
  let total = 0;
  for (const t of asked) {
    // A lone kanji (用 of 〜用, 見 of 見つかる) sits inside other words (運用, 見直し): it says nothing shown.
    if (!t.synonym && [...t.token].length < 2) continue;
    const term = terms.get(t);
    const weight = term?.weight ?? 0;
    total += weight;
    // The index decides whether the entry holds the term (as a word, not inside another: 動 in 動作).
    if (!term?.docs.has(index)) continue;
    const forms = formsOf(t);
    if (matchRanges(content, forms).length) {
      own.push(t);
      ownWeight += weight;
    } else if (matchRanges(elsewhere, forms).length || (notes && matchRanges(notes, forms).length)) {
      elsewhereWeight += weight;
    }
  }
  return {
    role: elsewhereWeight > ownWeight ? 'pointer' : 'answer',
    own,
    ownWeight,
    elsewhereWeight,
    ownShare: total ? ownWeight / total : 0,
    matchedShare: total ? (ownWeight + elsewhereWeight) / total : 0,
    forms: [...new Set(own.flatMap(formsOf))].filter((f) => [...f].length >= 2),
  };
}

/**
 * Why a result matched, from the text it shows (its title and snippet): the question's words found
 * there as typed, glossary ideas it names in other words, and whether the match came through the
 * practice notes attached to the unit rather than its own text.
 */
export function whyShown(shown: string, a: Assessment): Why {
  const why: Why = { words: [], synonyms: [] };
  for (const t of a.own) {
    // The spelling the question used, where the text holds it too: 踏み台サーバ is named as typed, not as
    // the other spelling of its idea (遠隔監視) that happens to come first.
    const [range] =
      [matchRanges(shown, [normalizeText(t.shown)]), matchRanges(shown, formsOf(t))].find((r) => r.length) ?? [];
    if (!range) continue;
    const found = shown.slice(range[0], range[1]);
    if (!t.synonym || normalizeText(found) === normalizeText(t.shown)) why.words.push(t.shown);
    else why.synonyms.push({ asked: t.shown, found });
  }
  if (a.role === 'pointer' && a.elsewhereWeight > 0) why.via = 'note';
  return why;
}
