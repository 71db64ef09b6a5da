/**
 * Geometry of the compare diagram of one pair of guidelines: the earlier guideline's chapters as
 * boxes on the left in official order, the later one's on the right in the order that makes the
 * curves cross least (compare-order.ts), one curve per chapter-level mapping between them.
 * Computed at build time so the page needs no script; the component only turns these numbers into
 * SVG elements.
 */
import { chapterName, chapterUrl, type ChapterMeta, type Mapping } from '../../indexer/corpus/index.ts';
import { crossings, rightColumnOrder } from './compare-order.ts';

/** One column: a guideline's key and its chapters in official order. */
export interface DiagramSide {
  guideline: string;
  chapters: ChapterMeta[];
}

export interface DiagramBox {
  ref: string;
  guideline: string;
  side: 'left' | 'right';
  label: string;
  href: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The box text, already wrapped: first line starts with the chapter name. */
  lines: string[];
  /** The visible text in one piece (the lines joined): the link's accessible name starts from it. */
  name: string;
  noCounterpart: boolean;
}

export interface DiagramLine {
  from: string;
  to: string;
  relationship: Mapping['relationship'];
  confidence: Mapping['confidence'];
  d: string;
}

export interface Diagram {
  width: number;
  height: number;
  columns: { guideline: string; x: number; w: number }[];
  headY: number;
  boxes: DiagramBox[];
  lines: DiagramLine[];
  /** The right column is not in official order; curve crossings in official order and as drawn. */
  reordered: boolean;
  crossings: { official: number; drawn: number };
}

const WIDTH = 820;
const BOX_W = 300;
const LEFT_X = 10;
const RIGHT_X = WIDTH - 10 - BOX_W;
const TOP = 44;
const LINE_H = 18;
const PAD_Y = 10;
const GAP = 12;
const FONT = 13;

/** Rough advance of one character at 13px: full width for kana/kanji, about half for ASCII. */
const advance = (ch: string) => (/[\u0020-\u00ff]/.test(ch) ? FONT * 0.56 : FONT);

const words = new Intl.Segmenter('ja', { granularity: 'word' });
/** Closing marks never start a line; opening marks never end one. */
const closing = /^[、。，．,.）」』】〕・／/:：;；!！?？)\]]+$/u;
const opening = /^[（「『【〔([]+$/u;
const kanaOnly = /^[\p{Script=Hiragana}ー]+$/u;
const kanjiEnd = /\p{Script=Han}$/u;
const kanjiStart = /^\p{Script=Han}/u;

/**
 * Phrases to wrap between, from Intl.Segmenter's Japanese words with budoux-like rules: particles and
 * other hiragana-only words stay with the word before them (「システムを」, 「見た」), kanji compounds stay
 * whole (「保護対象」), punctuation stays on the side it belongs to, so a title never breaks inside a word (「セキュ/リティ」).
 */
export function phrases(text: string): string[] {
  const out: string[] = [];
  let pendingOpen = '';
  for (const { segment } of words.segment(text)) {
    const last = out.length - 1;
    if (opening.test(segment)) pendingOpen += segment;
    else if (
      last >= 0 &&
      !pendingOpen &&
      !/\s$/u.test(out[last]!) &&
      (closing.test(segment) || kanaOnly.test(segment) || (kanjiEnd.test(out[last]!) && kanjiStart.test(segment)))
    )
      out[last] += segment;
    else {
      out.push(pendingOpen + segment);
      pendingOpen = '';
    }
  }
  if (pendingOpen) out.push(pendingOpen);
  return out;
}

const widthOf = (s: string) => [...s].reduce((sum, ch) => sum + advance(ch), 0);

/**
 * Greedy wrap at phrase boundaries; a phrase wider than a whole line is the only thing split by
 * character. The lines joined give the text back without the spaces a break replaced.
 */
export function wrapText(text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const phrase of phrases(text)) {
    if (line.trim() && widthOf(line + phrase.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = phrase.trimStart();
    } else line += phrase;
    while (widthOf(line) > maxWidth) {
      let cut = 0;
      const chars = [...line];
      while (cut < chars.length - 1 && widthOf(chars.slice(0, cut + 1).join('')) <= maxWidth) cut++;
      lines.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * `mappings` are the pair's chapter-level mappings (left → right) and the no-counterpart entries of
 * either side; a box says 対応なし when it has such an entry and no curve in this pair.
 */
export function layoutDiagram([leftSide, rightSide]: [DiagramSide, DiagramSide], mappings: Mapping[]): Diagram {
  const chapterMappings = mappings.filter((m) => m.level === 'chapter');
  const none = new Set(chapterMappings.filter((m) => m.to === null).map((m) => m.from));

  const column = ({ guideline, chapters }: DiagramSide, side: DiagramBox['side'], x: number) =>
    chapters.map((ch) => {
      const ref = `${guideline}:${ch.label}`;
      const lines = wrapText(`${chapterName(ch.label)}　${ch.title}`, BOX_W - 20);
      return {
        ref,
        guideline,
        side,
        label: ch.label,
        href: chapterUrl(guideline, ch.slug),
        x,
        y: 0,
        w: BOX_W,
        h: PAD_Y * 2 + lines.length * LINE_H,
        lines,
        name: lines.join(''),
        noCounterpart: none.has(ref),
      } satisfies DiagramBox;
    });
  const left = column(leftSide, 'left', LEFT_X);
  const official = column(rightSide, 'right', RIGHT_X);
  const edges = chapterMappings.flatMap((m) => (m.to ? [{ left: m.from, right: m.to }] : []));
  const leftRefs = left.map((b) => b.ref);
  const order = rightColumnOrder(
    leftRefs,
    official.map((b) => b.ref),
    edges,
  );
  const right = order.map((ref) => official.find((b) => b.ref === ref)!);

  // Both columns span the same height, the shorter one spaced out, so the curves stay shallow.
  const stacked = (boxes: DiagramBox[]) => boxes.reduce((sum, b) => sum + b.h, 0) + GAP * (boxes.length - 1);
  const height = Math.max(stacked(left), stacked(right));
  for (const boxes of [left, right]) {
    const gap = boxes.length > 1 ? (height - boxes.reduce((sum, b) => sum + b.h, 0)) / (boxes.length - 1) : 0;
    let y = TOP;
    for (const b of boxes) {
      b.y = Math.round(y);
      y += b.h + gap;
    }
  }

  const byRef = new Map([...left, ...right].map((b) => [b.ref, b]));
  const pairs = chapterMappings.flatMap((m) => {
    const a = byRef.get(m.from);
    const b = m.to ? byRef.get(m.to) : undefined;
    return a && b ? [{ m, a, b }] : [];
  });
  // A no-counterpart entry names no partner guideline: where this pair has a curve, the curve wins.
  for (const p of pairs) p.a.noCounterpart = p.b.noCounterpart = false;

  // Several curves on one box attach at spread-out points, ordered by where the other end is, so
  // they fan out instead of starting on top of each other.
  const mid = (b: DiagramBox) => b.y + b.h / 2;
  const attach = new Map<string, number>();
  for (const box of [...left, ...right]) {
    const mine = pairs
      .filter((p) => p.a === box || p.b === box)
      .sort((p, q) => mid(p.a === box ? p.b : p.a) - mid(q.a === box ? q.b : q.a));
    mine.forEach((p, i) =>
      attach.set(`${box.ref}|${p.m.from}|${p.m.to}`, box.y + (box.h * (i + 1)) / (mine.length + 1)),
    );
  }

  const lines = pairs.map(({ m, a, b }) => {
    const x1 = a.x + a.w;
    const x2 = b.x;
    const y1 = attach.get(`${a.ref}|${m.from}|${m.to}`)!;
    const y2 = attach.get(`${b.ref}|${m.from}|${m.to}`)!;
    const c = (x2 - x1) / 2;
    const r = (n: number) => Math.round(n * 10) / 10;
    return {
      from: m.from,
      to: m.to!,
      relationship: m.relationship,
      confidence: m.confidence,
      d: `M${r(x1)} ${r(y1)} C${r(x1 + c)} ${r(y1)} ${r(x2 - c)} ${r(y2)} ${r(x2)} ${r(y2)}`,
    };
  });

  return {
    width: WIDTH,
    height: TOP + height + 12,
    columns: [
      { guideline: leftSide.guideline, x: LEFT_X, w: BOX_W },
      { guideline: rightSide.guideline, x: RIGHT_X, w: BOX_W },
    ],
    headY: 26,
    boxes: [...left, ...right],
    lines,
    reordered: right.some((b, i) => b !== official[i]),
    crossings: {
      official: crossings(
        leftRefs,
        official.map((b) => b.ref),
        edges,
      ),
      drawn: crossings(leftRefs, order, edges),
    },
  };
}
