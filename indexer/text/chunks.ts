/**
 * Intl.Segmenter takes time (and memory) that grows with the square of the text it is given: every
 * segment it yields costs in proportion to the whole input (V8 copies the input string into each
 * segment's data), so a 500 KB clause took minutes. Words never span a sentence end, a line break,
 * whitespace or Japanese punctuation, so the text is segmented in short pieces cut only there, and the
 * words come out exactly as from the whole text, in linear time.
 */

/** A piece ends after these: nothing joins a word across them. */
const sentenceEnd = /[。！？!?\n]/;
/**
 * A long piece may be cut after these. Not after `.` `,` `:` `'` and the like: UAX #29 keeps them
 * inside a word or number (3.14, e.g, can't).
 */
const softBreak = /[\s、「」『』（）()［］[\]【】〈〉《》〔〕“”"…]/;
/** Never cut before a combining mark, a format character or the low half of a surrogate pair. */
const clingsToPrevious = /^[\p{M}\p{Cf}\uDC00-\uDFFF]/u;

/** Pieces longer than this are cut at the last soft break. */
export const CHUNK_CHARS = 200;
/** With no soft break at all (one endless word), a piece is cut here regardless. */
export const MAX_CHUNK_CHARS = 1000;

/** Splits text into pieces that segment into words exactly as the whole text does (but for endless runs). */
export function segmentationChunks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let lastSoft = -1;
  const cut = (at: number) => {
    out.push(text.slice(start, at));
    start = at;
    lastSoft = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = i + 1;
    const canCut = !clingsToPrevious.test(text.slice(next, next + 2));
    if (!canCut) continue;
    if (sentenceEnd.test(ch)) cut(next);
    else if (softBreak.test(ch)) {
      lastSoft = next;
      if (next - start >= CHUNK_CHARS) cut(next);
    } else if (next - start >= CHUNK_CHARS && lastSoft > start) cut(lastSoft);
    else if (next - start >= MAX_CHUNK_CHARS) cut(next);
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
