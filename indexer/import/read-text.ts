/**
 * Plain text (copied out of a PDF viewer) as a source document: pages split at form feeds, or at
 * standalone page numbers when they count up; one run per line (cells where tabs or wide spaces
 * separate columns), all in one size, so the same detection reads it.
 */
import type { SourceDocument, SourcePage, TextRun } from './document.ts';
import { isPageNumber } from './clean.ts';

const SIZE = 10;
const LEADING = 12;

export function readText(text: string): SourceDocument {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const pages = source.includes('\f') ? source.split('\f') : splitAtPageNumbers(source);
  return { kind: 'text', pages: pages.map((p, i) => pageOf(p, i + 1)), outline: [] };
}

/** Lines that are only a page number, counting up (3, 4, 5 …), end pages; else the text is one page. */
function splitAtPageNumbers(text: string): string[] {
  const lines = text.split('\n');
  const breaks: number[] = [];
  let last = 0;
  lines.forEach((line, i) => {
    const n = Number(/\d+/.exec(line)?.[0]);
    if (isPageNumber(line) && n > last && n <= last + 3) {
      breaks.push(i);
      last = n;
    }
  });
  if (breaks.length < 3) return [text];
  const pages: string[] = [];
  let from = 0;
  for (const at of breaks) {
    pages.push(lines.slice(from, at + 1).join('\n'));
    from = at + 1;
  }
  pages.push(lines.slice(from).join('\n'));
  return pages.filter((p) => p.trim() !== '');
}

function pageOf(text: string, number: number): SourcePage {
  const runs: TextRun[] = [];
  let y = 0;
  for (const line of text.replace(/^\n+|\n+$/g, '').split('\n')) {
    y -= LEADING;
    if (line.trim() === '') {
      y -= LEADING;
      continue;
    }
    let x = width(/^[ \t\u3000]*/.exec(line)![0]);
    for (const [i, cell] of line
      .trim()
      .split(/\t+| {2,}|\u3000{2,}/)
      .entries()) {
      if (i > 0) x += 2 * SIZE;
      runs.push({ text: cell, x, y, width: width(cell), size: SIZE, bold: false });
      x += width(cell);
    }
  }
  // Height 0: no geometry; running lines are told by their place among the page's lines.
  return { number, height: 0, runs };
}

/** Width in points at SIZE: full-width characters one em, the rest half. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch)
      ? SIZE
      : SIZE / 2;
  return w;
}
