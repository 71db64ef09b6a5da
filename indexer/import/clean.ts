/**
 * What is on the pages but not part of the text: running headers and footers (lines repeating at
 * the same distance from the page's edge across pages of any size and orientation), page numbers,
 * and the document's own table of contents.
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
/** Lines this close to the same distance from the edge are at the same place (points). */
const SLOT = 2.5;
/** A running text this long found inside a line at its place makes the line running (a header adding the chapter title). */
const MIN_INSIDE = 6;

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
function entryNumber(line: Line): number | undefined {
  const text = line.text.trim();
  const last = line.cells.at(-1)?.text.trim() ?? '';
  if (isContentsEntry(line)) return Number(/(\d{1,4})$/.exec(text)![1]);
  if (line.cells.length >= 2 && /^\d{1,4}$/.test(last)) return Number(last);
  return undefined;
}

/** Where a page sits and how big it is; text without geometry has height 0. */
export interface PageGeometry {
  height: number;
  width?: number;
}

export interface CleanOptions {
  /**
   * A running line that may also be a heading (a slide's title bar repeating the chapter title):
   * its first page in a run of consecutive pages is kept, marked `running`, for the detection to
   * take or drop.
   */
  mayBeHeading?: (line: Line) => boolean;
}

export interface Cleaned {
  /** Lines of the text, in reading order, headers/footers/page numbers/contents pages removed. */
  lines: Line[];
  /** Pages taken for the document's own table of contents. */
  contentsPages: number[];
  /** Running lines removed, by text (a few examples each), for the review. */
  running: string[];
}

interface Place {
  band: 'top' | 'bottom';
  /** Distance from the page's edge (points), or for text without geometry the line's rank from it. */
  distance: number;
}

/** Where a line sits: in the top or bottom band of its page, measured from that edge. */
function placeOf(lines: Line[], at: number, page: PageGeometry): Place | null {
  const line = lines[at]!;
  if (page.height > 0) {
    if (line.y >= page.height * (1 - BAND)) return { band: 'top', distance: page.height - line.y };
    if (line.y <= page.height * BAND) return { band: 'bottom', distance: line.y };
    return null;
  }
  if (at < 2) return { band: 'top', distance: at * 10 };
  if (lines.length - at <= 2) return { band: 'bottom', distance: (lines.length - at) * 10 };
  return null;
}

const textKey = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Removes running lines and page numbers from each page (`pages[i]` are the lines of a page, top
 * first) and drops the pages of the document's table of contents.
 */
export function cleanPages(pages: Line[][], geometry: PageGeometry[], options: CleanOptions = {}): Cleaned {
  // Every text at every place: a line's whole text, and each of its cells (a header whose left half
  // is the document's title and whose right half is the chapter's).
  const seen = new Map<string, { distance: number; page: number }[]>();
  const placed = pages.map((lines, i) =>
    lines.map((line, at) => {
      const place = placeOf(lines, at, geometry[i]!);
      if (!place) return null;
      const keys = [textKey(line.text), ...(line.cells.length > 1 ? line.cells.map((c) => textKey(c.text)) : [])];
      for (const key of new Set(keys)) {
        const k = `${place.band}\u0000${key}`;
        if (!seen.has(k)) seen.set(k, []);
        seen.get(k)!.push({ distance: place.distance, page: i });
      }
      return { place, keys };
    }),
  );
  const pagesAt = (key: string, place: Place) =>
    new Set(
      (seen.get(`${place.band}\u0000${key}`) ?? [])
        .filter((s) => Math.abs(s.distance - place.distance) <= SLOT)
        .map((s) => s.page),
    );
  const repeats = (key: string, place: Place) => {
    const on = pagesAt(key, place).size;
    return key.length > 0 && on >= MIN_REPEATS && on >= MIN_SHARE * pages.length;
  };
  // Texts that run at each place: a line holding one of them there runs too (title + chapter title in one run).
  const runningTexts: { place: Place; key: string }[] = [];
  placed.forEach((lines) =>
    lines.forEach((p) => {
      if (p)
        for (const key of p.keys)
          if (key.length >= MIN_INSIDE && repeats(key, p.place)) runningTexts.push({ place: p.place, key });
    }),
  );
  const isRunning = (line: Line, p: { place: Place; keys: string[] }) =>
    p.keys.some((k) => repeats(k, p.place)) ||
    runningTexts.some(
      (r) =>
        r.place.band === p.place.band &&
        Math.abs(r.place.distance - p.place.distance) <= SLOT &&
        textKey(line.text).includes(r.key),
    );

  const removed = new Map<string, number>();
  const contentsPages: number[] = [];
  const lines: Line[] = [];
  let inContents = false;
  let lastKept = new Set<string>();
  pages.forEach((pageLines, i) => {
    const keptHere = new Set<string>();
    const body: Line[] = [];
    pageLines.forEach((line, at) => {
      const p = placed[i]![at];
      if (!p) return body.push(line);
      if (isRunning(line, p)) {
        // A title bar repeating the heading it is: kept where its run of pages starts.
        const key = textKey(line.text);
        if (options.mayBeHeading?.(line) && !lastKept.has(key)) {
          body.push({ ...line, running: true });
          keptHere.add(key);
          return;
        }
        if (options.mayBeHeading?.(line)) keptHere.add(key);
        removed.set(line.text.trim(), (removed.get(line.text.trim()) ?? 0) + 1);
        return;
      }
      if (isPageNumber(line.text)) return;
      body.push(line);
    });
    lastKept = keptHere;
    inContents = isContentsPage(body, inContents, i, pages.length);
    if (inContents) contentsPages.push(body[0]!.page);
    else lines.push(...body);
  });
  return { lines: withoutContentsBlock(lines), contentsPages, running: [...removed.keys()] };
}

/**
 * A contents page: titled so with entries, or (untitled: a continuation, or a contents without a
 * title near the front) most of its lines entries whose page numbers ascend.
 */
function isContentsPage(body: Line[], continuing: boolean, index: number, pages: number): boolean {
  if (!body.length) return false;
  const numbers = body.map(entryNumber).filter((n): n is number => n !== undefined);
  const ascending = numbers.filter((n, i) => i === 0 || n >= numbers[i - 1]!).length >= 0.8 * numbers.length;
  const titled = body.slice(0, 3).some((l) => contentsTitle.test(l.text.replace(/\s+/g, ' ').trim()));
  const mostly = numbers.length >= 3 && numbers.length * 2 >= body.length && ascending;
  if (titled) return numbers.length >= 2;
  if (continuing) return numbers.length > 0 && numbers.length * 2 >= body.length && ascending;
  // Untitled contents come before the text: within the first pages.
  return mostly && index < Math.max(4, 0.15 * pages);
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
