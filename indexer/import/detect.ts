/**
 * From a source document to the official units of one guideline: where each unit starts (by the
 * PDF's bookmarks, else by its printed headings matched against guidelines.yml), its pages and its
 * text as Markdown — or a KojoError when the document is not that guideline, or not its edition.
 */
import type { GuidelineMeta } from '../corpus/index.ts';
import { KojoError } from '../errors/index.ts';
import { cleanPages, isContentsEntry } from './clean.ts';
import { commonSize, pageLines, type Line, type SourceDocument } from './document.ts';
import type { ImportMethod, UnitCoverage } from '../corpus/index.ts';
import { takeFootnotes } from './footnotes.ts';
import { toPagedMarkdown } from './markdown.ts';
import { findEdition, sameEdition } from '../corpus/index.ts';
import { readTitlePage, type TitlePage } from './title-page.ts';
import { fold, matchUnit, officialUnits, parseHeading, type OfficialUnit } from './units.ts';

export interface ImportedUnit {
  chapter: string;
  section: string;
  /** The heading as printed, without its number (or the official title where none is printed). */
  title: string;
  pages: [number, number];
  /** Official text as Markdown. */
  text: string;
  /** The page of each line of `text` (a paragraph's, list item's or table row's: that of its first line). */
  linePages: number[];
}

export interface ImportResult {
  method: ImportMethod;
  title?: string;
  edition?: string;
  pages: number;
  /** Found units, in document order. */
  units: ImportedUnit[];
  /** Every unit of the official table of contents, in its order: found or not. */
  coverage: Omit<UnitCoverage, 'file'>[];
  /** Heading-like lines or bookmarks that name no official unit. */
  unplaced: { page: number; text: string }[];
  contentsPages: number[];
}

/** A heading is at most this long; a longer line is text. */
const MAX_HEADING = 90;
/** Type this much larger than the body text reads as a heading. */
const HEADING_SCALE = 1.12;

interface Start {
  unit: OfficialUnit;
  /** Index of the heading line in the cleaned lines; the body starts at `body`. */
  at: number;
  body: number;
  title: string;
}

/**
 * Detects the units of `guideline` in `doc`. `registry` is every guideline (to name the one a wrong
 * file belongs to). Throws KojoError 'import-wrong-guideline' or 'import-wrong-edition'.
 */
export function detectUnits(
  doc: SourceDocument,
  guideline: GuidelineMeta,
  registry: readonly GuidelineMeta[],
): ImportResult {
  const perPage = doc.pages.map(pageLines);
  const titlePage = readTitlePage(perPage.flat().slice(0, 60), registry);
  const cleaned = cleanPages(
    perPage,
    doc.pages.map((p) => p.height),
  );
  const { contentsPages } = cleaned;
  // Footnotes leave the flow before anything reads it: each follows the line that refers to it.
  const lines = takeFootnotes(cleaned.lines);
  const units = officialUnits(guideline);

  const bodySize = commonSize(lines);
  const styled = (l: Line) =>
    doc.kind === 'pdf' && (l.size >= bodySize * HEADING_SCALE || (l.bold && l.size >= bodySize * 0.95));
  const anyStyled = lines.some(styled);
  const rightEdges = textEdges(lines);
  // A heading continues on the next line when it ran to the right edge and the next is set alike.
  const wraps = (head: Line, next: Line) =>
    styled(next) && head.right >= (rightEdges.get(head.page) ?? 0) - 4 * head.size;
  const headingLike = (l: Line) => {
    const text = l.text.trim();
    if (text.length > MAX_HEADING || /[。．]$/.test(text) || isContentsEntry(l)) return false;
    return anyStyled ? styled(l) : text.length <= 60;
  };

  const starts = new Map<number, Start>();
  const unplaced: { page: number; text: string }[] = [];
  let method: ImportMethod = doc.kind === 'text' ? 'text' : 'headings';
  if (doc.outline.length) {
    const notUnits: typeof unplaced = [];
    for (const s of fromOutline(doc, lines, units, notUnits, wraps)) starts.set(s.unit.index, s);
    // Bookmarks that name no unit at all (表紙, 目次) are not this document's outline of units.
    if (starts.size) {
      method = 'outline';
      unplaced.push(...notUnits);
    }
  }
  // Units the bookmarks did not give (or all of them, without bookmarks) from the printed headings.
  const byHeadings = fromHeadings(lines, units, headingLike, styled, wraps);
  for (const s of byHeadings.starts) if (!starts.has(s.unit.index)) starts.set(s.unit.index, s);
  const ordered = consistent([...starts.values()]);
  // Headings before the first unit are the front matter (title page, foreword): nothing to place.
  if (method !== 'outline')
    unplaced.push(
      ...byHeadings.unplaced
        .filter((u) => u.at > (ordered[0]?.at ?? Infinity))
        .map(({ page, text }) => ({ page, text })),
    );
  checkIdentity(guideline, registry, titlePage, ordered, units);

  const subHeading = (l: Line) => anyStyled && styled(l) && l.text.trim().length <= MAX_HEADING;
  const found = ordered.map((s, i) => {
    const end = ordered[i + 1]?.at ?? lines.length;
    const body = lines.slice(s.body, end);
    const { text, pages: linePages } = toPagedMarkdown(body, {
      isHeading: subHeading,
      rightEdge: (p) => rightEdges.get(p) ?? 0,
    });
    const first = lines[s.at]?.page ?? 1;
    const last = body.at(-1)?.page ?? first;
    return {
      start: s,
      unit: {
        chapter: s.unit.chapter,
        section: s.unit.section,
        title: s.title,
        pages: [first, last] as [number, number],
        text,
        linePages,
      },
    };
  });
  const byIndex = new Map(found.map((f) => [f.start.unit.index, f.unit]));
  return {
    method,
    ...(titlePage.title ? { title: titlePage.title } : {}),
    ...(titlePage.edition ? { edition: titlePage.edition.printed } : {}),
    pages: doc.pages.length,
    units: found.map((f) => f.unit),
    coverage: units.map((u) => {
      const f = byIndex.get(u.index);
      return f
        ? { chapter: u.chapter, section: u.section, found: true, pages: f.pages, chars: f.text.length }
        : { chapter: u.chapter, section: u.section, found: false };
    }),
    unplaced,
    contentsPages,
  };
}

/** Where each page's text lines end: most full lines reach it (an overlong line or two does not move it). */
function textEdges(lines: Line[]): Map<number, number> {
  const rights = new Map<number, number[]>();
  for (const l of lines) {
    if (!rights.has(l.page)) rights.set(l.page, []);
    rights.get(l.page)!.push(l.right);
  }
  return new Map([...rights].map(([page, r]) => [page, r.sort((a, b) => a - b)[Math.round(0.9 * (r.length - 1))]!]));
}

/** Units by their bookmarks: the destination page, and on it the heading line the bookmark names. */
function fromOutline(
  doc: SourceDocument,
  lines: Line[],
  units: OfficialUnit[],
  unplaced: { page: number; text: string }[],
  wraps: Wraps,
): Start[] {
  const starts: Start[] = [];
  const taken = new Set<number>();
  for (const entry of doc.outline) {
    const heading = parseHeading(entry.title);
    const unit = entry.page === null ? undefined : matchUnit(heading, units);
    if (!unit || taken.has(unit.index)) {
      if (entry.page !== null && !unit) unplaced.push({ page: entry.page, text: entry.title.trim() });
      continue;
    }
    const firstOnPage = lines.findIndex((l) => l.page >= entry.page!);
    if (firstOnPage < 0) continue;
    // The heading itself, on the destination page or the next (a bookmark may point just above it):
    // the line reading as the bookmark does, else one naming the unit with a title, else by its label.
    const near: number[] = [];
    for (let i = firstOnPage; i < lines.length && lines[i]!.page <= entry.page! + 1; i++) near.push(i);
    const names = (i: number) => {
      const h = parseHeading(lines[i]!.text);
      return matchUnit(h, units) === unit ? (h.title ? 2 : 1) : 0;
    };
    const at =
      near.find((i) => fold(lines[i]!.text) === fold(entry.title)) ??
      near.find((i) => names(i) === 2) ??
      near.find((i) => names(i) === 1) ??
      -1;
    taken.add(unit.index);
    const title = heading.title || unit.title || unit.section;
    starts.push(
      at < 0
        ? { unit, at: firstOnPage, body: firstOnPage, title }
        : { unit, at, body: afterHeading(lines, at, wraps), title },
    );
  }
  return starts;
}

/** Units by printed headings: heading-like lines whose numbering and title name an official unit. */
function fromHeadings(
  lines: Line[],
  units: OfficialUnit[],
  headingLike: (l: Line) => boolean,
  styled: (l: Line) => boolean,
  wraps: Wraps,
) {
  const unplaced: { page: number; text: string; at: number }[] = [];
  // The first heading naming a unit is its start — but one printing a title beats a bare label met
  // earlier (`ステップ1-1` alone is more likely a box in an overview figure than the heading).
  const taken = new Map<number, { start: Start; titled: boolean }>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!headingLike(line)) continue;
    const body = afterHeading(lines, i, wraps);
    const text = lines
      .slice(i, body)
      .map((l) => l.text.trim())
      .join('');
    const heading = parseHeading(text);
    const unit = matchUnit(heading, units);
    const earlier = unit && taken.get(unit.index);
    if (unit && (!earlier || (!earlier.titled && heading.title))) {
      taken.set(unit.index, {
        start: { unit, at: i, body, title: heading.title || unit.title || unit.section },
        titled: Boolean(heading.title),
      });
    } else if (!unit && (styled(line) || heading.named || /\./.test(heading.label ?? ''))) {
      unplaced.push({ page: line.page, text, at: i });
    }
    i = body - 1;
  }
  return { starts: [...taken.values()].map((t) => t.start), unplaced };
}

type Wraps = (head: Line, next: Line) => boolean;

/** Where the text under a heading starts: after the heading line and a wrapped second line in the same type. */
function afterHeading(lines: Line[], at: number, wraps: Wraps): number {
  const head = lines[at]!;
  const next = lines[at + 1];
  const wrapped =
    next &&
    next.page === head.page &&
    Math.abs(next.size - head.size) < 0.5 &&
    next.bold === head.bold &&
    wraps(head, next) &&
    head.y - next.y < 1.8 * head.size &&
    !parseHeading(next.text).label;
  return wrapped ? at + 2 : at + 1;
}

/** Starts in document order; a section that comes before its own chapter's heading is dropped. */
function consistent(starts: Start[]): Start[] {
  const sorted = starts.sort((a, b) => a.at - b.at);
  const at = new Map(sorted.map((s) => [s.unit.index, s.at]));
  return sorted.filter((s) => s.unit.parent === undefined || !at.has(s.unit.parent) || at.get(s.unit.parent)! < s.at);
}

/**
 * Refuses a file that is not the guideline (its title page names another, or few of its chapters are
 * there) or is another edition of it; says what was found.
 */
function checkIdentity(
  guideline: GuidelineMeta,
  _registry: readonly GuidelineMeta[],
  page: TitlePage,
  starts: Start[],
  units: OfficialUnit[],
): void {
  const chapters = units.filter((u) => u.parent === undefined);
  const foundChapters = starts.filter((s) => s.unit.parent === undefined).length;
  const titled = page.guideline?.key === guideline.key;
  if (!titled && (page.guideline || foundChapters * 2 < chapters.length)) {
    const reads = page.title ? `its title page reads 「${page.title}」` : 'its title page names no guideline';
    const other = page.guideline ? `; it looks like ${page.guideline.key} (--guideline ${page.guideline.key})` : '';
    throw new KojoError(
      'import-wrong-guideline',
      `not ${guideline.label}「${guideline.title}」: ${reads} and ${foundChapters} of its ${chapters.length} chapters were found${other}`,
    );
  }
  const wanted = findEdition(guideline.version);
  if (page.edition && wanted && !sameEdition(page.edition.number, wanted.number)) {
    throw new KojoError(
      'import-wrong-edition',
      `this is ${guideline.label} ${page.edition.printed}, but the corpus describes ${guideline.version}: import the ${guideline.version} PDF (or update content/guidelines.yml and the clauses for ${page.edition.printed})`,
    );
  }
}
