/**
 * What a snippet needs of a clause's text that does not depend on the question, computed once per
 * text and kept: the text with whitespace folded, its normalised form with where each normalised
 * character came from, and where its sentences end. Normalising a clause character by character took
 * half of an answer when done per question (issue 12); the engine prepares each clause as its record
 * loads, and snippet.ts reads the results.
 */
import { normalizeText } from './normalize.ts';

export interface PreparedText {
  /** normalizeText of the text, character by character. */
  normalized: string;
  /** For each character of `normalized`, its offset in the text; one more entry: the text's length. */
  origin: Int32Array;
  /** Offsets just past each sentence end (。！？!? and the text's end), ascending. */
  sentenceEnds: number[];
}

/** Enough for every clause of a hundred guidelines; beyond that the oldest half is dropped. */
const LIMIT = 20_000;
const prepared = new Map<string, PreparedText>();
const flatOf = new Map<string, string>();
/** Each distinct character normalised once. */
const charCache = new Map<string, string>();

/** Whitespace runs folded to one space, trimmed: the text a snippet shows (and prepares). */
export function flatten(text: string): string {
  let flat = flatOf.get(text);
  if (flat === undefined) {
    flat = text.replace(/\s+/g, ' ').trim();
    remember(flatOf, text, flat);
  }
  return flat;
}

/** The prepared form of a text, exactly as given (snippets prepare flatten(text)). */
export function prepareText(text: string): PreparedText {
  let p = prepared.get(text);
  if (!p) {
    p = { ...normalizeWithOrigin(text), sentenceEnds: sentenceEnds(text) };
    remember(prepared, text, p);
  }
  return p;
}

function normalizeWithOrigin(text: string): { normalized: string; origin: Int32Array } {
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
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

function sentenceEnds(flat: string): number[] {
  const ends: number[] = [];
  for (const m of flat.matchAll(/[。！？!?]+/g)) ends.push(m.index + m[0].length);
  if (ends.at(-1) !== flat.length) ends.push(flat.length);
  return ends;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= LIMIT) for (const k of [...map.keys()].slice(0, LIMIT / 2)) map.delete(k);
  map.set(key, value);
}
