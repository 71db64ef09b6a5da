/**
 * CSV that Excel opens as it should: RFC 4180 (CRLF, quoted fields, doubled quotes) behind a UTF-8 BOM,
 * so Japanese is read as UTF-8 rather than Shift_JIS. Portable: the site's downloads and the CLI share it.
 */

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR before one) as a
 * formula: a note like `=HYPERLINK(…)` would become a live link. A leading `'` makes Excel show the
 * cell as text (OWASP's CSV injection advice); `parseCsv` callers take it off with `unguardCell`.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null | undefined): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const s = formulaStart.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: header row, rows, BOM first, CRLF after every line. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The cell as it was before `csvField` guarded it against formula evaluation. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export interface CsvRow {
  cells: string[];
  /** Line of the file where the row starts (1-based), for messages. */
  line: number;
}

/**
 * Rows of a CSV text (RFC 4180; a BOM, LF-only line ends and a missing final newline are fine). An
 * unclosed quote is an error value naming its line, never a guess.
 */
export function parseCsv(text: string): { rows: CsvRow[] } | { error: string; line: number } {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"' && cell === '') {
      const start = line;
      i++;
      for (;;) {
        if (i >= s.length) return { error: 'a quoted cell is never closed', line: start };
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (s[i] === '\n') line++;
        cell += s[i++];
      }
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || cells.length) endRow();
  return { rows };
}
