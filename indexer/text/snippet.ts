/**
 * A short excerpt of a clause around the words the question matched, with the matched ranges given
 * as offsets: views mark them as text (never as HTML), so a query can never inject markup.
 */
import { prepareText, remember } from './prepared.ts';

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

/**
 * Sentences that say what a clause is (a practice note, not yet checked against the PDF, a title this
 * site chose) rather than what to do: true and shown on the clause's page, but a snippet made of
 * them tells a searcher nothing about why the clause answers.
 */
const boilerplate = [
  /ガイドラインの記述ではありません/,
  /確認できていません|未確認/,
  /^本サイトの実務メモ(?:です)?[。．]?$/,
  /本サイトが(?:付け|用いて)/,
  /公式の題名とは限りません/,
  /本サイトの注記/,
  /実務メモ.{0,20}(?:参照|まとめ|扱っ)/,
];

export function isBoilerplate(sentence: string): boolean {
  return boilerplate.some((b) => b.test(sentence));
}

/** A sentence or a line (a list item, a paragraph) of a clause, with its place in the text. */
interface Unit {
  start: number;
  end: number;
  line: number;
}

/**
 * Lines (list items are lines: see corpus/parse.ts) cut into sentences after 。！？, and after an
 * English full stop before the next sentence's capital (English summaries), not inside 1.0 or IEC 62443.
 */
export function snippetUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  text.split('\n').forEach((line, n) => {
    for (const m of line.matchAll(/(?:[^。！？!?.]|\.(?!\s+["(A-Z]))+[。！？!?.]*[）」』)"]*/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const body = m[0].trim();
      if (/[\p{L}\p{N}]/u.test(body))
        units.push({ start: offset + m.index + lead, end: offset + m.index + lead + body.length, line: n });
    }
    offset += line.length + 1;
  });
  return units;
}

/**
 * Between two shown pieces: inside a paragraph, what stood between them (nothing in Japanese, a space
 * after an English full stop); ／ between lines (list items); … where text was left out.
 */
function joint(a: Unit, b: Unit, units: Unit[], text: string): string {
  const adjacent = units.indexOf(b) === units.indexOf(a) + 1;
  if (!adjacent) return ' … ';
  return a.line === b.line ? (/\s/.test(text.slice(a.end, b.start)) ? ' ' : '') : ' ／ ';
}

/**
 * A short excerpt that starts where a sentence or list item starts: the sentences with the most
 * matched words first (shown in reading order), then the ones after them, leaving out boilerplate.
 */
/** A clause's text with each line's whitespace folded and empty lines dropped: what a snippet shows. */
function cleanText(text: string): string {
  let clean = cleaned.get(text);
  if (clean === undefined) {
    clean = text
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    remember(cleaned, text, clean);
  }
  return clean;
}
const cleaned = new Map<string, string>();

/** Does once per clause what every snippet of it needs (the engine calls it as a record loads). */
export function prepareSnippet(text: string): void {
  prepareText(cleanText(text));
}

export function makeSnippet(text: string, forms: string[], length = 120): Snippet {
  const clean = cleanText(text);
  const all = snippetUnits(clean);
  const content = all.filter((u) => !isBoilerplate(clean.slice(u.start, u.end)));
  const units = content.length ? content : all;
  if (!units.length) return { text: '', highlights: [] };
  const ranges = matchRanges(clean, forms);
  const cover = coverage(units, ranges);

  // The best matching units that fit, then whatever follows the first of them.
  const order = units
    .map((_, i) => i)
    .filter((i) => cover[i]! > 0)
    .sort((a, b) => cover[b]! - cover[a]! || a - b);
  const chosen = new Set<number>();
  let used = 0;
  const size = (i: number) => units[i]!.end - units[i]!.start;
  for (const i of order) {
    if (chosen.size && used + size(i) > length) continue;
    chosen.add(i);
    used += size(i);
  }
  const first = chosen.size ? Math.min(...chosen) : 0;
  for (let i = first; i < units.length && used < length; i++) {
    if (!chosen.has(i)) {
      chosen.add(i);
      used += size(i);
    }
  }
  const picked = [...chosen].sort((a, b) => a - b).map((i) => units[i]!);

  let out = picked[0] !== units[0] ? '…' : '';
  const highlights: [number, number][] = [];
  let budget = length;
  let last = picked[0]!;
  picked.forEach((u, i) => {
    if (budget <= 0) return;
    last = u;
    if (i > 0) out += joint(picked[i - 1]!, u, units, clean);
    const end = Math.min(u.end, u.start + budget);
    for (const [a, b] of ranges) {
      if (b > u.start && a < end)
        highlights.push([out.length + Math.max(a, u.start) - u.start, out.length + Math.min(b, end) - u.start]);
    }
    out += clean.slice(u.start, end);
    budget -= end - u.start;
    if (end < u.end) out += '…';
  });
  if (last !== units.at(-1) && !out.endsWith('…')) out += '…';
  return { text: out, highlights };
}

/** Matched characters per unit: the ranges are sorted and disjoint, so one sweep. */
function coverage(units: Unit[], ranges: [number, number][]): number[] {
  const out = units.map(() => 0);
  let r = 0;
  units.forEach((u, i) => {
    while (r < ranges.length && ranges[r]![1] <= u.start) r++;
    for (let j = r; j < ranges.length && ranges[j]![0] < u.end; j++) {
      out[i]! += Math.min(ranges[j]![1], u.end) - Math.max(ranges[j]![0], u.start);
    }
  });
  return out;
}
