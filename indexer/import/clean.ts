/**
 * What is on the pages but not part of the text: running headers and footers (lines repeating at the
 * same place across pages), page numbers, and the document's own table of contents.
 */
import type { Line } from './document.ts';

/** The top and bottom share of a page where running headers and footers sit. */
const BAND = 0.12;
/**
 * A line at the same place on at least this many pages (and this share of them) is running: a
 * chapter's own running title counts too, so the share is small.
 */
const MIN_REPEATS = 3;
const MIN_SHARE = 0.05;

const pageNumber = /^(?:[-‐－–—(（]\s*)?(?:p\.?\s*)?\d{1,4}(?:\s*[-‐－–—)）])?(?:\s*[/／]\s*\d{1,4})?$/i;
/** A contents entry: text, then a leader (dots or a wide gap) and a page number at the end. */
const contentsEntry = /(?:[.．・･…‥·]{3,}|[.．・･…‥·]\s*[.．・･…‥·]|\s{2,}|\t)\s*\d{1,4}$|[…‥]+\s*\d{1,4}$/;
const contentsTitle = /^(?:目\s*次|もくじ|contents|table of contents)$/i;

export function isPageNumber(text: string): boolean {
  return pageNumber.test(text.trim());
}

/** A contents entry by its leader (dots, a wide gap): one such line looks like contents anywhere. */
export function isContentsEntry(line: Line): boolean {
  return contentsEntry.test(line.text.trim());
}

/** On a contents page, also an entry whose page number stands apart in a column of its own. */
function isEntryOnContentsPage(line: Line): boolean {
  return isContentsEntry(line) || (line.cells.length === 2 && /^\d{1,4}$/.test(line.cells[1]!.text.trim()));
}

export interface Cleaned {
  /** Lines of the text, in reading order, headers/footers/page numbers/contents pages removed. */
  lines: Line[];
  /** Pages taken for the document's own table of contents. */
  contentsPages: number[];
}

/**
 * Removes running lines and page numbers from each page (`pages[i]` are the lines of a page, top
 * first, `heights[i]` its height) and drops the pages of the document's table of contents.
 */
export function cleanPages(pages: Line[][], heights: number[]): Cleaned {
  // Where a line sits: in the top or bottom band of a PDF page at its height, or (text without
  // geometry, height 0) among the first or last two lines of its page.
  const key = (lines: Line[], at: number, height: number) => {
    const line = lines[at]!;
    const band =
      height > 0
        ? line.y >= height * (1 - BAND)
          ? `top:${Math.round(line.y)}`
          : line.y <= height * BAND
            ? `bottom:${Math.round(line.y)}`
            : null
        : at < 2
          ? `top:${at}`
          : lines.length - at <= 2
            ? `bottom:${lines.length - at}`
            : null;
    return band && `${band}:${line.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  };
  const seen = new Map<string, Set<number>>();
  pages.forEach((lines, i) => {
    lines.forEach((_, at) => {
      const k = key(lines, at, heights[i]!);
      if (k) seen.set(k, (seen.get(k) ?? new Set()).add(i));
    });
  });
  const running = (k: string | null) => {
    const on = k ? (seen.get(k)?.size ?? 0) : 0;
    return on >= MIN_REPEATS && on >= MIN_SHARE * pages.length;
  };
  const contentsPages: number[] = [];
  const lines: Line[] = [];
  let inContents = false;
  pages.forEach((pageLines, i) => {
    const body = pageLines.filter((line, at) => {
      const k = key(pageLines, at, heights[i]!);
      return !(running(k) || (k && isPageNumber(line.text)));
    });
    // A contents page: it is titled so, or (continuing one) most of its lines are entries.
    const leadered = body.filter(isContentsEntry).length;
    const entries = body.filter(isEntryOnContentsPage).length;
    const titled = body.slice(0, 3).some((l) => contentsTitle.test(l.text.replace(/\s+/g, ' ').trim()));
    inContents =
      body.length > 0 &&
      ((titled && entries >= 2) ||
        (leadered >= 3 && leadered * 2 >= body.length) ||
        (inContents && entries > 0 && entries * 2 >= body.length));
    if (inContents) contentsPages.push(body[0]!.page);
    else lines.push(...body);
  });
  return { lines: withoutContentsBlock(lines), contentsPages };
}

/**
 * A contents list inside a page of text (text copied without page breaks): its title line and the
 * entries after it — lines ending in a page number, with at most one wrapped line between two.
 */
function withoutContentsBlock(lines: Line[]): Line[] {
  const start = lines.findIndex((l) => contentsTitle.test(l.text.replace(/\s+/g, ' ').trim()));
  if (start < 0) return lines;
  let end = start + 1;
  let last = start;
  while (end < lines.length && end - last <= 2) {
    if (/\d{1,4}$/.test(lines[end]!.text.trim())) last = end;
    end++;
  }
  return last > start ? [...lines.slice(0, start), ...lines.slice(last + 1)] : lines;
}
