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
  /**
   * The line's text in finer pieces than `cells` (runs apart by more than a narrow gap), with their
   * right edges: where a table's columns are, even when a wrapped cell nearly touches the next one.
   */
  spans?: Span[];
  /**
   * Footnote references printed as superscripts (smaller and raised): kept out of `text` (so a
   * number never lands inside a word) and recorded as the label after `at` characters of `text`.
   */
  refs?: { at: number; label: string }[];
  /** Footnotes (see footnotes.ts) that follow the paragraph this line belongs to. */
  notes?: Footnote[];
  /** On a page set in two columns: which one (0 left, 1 right); absent on a single-column page. */
  column?: number;
}

export interface Span {
  x: number;
  right: number;
  text: string;
}

/** A footnote taken out of the flow: its printed label, its text, the page it is printed on. */
export interface Footnote {
  label: string;
  text: string;
  page: number;
}

/** Runs on one baseline become a line; a gap wider than this many font sizes starts a new cell (a table column). */
const CELL_GAP = 1.5;
/** A gap wider than this many font sizes starts a new span: wider than any word space. */
const SPAN_GAP = 0.8;
/** What a superscript footnote reference prints: a number, maybe marked (※1, *1, 注1) or bracketed. */
const refLabel = /^[(（[［]?(?:※|＊|\*|注)?([0-9０-９]{1,3})[)）\]］]?$/;

/** Groups a page's runs into lines, in reading order (column by column on a two-column page). */
export function pageLines(page: SourcePage): Line[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '');
  const raised = superscripts(runs);
  const ordered = readingOrder(runs.filter((r) => !raised.has(r)));
  const lines = ordered.map(({ runs: group, column }) => {
    const host = new Set(group);
    const sups = [...raised].filter(([, h]) => host.has(h)).map(([r]) => r);
    const line = lineOf(
      page.number,
      [...group, ...sups].sort((a, b) => a.x - b.x),
      new Set(sups),
    );
    return column === undefined ? line : { ...line, column };
  });
  return lines;
}

/**
 * Footnote references set as superscripts: a short number in a smaller size, raised above the
 * baseline of a larger run beside it (its host). Each is mapped to its host run.
 */
function superscripts(runs: TextRun[]): Map<TextRun, TextRun> {
  const found = new Map<TextRun, TextRun>();
  for (const run of runs) {
    if (!refLabel.test(run.text.trim())) continue;
    let best: TextRun | undefined;
    for (const host of runs) {
      if (host === run || host.size < run.size * 1.2 || refLabel.test(host.text.trim())) continue;
      const rise = run.y - host.y;
      if (rise < 0.15 * host.size || rise > 0.9 * host.size) continue;
      // Right after the word it marks (a number drawn apart from any word is not a reference).
      const after = Math.abs(run.x - (host.x + host.width)) <= 0.3 * host.size;
      if (after && (!best || rise < run.y - best.y)) best = host;
    }
    if (best) found.set(run, best);
  }
  return found;
}

/** Runs on one baseline, top to bottom; on a two-column page each column's lines before the next's. */
function readingOrder(runs: TextRun[]): { runs: TextRun[]; column?: number }[] {
  const gutter = findGutter(runs);
  const side = (r: TextRun) =>
    !gutter || r.y > gutter.top || r.y < gutter.bottom
      ? undefined
      : r.x + r.width <= gutter.from
        ? 0
        : r.x >= gutter.to
          ? 1
          : undefined;
  const groups: { runs: TextRun[]; column?: number }[] = [];
  // The line being gathered in each column (one for the whole width).
  const open = new Map<number | undefined, { runs: TextRun[]; column?: number }>();
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const column = side(run);
    const last = open.get(column);
    if (last && Math.abs(last.runs[0]!.y - run.y) <= Math.max(1, 0.4 * Math.min(last.runs[0]!.size, run.size)))
      last.runs.push(run);
    else {
      const group = column === undefined ? { runs: [run] } : { runs: [run], column };
      groups.push(group);
      open.set(column, group);
    }
  }
  if (!gutter) return groups;
  // Between two lines across the gutter (a heading over both columns), the left column, then the right.
  const out: typeof groups = [];
  let band: typeof groups = [];
  const flush = () => {
    out.push(...band.filter((g) => g.column === 0), ...band.filter((g) => g.column === 1));
    band = [];
  };
  for (const g of groups) {
    if (g.column === undefined) {
      flush();
      out.push(g);
    } else band.push(g);
  }
  flush();
  return out;
}

/** Where a page is set in two columns: the free strip between them, and the baselines of its first and last lines. */
export interface Gutter {
  from: number;
  to: number;
  top: number;
  bottom: number;
}

/**
 * The gap between two text columns: a vertical strip near the middle of the text that no line
 * crosses for a run of lines (a heading, a paragraph or a running line across the page above or
 * below may cross it), with columns of about equal width either side, each holding several lines
 * that mostly run up to the strip (a table's narrow first column is not a text column).
 */
export function findGutter(runs: TextRun[]): Gutter | undefined {
  if (runs.length < 12) return undefined;
  const left = Math.min(...runs.map((r) => r.x));
  const right = Math.max(...runs.map((r) => r.x + r.width));
  const width = right - left;
  const size = median(runs.map((r) => r.size));
  // Two columns need many lines narrower than the text: a page of full lines is one column.
  if (runs.filter((r) => r.width <= 0.6 * width).length < 12) return undefined;
  const sorted = [...runs].sort((a, b) => b.y - a.y);
  let best: (Gutter & { lines: number }) | undefined;
  for (let x = left + 0.35 * width; x <= left + 0.65 * width; x += 2) {
    // The longest run of lines none of which crosses x.
    let start = 0;
    let lines = 0;
    for (let i = 0; i <= sorted.length; i++) {
      const r = sorted[i];
      if (r && !(r.x < x && r.x + r.width > x)) {
        if (i === start || Math.round(r.y) !== Math.round(sorted[i - 1]!.y)) lines++;
        continue;
      }
      if (lines && (!best || lines > best.lines)) {
        const segment = sorted.slice(start, i);
        const from = Math.max(...segment.filter((s) => s.x + s.width <= x).map((s) => s.x + s.width), left);
        const to = Math.min(...segment.filter((s) => s.x >= x).map((s) => s.x), right);
        if (to - from >= size) best = { from, to, top: segment[0]!.y, bottom: segment.at(-1)!.y, lines };
      }
      start = i + 1;
      lines = 0;
    }
  }
  if (!best) return undefined;
  const { from, to, top, bottom } = best;
  const inside = runs.filter((r) => r.y <= top && r.y >= bottom);
  const lefts = inside.filter((r) => r.x + r.width <= from);
  const rights = inside.filter((r) => r.x >= to);
  const leftWidth = from - Math.min(...lefts.map((r) => r.x));
  const rightWidth = Math.max(...rights.map((r) => r.x + r.width)) - to;
  if (!(Math.min(leftWidth, rightWidth) >= 0.8 * Math.max(leftWidth, rightWidth))) return undefined;
  const lineCount = (rs: TextRun[]) => new Set(rs.map((r) => Math.round(r.y))).size;
  if (lineCount(lefts) < 6 || lineCount(rights) < 6) return undefined;
  // Most left-column lines run up to the gutter (text wrapping at its column's edge).
  const ends = new Map<number, number>();
  for (const r of lefts) ends.set(Math.round(r.y), Math.max(ends.get(Math.round(r.y)) ?? 0, r.x + r.width));
  const full = [...ends.values()].filter((e) => e >= from - 2 * size).length;
  return full * 2 >= ends.size ? { from, to, top, bottom } : undefined;
}

/** The size most of the text is set in (by characters): the body text's. */
export function commonSize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines)
    chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function lineOf(page: number, runs: TextRun[], sups: ReadonlySet<TextRun> = new Set()): Line {
  const body = runs.filter((r) => !sups.has(r));
  const size = Math.max(...body.map((r) => r.size));
  const cells: { x: number; text: string }[] = [];
  const spans: Span[] = [];
  // References by cell and offset in it, turned into offsets in the line's text below.
  const marks: { cell: number; at: number; label: string }[] = [];
  let end = -Infinity;
  for (const run of runs) {
    const text = run.text.trim();
    if (sups.has(run)) {
      if (cells.length) marks.push({ cell: cells.length - 1, at: cells.at(-1)!.text.length, label: label(text) });
      else marks.push({ cell: 0, at: 0, label: label(text) });
      continue;
    }
    // Where the text starts: after leading spaces (a 字下げ typed as 「　」 indents like a margin).
    const x = run.x + leadingWidth(run);
    const gap = x - end;
    const cell = cells.at(-1);
    if (!cell || gap > CELL_GAP * size) cells.push({ x, text });
    else cell.text = joinWords(cell.text, text, gap > 0.2 * size);
    const span = spans.at(-1);
    if (!span || gap > SPAN_GAP * size) spans.push({ x, right: run.x + run.width, text });
    else {
      span.text = joinWords(span.text, text, gap > 0.2 * size);
      span.right = Math.max(span.right, run.x + run.width);
    }
    end = Math.max(end, run.x + run.width);
  }
  const chars = body.reduce((n, r) => n + r.text.length, 0);
  const boldChars = body.reduce((n, r) => n + (r.bold ? r.text.length : 0), 0);
  const starts: number[] = [];
  cells.reduce((at, c) => (starts.push(at), at + c.text.length + 1), 0);
  const refs = marks.map((m) => ({ at: (starts[m.cell] ?? 0) + m.at, label: m.label }));
  const font = majority(body, (r) => r.font);
  const heading = majority(body, (r) => r.heading);
  return {
    page,
    text: cells.map((c) => c.text).join(' '),
    cells,
    x: body[0]!.x + leadingWidth(body[0]!),
    right: end,
    y: body[0]!.y,
    size,
    bold: boldChars * 2 > chars,
    spans,
    ...(refs.length ? { refs } : {}),
    ...(font !== undefined ? { font } : {}),
    ...(heading !== undefined ? { heading } : {}),
  };
}

/** The width of a run's leading spaces: a full-width space is one em, another space a quarter. */
function leadingWidth(run: TextRun): number {
  const lead = /^\s*/u.exec(run.text)![0];
  return [...lead].reduce((w, ch) => w + (ch === '\u3000' ? 1 : 0.25) * run.size, 0);
}

/** A reference's label as a plain number (half-width digits): what the note at the page foot prints. */
function label(text: string): string {
  return (refLabel.exec(text)?.[1] ?? text).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The value most of the runs' characters have (undefined counts as a value too). */
function majority<T>(runs: TextRun[], of: (r: TextRun) => T | undefined): T | undefined {
  const chars = new Map<T | undefined, number>();
  for (const r of runs) chars.set(of(r), (chars.get(of(r)) ?? 0) + r.text.trim().length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const cjk = /[\u3000-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF01-\uFF60]/u;
/** An address or identifier still being written at the end of a line: a URL, a mail address, a dotted name. */
const openAddress =
  /(?:^|[\s(（「『<])(?:(?:https?|ftp):\/\/\S*|www\.\S*|[\w.+-]+@\S*|[\w-]+(?:\.[\w-]+)+\.?|[\w.-]+[/_])$/i;
/** Characters that leave an address open when a line ends on them. */
const openEnd = /[/\-_.=?&#%~:@+]$/;
/** A piece of an address: no spaces, and a separator inside (a path, a domain, a query). */
const addressPiece = /^[\w\-.~%/?#=&:+@]*(?:[/=_?&#@%~-]|\.\w)[\w\-.~%/?#=&:+@]*/;

/**
 * Two pieces of one text run together: Japanese joins without a space, Latin words with one (or
 * with none where the layout shows none, `spaced` false); a hyphen at a line end keeps its word whole
 * (`cyber-` + `physical`), since whether it was a soft hyphen cannot be known; and a URL, mail address
 * or identifier broken at a line end is joined whole (`https://www.meti.go.jp/policy/` + `index.html`).
 */
export function joinWords(before: string, after: string, spaced = true): string {
  if (!before) return after;
  if (!after) return before;
  const a = before.at(-1)!;
  const b = after[0]!;
  if (cjk.test(a) || cjk.test(b)) return before + after;
  if (/[A-Za-z0-9]-$/.test(before) && /^[A-Za-z0-9]/.test(after)) return before + after;
  // Only the end of a long paragraph matters (and the patterns stay cheap on it).
  const tail = before.slice(-256);
  if (spaced && /^[\w\-.~%/?#=&:+@]/.test(after) && openAddress.test(tail)) {
    const next = /^\S+/.exec(after)![0];
    // A URL or mail address cut inside a word goes on when no Latin word follows the piece.
    const url = /(?:^|\s)(?:(?:https?|ftp):\/\/|www\.|[\w.+-]+@)\S*$/i.test(tail);
    const endsText = !/^\S+\s+[A-Za-z]/.test(after.slice(0, 256));
    if (openEnd.test(tail) || addressPiece.test(next) || (url && endsText)) return before + after;
  }
  return spaced ? `${before} ${after}` : before + after;
}
