/**
 * What a snippet needs of a clause's text that does not depend on the question, computed once per
 * text and kept: its normalised form with where each normalised character came from. Normalising a
 * clause character by character took half of an answer when done per question (issue 12); the engine
 * prepares each clause as its record loads (snippet.ts prepareSnippet), and snippets read the result.
 */
import { normalizeText } from './normalize.ts';

export interface PreparedText {
  /** normalizeText of the text, character by character. */
  normalized: string;
  /** For each character of `normalized`, its offset in the text; one more entry: the text's length. */
  origin: Int32Array;
}

/** Enough for every clause of a hundred guidelines; beyond that the oldest half is dropped. */
const LIMIT = 20_000;
const prepared = new Map<string, PreparedText>();
/** Each distinct character normalised once. */
const charCache = new Map<string, string>();

/** The prepared form of a text, exactly as given. */
export function prepareText(text: string): PreparedText {
  let p = prepared.get(text);
  if (!p) {
    p = normalizeWithOrigin(text);
    remember(prepared, text, p);
  }
  return p;
}

/**
 * Characters normalizeText leaves as they are: kana (but not ヴ ヵ ヶ), kanji, ASCII lower case and
 * digits, common punctuation. Most of a clause; copied in runs instead of normalised one by one.
 */
function unchanged(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30f3) ||
    c === 0x30fc ||
    (c >= 0x3001 && c <= 0x3002) ||
    (c >= 0x300c && c <= 0x300f) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x20 ||
    c === 0x0a
  );
}

function normalizeWithOrigin(text: string): { normalized: string; origin: Int32Array } {
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (unchanged(text.charCodeAt(i))) {
      const start = i;
      while (i < text.length && unchanged(text.charCodeAt(i))) origin.push(i++);
      parts.push(text.slice(start, i));
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    let n = charCache.get(ch);
    if (n === undefined) charCache.set(ch, (n = normalizeText(ch)));
    for (let j = 0; j < n.length; j++) origin.push(i);
    parts.push(n);
    i += ch.length;
  }
  origin.push(text.length);
  return { normalized: parts.join(''), origin: Int32Array.from(origin) };
}

/** Keeps a computed value, dropping the oldest half when full. */
export function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= LIMIT) for (const k of [...map.keys()].slice(0, LIMIT / 2)) map.delete(k);
  map.set(key, value);
}
