/**
 * Tables rebuilt from their lines: the columns are the gaps that every line of the table leaves
 * free; a cell that wraps adds its next lines to the same cell; a row starts where its first
 * column's cell starts (the number column when the table has one); a header repeated on a
 * continuation page is dropped. A line that crosses a column gap ends the table.
 */
import { joinWords, type Footnote, type Line, type Span } from './document.ts';

export interface Table {
  rows: string[][];
  /** The page of each row's first line. */
  pages: number[];
  /** Footnotes attached to the table's lines. */
  notes: Footnote[];
  /** Index of the first line after the table. */
  end: number;
}

/** A gap between two columns: x from `from` to `to` free on every line of the table. */
interface Gap {
  from: number;
  to: number;
}

/** A gap narrower than this many font sizes no longer separates columns. */
const MIN_GAP = 0.25;
/** A span that is a list marker alone ((1), 1., ・): a list with a hanging indent, not a table. */
const listMarker = /^(?:[・•●○◆◇■□▪◦►▶✓✔☐-]|[(（]?(?:\d{1,2}|[a-zA-Zア-ン])[.)）]|[①-⑳])$/;
const numberCell = /^[A-Za-z]{0,3}[-.\d０-９]*[\d０-９][-.\d０-９]*$/;

/** The line's pieces with their right edges (estimated by character widths when the layout gave none). */
export function spansOf(line: Line): Span[] {
  return (
    line.spans ??
    line.cells.map((c) => ({
      x: c.x,
      right: c.x + [...c.text].reduce((w, ch) => w + (ch > '\u2000' ? 1 : 0.5), 0) * line.size,
      text: c.text,
    }))
  );
}

/**
 * The table starting at `lines[from]`, or null: two lines of at least two pieces each, whose pieces
 * leave the same column gaps free. `stop` ends a table at a line that is something else (a heading).
 */
export function tableAt(lines: Line[], from: number, stop: (line: Line) => boolean): Table | null {
  const first = lines[from]!;
  const second = lines[from + 1];
  const head = spansOf(first);
  if (head.length < 2 || !second || stop(second)) return null;
  if (head.length === 2 && listMarker.test(head[0]!.text.trim())) return null;
  let gaps: Gap[] = head.slice(1).map((s, i) => ({ from: head[i]!.right, to: s.x }));
  const taken: Line[] = [first];
  const shifts: number[] = [0];
  const spanning = new Set<number>();
  let shift = 0;
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = taken.at(-1)!;
    if (stop(line)) break;
    if (line.page === prev.page && prev.y - line.y > 3 * Math.max(prev.size, line.size)) break;
    let narrowed = narrowGaps(gaps, line, shift);
    // On a new page the table may stand a little left or right (mirrored margins): line it up.
    if (!narrowed && line.page !== prev.page) {
      const moved = spansOf(line)[0]!.x - spansOf(first)[0]!.x;
      narrowed = narrowGaps(gaps, line, moved);
      if (narrowed) shift = moved;
    }
    if (narrowed) gaps = narrowed;
    else if (isSpanningRow(line, gaps, shift) && lines[i + 1] && narrowGaps(gaps, lines[i + 1]!, shift))
      // A row across the table (a category of a checklist): one cell, the table goes on below it.
      spanning.add(taken.length);
    else break;
    taken.push(line);
    shifts.push(shift);
  }
  // Two lines with cells side by side at least: one line of pieces is a line with a wide gap.
  if (taken.filter((l) => spansOf(l).length >= 2).length < 2) return null;
  return {
    ...rowsOf(taken, shifts, gaps, spanning),
    notes: taken.flatMap((l) => l.notes ?? []),
    end: from + taken.length,
  };
}

/**
 * The gaps still free once the line's spans (moved by `shift`) are laid over them: a span reaching
 * into a gap narrows it, one inside it splits it (a column the first line left empty); null when a
 * span runs across a gap (the line is not part of the table).
 */
function narrowGaps(gaps: Gap[], line: Line, shift: number): Gap[] | null {
  const min = MIN_GAP * line.size;
  const spans = spansOf(line).map((s) => ({ x: s.x - shift, right: s.right - shift }));
  const out: Gap[] = [];
  for (const gap of gaps) {
    let free: Gap[] = [gap];
    for (const s of spans) {
      free = free.flatMap((g) => {
        if (s.right <= g.from || s.x >= g.to) return [g];
        const parts: Gap[] = [];
        if (s.x > g.from) parts.push({ from: g.from, to: s.x });
        if (s.right < g.to) parts.push({ from: s.right, to: g.to });
        return parts;
      });
    }
    free = free.filter((g) => g.to - g.from >= min);
    if (!free.length) return null;
    out.push(...free);
  }
  return out;
}

/** A short line starting in the first column and running across the others. */
function isSpanningRow(line: Line, gaps: Gap[], shift: number): boolean {
  const spans = spansOf(line);
  const text = line.text.trim();
  return spans.length === 1 && spans[0]!.x < gaps[0]!.from + shift && text.length <= 40 && !/[。．]$/.test(text);
}

function columnOf(gaps: Gap[], x: number, shift: number): number {
  const c = gaps.findIndex((g) => x < g.to + shift - 0.5);
  return c < 0 ? gaps.length : c;
}

function rowsOf(
  lines: Line[],
  shifts: number[],
  gaps: Gap[],
  spanning: ReadonlySet<number>,
): Pick<Table, 'rows' | 'pages'> {
  const width = gaps.length + 1;
  const perLine = lines.map((line, i) => {
    const cells: string[] = Array(width).fill('');
    for (const s of spansOf(line)) {
      const c = spanning.has(i) ? 0 : columnOf(gaps, s.x, shifts[i]!);
      cells[c] = joinWords(cells[c]!, s.text.trim());
    }
    return cells;
  });
  // A row starts at its number when the first or second column holds numbers only (a merged category
  // cell may stand left of it), else at its first column's cell.
  const numbers = (c: number) => {
    const filled = perLine.slice(1).flatMap((cells, i) => (spanning.has(i + 1) || !cells[c] ? [] : [cells[c]!]));
    return filled.length >= 2 && filled.every((t) => numberCell.test(t));
  };
  const key = !numbers(0) && width > 2 && numbers(1) ? 1 : 0;
  const wrapped = wrappedKeyCells(lines, perLine, key);
  const rows: string[][] = [];
  const pages: number[] = [];
  perLine.forEach((cells, i) => {
    const row = rows.at(-1);
    if (!row || (cells[key] && !wrapped.has(i)) || spanning.has(i)) {
      rows.push(cells);
      pages.push(lines[i]!.page);
    } else cells.forEach((t, c) => (row[c] = joinWords(row[c]!, t)));
  });
  // The header printed again at the top of a continuation page is not a row.
  const header = rows[0]!.join('\u0000');
  const keep = rows.map((r, i) => i === 0 || r.join('\u0000') !== header);
  return { rows: rows.filter((_, i) => keep[i]), pages: pages.filter((_, i) => keep[i]) };
}

/**
 * Lines whose first-column text carries on the row above (a long term wrapped in its cell): when
 * the table spaces its rows apart (cell padding), a line set at the plain line distance below the
 * previous one is still the same row. A table with even spacing throughout has none.
 */
function wrappedKeyCells(lines: Line[], cells: string[][], key: number): Set<number> {
  const gaps = lines.map((l, i) => (i > 0 && lines[i - 1]!.page === l.page ? lines[i - 1]!.y - l.y : undefined));
  const known = gaps.filter((g): g is number => g !== undefined);
  if (!known.length) return new Set();
  const size = Math.max(...lines.map((l) => l.size));
  const close = Math.min(...known) + 0.25 * size;
  const starts = cells.flatMap((c, i) => (i > 0 && c[key] && gaps[i] !== undefined ? [gaps[i]!] : []));
  const spaced = starts.filter((g) => g > close).length;
  if (spaced * 2 <= starts.length) return new Set();
  return new Set(cells.flatMap((c, i) => (i > 0 && c[key] && gaps[i] !== undefined && gaps[i]! <= close ? [i] : [])));
}
