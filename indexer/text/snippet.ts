/**
 * A short excerpt of a clause around the words the question matched, with the matched ranges given
 * as offsets: views mark them as text (never as HTML), so a query can never inject markup.
 */
import { flatten, prepareText } from './prepared.ts';

export interface Snippet {
  text: string;
  /** [start, end) offsets into `text` of the matched words. */
  highlights: [number, number][];
}

/** Finds every occurrence of the (normalised) forms in the original text. */
export function matchRanges(text: string, forms: string[]): [number, number][] {
  // Normalised once per text, remembering where each normalised character came from (prepared.ts).
  const { normalized, origin } = prepareText(text);
  const ranges: [number, number][] = [];
  for (const form of forms) {
    if (!form) continue;
    const run = runOf(form);
    for (let at = normalized.indexOf(form); at >= 0; at = normalized.indexOf(form, at + 1)) {
      const end = at + form.length;
      // A katakana or ASCII word inside a longer one is another word: ライン in ガイドライン, OT in ROTATE.
      if (run && (run.test(normalized[at - 1] ?? '') || run.test(normalized[end] ?? ''))) continue;
      ranges.push([origin[at]!, end < origin.length - 1 ? origin[end]! : text.length]);
    }
  }
  return mergeRanges(ranges);
}

const katakana = /^[\u30A1-\u30FA\u30FC]+$/;
const ascii = /^[a-z0-9]+$/;

function runOf(form: string): RegExp | null {
  if (katakana.test(form)) return /[\u30A1-\u30FA\u30FC]/;
  if (ascii.test(form)) return /[a-z0-9]/;
  return null;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export function makeSnippet(text: string, forms: string[], length = 120): Snippet {
  const flat = flatten(text);
  const ranges = matchRanges(flat, forms);
  if (flat.length <= length) return { text: flat, highlights: ranges };
  const best = bestWindow(ranges, length);
  const end = Math.min(flat.length, best + length);
  const prefix = best > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const highlights = ranges
    .filter(([a, b]) => b > best && a < end)
    .map(([a, b]) => [Math.max(a, best) - best + prefix.length, Math.min(b, end) - best + prefix.length] as [number, number]);
  return { text: prefix + flat.slice(best, end) + suffix, highlights };
}

/**
 * Where the window that covers the most matched characters starts: a little before one of the
 * matches, the first such start on a tie. The ranges are sorted and disjoint (mergeRanges), so the
 * windows slide over them with two pointers and prefix sums: linear, where trying every window
 * against every range took seconds on a long clause.
 */
function bestWindow(ranges: [number, number][], length: number): number {
  const before = [0];
  for (const [a, b] of ranges) before.push(before.at(-1)! + b - a);
  let best = 0;
  let bestCover = -1;
  let lo = 0; // first range ending after the window's start
  let hi = 0; // first range starting at or after the window's end
  for (const [s] of ranges) {
    const start = Math.max(0, s - 20);
    const end = start + length;
    while (lo < ranges.length && ranges[lo]![1] <= start) lo++;
    while (hi < ranges.length && ranges[hi]![0] < end) hi++;
    let cover = 0;
    if (hi > lo) {
      cover = before[hi]! - before[lo]!;
      cover -= Math.max(0, start - ranges[lo]![0]);
      cover -= Math.max(0, ranges[hi - 1]![1] - end);
    }
    if (cover > bestCover) [best, bestCover] = [start, cover];
  }
  return best;
}
