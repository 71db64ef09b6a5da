/**
 * Text normalisation for matching Japanese as people type it: full/half width, case, and the kana
 * spelling variants (サーバー/サーバ, ヴァ/バ) that name the same thing.
 */

const voicedV: [RegExp, string][] = [
  [/ヴァ/g, 'バ'],
  [/ヴィ/g, 'ビ'],
  [/ヴェ/g, 'ベ'],
  [/ヴォ/g, 'ボ'],
  [/ヴ/g, 'ブ'],
  [/[ヵヶ]/g, 'ケ'],
];

/** NFKC (widths, compatibility forms), lower case, and one spelling for kana variants. */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  for (const [pattern, replacement] of voicedV) s = s.replace(pattern, replacement);
  // JIS Z 8301 style: a katakana word of 3+ morae drops its final long-vowel mark (サーバー → サーバ).
  return s.replace(/([\u30A1-\u30FA\u30FC]{2,}[\u30A1-\u30FA])ー(?![\u30A1-\u30FA])/g, '$1');
}

/**
 * Control characters, bidi controls and stray markup out, whitespace folded: what remains is the text
 * a person meant. Bidi controls (U+202E reverses what follows) are invisible formatting, so they go
 * without a trace rather than splitting a word; kept, they would show the question reordered wherever
 * it is echoed.
 */
export function cleanInput(text: string): string {
  return text
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
