/**
 * A source document as the detection sees it, whatever it was read from: pages of positioned text
 * runs and the PDF's outline. A plain-text file becomes the same shape (one run per line, equal
 * sizes), so one detection serves both.
 */

/** A piece of text drawn at one place in one font (PDF coordinates: y grows upwards). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
  /** The font's name as the PDF gives it (`ABCDEF+NotoSansJP-Medium`), when known. */
  font?: string;
  /** Heading level 1–6 when a tagged PDF's structure tree marks the run as a heading (H1–H6). */
  heading?: number;
}

/** A rectangle drawn on the page (a frame, a box, a filled band), in PDF coordinates. */
export interface Frame {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface SourcePage {
  /** 1-based physical page number. */
  number: number;
  height: number;
  /** Page width; absent for text without geometry. */
  width?: number;
  runs: TextRun[];
  /** Rectangles drawn on the page (boxes around columns, figures, title bars). */
  frames?: Frame[];
  /** Images painted on the page: a page with images and no text is a scan. */
  images?: number;
}

/** A bookmark of the PDF, flattened in document order; `page` is null when its destination cannot be resolved. */
export interface OutlineEntry {
  title: string;
  page: number | null;
  depth: number;
}

export interface SourceDocument {
  kind: 'pdf' | 'text';
  pages: SourcePage[];
  outline: OutlineEntry[];
}

/** One line of a page: runs on the same baseline, split into cells where a wide gap separates them. */
export interface Line {
  page: number;
  text: string;
  cells: { x: number; text: string }[];
  x: number;
  right: number;
  y: number;
  size: number;
  bold: boolean;
  /** The font most of the line is set in, when known. */
  font?: string;
  /** Heading level from a tagged PDF's structure tree, when most of the line is tagged as one. */
  heading?: number;
  /** A running line (a slide's title bar) kept because it may be the heading it repeats. */
  running?: boolean;
}

/** Runs on one baseline become a line; a gap wider than this many font sizes starts a new cell (a table column). */
const CELL_GAP = 1.5;

/** Groups a page's runs into lines, top to bottom, each left to right. */
export function pageLines(page: SourcePage): Line[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of runs) {
    const last = groups.at(-1);
    if (last && Math.abs(last[0]!.y - run.y) <= Math.max(1, 0.4 * Math.min(last[0]!.size, run.size))) last.push(run);
    else groups.push([run]);
  }
  return groups.map((group) =>
    lineOf(
      page.number,
      group.sort((a, b) => a.x - b.x),
    ),
  );
}

function lineOf(page: number, runs: TextRun[]): Line {
  const size = Math.max(...runs.map((r) => r.size));
  const cells: { x: number; text: string }[] = [];
  let end = -Infinity;
  for (const run of runs) {
    const gap = run.x - end;
    const cell = cells.at(-1);
    if (!cell || gap > CELL_GAP * size) cells.push({ x: run.x, text: run.text.trim() });
    else cell.text = joinWords(cell.text, run.text.trim(), gap > 0.2 * size);
    end = Math.max(end, run.x + run.width);
  }
  const chars = runs.reduce((n, r) => n + r.text.length, 0);
  const boldChars = runs.reduce((n, r) => n + (r.bold ? r.text.length : 0), 0);
  const font = majority(runs, (r) => r.font);
  const heading = majority(runs, (r) => r.heading);
  return {
    page,
    text: cells.map((c) => c.text).join(' '),
    cells,
    x: runs[0]!.x,
    right: end,
    y: runs[0]!.y,
    size,
    bold: boldChars * 2 > chars,
    ...(font !== undefined ? { font } : {}),
    ...(heading !== undefined ? { heading } : {}),
  };
}

/** The value most of the runs' characters have (undefined counts as a value too). */
function majority<T>(runs: TextRun[], of: (r: TextRun) => T | undefined): T | undefined {
  const chars = new Map<T | undefined, number>();
  for (const r of runs) chars.set(of(r), (chars.get(of(r)) ?? 0) + r.text.trim().length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const cjk = /[\u3000-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF01-\uFF60]/u;

/**
 * Two pieces of one text run together: Japanese joins without a space, Latin words with one (or
 * with none where the layout shows none, `spaced` false); a hyphen at a line end keeps its word whole
 * (`cyber-` + `physical`), since whether it was a soft hyphen cannot be known.
 */
export function joinWords(before: string, after: string, spaced = true): string {
  if (!before) return after;
  if (!after) return before;
  const a = before.at(-1)!;
  const b = after[0]!;
  if (cjk.test(a) || cjk.test(b)) return before + after;
  if (/[A-Za-z]-$/.test(before) && /^[A-Za-z]/.test(after)) return before + after;
  return spaced ? `${before} ${after}` : before + after;
}
