/**
 * Japanese text → search features, the same for clauses and questions, in Node and in the browser:
 * words from Intl.Segmenter, character bigrams of kanji/katakana runs (robust to how a compound is
 * split), and glossary synonym markers.
 */
import { segmentationChunks } from './chunks.ts';
import { normalizeText } from './normalize.ts';
import { findSynonyms, type SynonymGroup } from './synonyms.ts';

export interface Features {
  words: string[];
  bigrams: string[];
  /** Glossary ids whose term or alias occurs, as `syn:<id>`, once per occurrence. */
  synonyms: string[];
  /** The surface forms that matched (words and synonym forms): for highlighting. */
  matchedForms: string[];
}

// Made on first use: creating it loads ICU's word dictionary (~20 ms), which `kojo --help` and every
// command that never segments would pay at start-up, as this room is in the CLI's common chunk.
let segmenter: Intl.Segmenter | undefined;

/** Function words and question fillers that say nothing about the topic. */
const stopwords = new Set(
  'する いる ある なる こと もの よう ため など これ それ あれ どれ どう どの なに 何 いい よい 良い です ます ください 下さい でしょう ですか について に関して とは という られる れる せる させる できる 場合 おく いく くる みる しまう ほしい たい ない 方法 ところ'.split(
    ' ',
  ),
);

/**
 * English function words and question words (issue 19): "How do I … on the …" says nothing about the
 * topic, and matching on it put "What is the best recipe for chocolate cake?" close to every guideline.
 * The same list applies to clauses' English titles, so both sides agree.
 */
const englishStopwords = new Set(
  'a an the and or but nor not no yes if then than so too very of on in at to for from by with about into onto over under as is are was were be been being am do does did done doing have has had having can could should would will shall may might must i me my mine we us our ours you your yours he him his she her hers it its they them their theirs this that these those there here what which who whom whose why when where how any some all each every other such own same just also only more most much many best way ways please tell s t'.split(
    ' ',
  ),
);

const hiraganaOnly = /^[\u3041-\u309F]+$/;
const wordLike = /[\p{L}\p{N}]/u;
/** Kanji, katakana (with ー) and ASCII letters/digits: the runs that carry content in Japanese text. */
const contentRun = /[\u3400-\u9FFF\uF900-\uFAFF\u30A1-\u30FA\u30FC々〆]+|[a-z0-9]+/g;

/** Content words, in order. Segmented piece by piece: see ./chunks.ts for why that is the same and linear. */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const chunk of segmentationChunks(normalized)) {
    for (const { segment, isWordLike } of (segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' })).segment(
      chunk,
    )) {
      if (!isWordLike || !wordLike.test(segment)) continue;
      if (stopwords.has(segment) || englishStopwords.has(segment)) continue;
      if (hiraganaOnly.test(segment) && segment.length <= 3) continue;
      out.push(segment);
    }
  }
  return out;
}

export function bigrams(normalized: string): string[] {
  const out: string[] = [];
  for (const [run] of normalized.matchAll(contentRun)) {
    if (/^[a-z0-9]+$/.test(run)) continue; // ASCII words are already whole words
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * Per synonym table, the features of texts seen lately: building an index reads each passage's
 * features three times (idf, vector, BM25), and segmentation is most of a build's time.
 */
const memo = new WeakMap<SynonymGroup[], Map<string, Features>>();
const MEMO_LIMIT = 20_000;

/** The features of a text (the same object for the same text and table: treat it as read-only). */
export function features(text: string, groups: SynonymGroup[]): Features {
  let seen = memo.get(groups);
  if (!seen) memo.set(groups, (seen = new Map()));
  let f = seen.get(text);
  if (!f) {
    if (seen.size >= MEMO_LIMIT) seen.clear();
    seen.set(text, (f = computeFeatures(text, groups)));
  }
  return f;
}

/**
 * The text glossary spellings are looked for in: an English function word typed in lower case is no
 * acronym ("is it possible" does not name IT, "as" no AS), while IT and ＩＴ still do.
 */
function synonymText(text: string): string {
  return normalizeText(text.replace(/\b[a-z]+\b/g, (w) => (englishStopwords.has(w) ? ' '.repeat(w.length) : w)));
}

function computeFeatures(text: string, groups: SynonymGroup[]): Features {
  const normalized = normalizeText(text);
  const w = words(normalized);
  const syn = findSynonyms(synonymText(text), groups);
  return {
    words: w,
    bigrams: bigrams(normalized),
    synonyms: syn.flatMap((s) => Array<string>(s.count).fill(`syn:${s.id}`)),
    matchedForms: [...new Set([...w, ...syn.flatMap((s) => s.matched)])],
  };
}

/** One token stream for the lexical index: words, bigrams and synonym markers. */
export function lexicalTokens(f: Features): string[] {
  return [...f.words, ...f.bigrams.map((b) => `#${b}`), ...f.synonyms];
}
