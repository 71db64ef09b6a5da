/**
 * From a source document to the official units of one guideline: where each unit starts — printed
 * headings found by their numbering and their typeface, a tagged PDF's heading structure, and the
 * bookmarks, each checked against the heading printed where it points — chosen in the order of
 * guidelines.yml's table of contents; where a boxed unit ends; its pages and its text as Markdown.
 * Or a KojoError when the document is not that guideline, or not its edition.
 */
import type { GuidelineMeta, ImportMethod, UnitCoverage } from '../corpus/index.ts';
import { findEdition, sameEdition } from '../corpus/index.ts';
import { KojoError } from '../errors/index.ts';
import { t } from '../wording/index.ts';
import { cleanPages, isContentsEntry } from './clean.ts';
import { type Frame, type Line, pageLines, type SourceDocument, type SourcePage } from './document.ts';
import { takeFootnotes } from './footnotes.ts';
import { toPagedMarkdown } from './markdown.ts';
import { readTitlePage, type TitlePage } from './title-page.ts';
import { headingTypeface, MAX_HEADING } from './typeface.ts';
import { fold, matchUnit, type OfficialUnit, officialUnits, parseHeading, similarTitles } from './units.ts';

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
  /** The heading's line and the unit's last line as read from the pages: where it was cut, for review. */
  lines: { first: string; last: string };
}

/** Something a person reviewing the import should know: a cue corrected by another, or a limit met. */
export interface ImportNote {
  kind: 'correction' | 'warning';
  page?: number;
  text: string;
}

export interface ImportResult {
  method: ImportMethod;
  title?: string;
  edition?: string;
  pages: number;
  /** Found units with text, in document order. */
  units: ImportedUnit[];
  /** Every unit of the official table of contents, in its order: found or not. */
  coverage: Omit<UnitCoverage, 'file'>[];
  /** Heading-like lines or bookmarks that name no official unit. */
  unplaced: { page: number; text: string }[];
  contentsPages: number[];
  /** Pages without a text layer (images only): their text cannot be imported. */
  textless: number[];
  notes: ImportNote[];
}

/** Frames covering more of the page than this are page borders or backgrounds, not boxes. */
const PAGE_FRAME = 0.6;
/** How far from its destination a bookmark's printed heading is looked for (pages). */
const BOOKMARK_REACH = 2;

interface Candidate {
  unit: OfficialUnit;
  /** Index of the heading line in the cleaned lines; the body starts at `body`. */
  at: number;
  body: number;
  title: string;
  /** Evidence beyond the numbering: typeface, structure tags, a bookmark. */
  score: number;
  /** A bookmark pointed here with no printed heading to be found: the unit starts at the page's top. */
  synthetic?: boolean;
  /** From a tagged PDF's structure tree. */
  tagged?: boolean;
  bookmarked?: boolean;
  /** For a boxed unit: the line after its box, where the text around it resumes. */
  end?: number;
}

type Wraps = (head: Line, next: Line) => boolean;

/**
 * The early look at a PDF's first pages: a title page naming another registered guideline stops the
 * reading there, as detectUnits would refuse it after reading every page (checkIdentity).
 */
export function checkTitleStart(
  pages: SourcePage[],
  total: number,
  guideline: GuidelineMeta,
  registry: readonly GuidelineMeta[],
): void {
  const page = readTitlePage(pages.flatMap(pageLines).slice(0, 60), registry);
  if (!page.guideline || page.guideline.key === guideline.key) return;
  throw new KojoError(
    'import-wrong-guideline',
    t('import.otherTitle', {
      label: guideline.label,
      title: guideline.title,
      reads: page.title ?? '',
      other: page.guideline.key,
      pages: pages.length,
      total,
    }),
  );
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
  const units = officialUnits(guideline);
  const notes: ImportNote[] = [];
  const pdf = doc.kind === 'pdf';

  const styled = headingTypeface(perPage.flat(), pdf);
  const names = (l: Line) => matchUnit(parseHeading(l.text), units);
  const cleaned = cleanPages(perPage, doc.pages, {
    mayBeHeading: (l) => styled(l) && names(l) !== undefined,
  });
  const { contentsPages, running } = cleaned;
  // Footnotes leave the flow before anything reads it: each follows the line that refers to it.
  const lines = takeFootnotes(cleaned.lines);
  const anyStyled = lines.some((l) => styled(l) && !l.running);
  const rightEdges = textEdges(lines);
  // A heading continues on the next line when it ran to the right edge and the next is set alike.
  const wraps: Wraps = (head, next) =>
    (styled(next) || (head.heading !== undefined && next.heading === head.heading)) &&
    head.right >= (rightEdges.get(head.page) ?? 0) - 4 * head.size;
  const frames = frameIndex(doc, lines);

  const candidates: Candidate[] = [];
  const unplaced: { page: number; text: string; at: number }[] = [];
  const inFigures = new Map<number, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (text.length > MAX_HEADING || /[。．]$/.test(text) || isContentsEntry(line)) continue;
    const typeface = styled(line);
    const tagged = line.heading !== undefined;
    // Without any heading typeface in the document, a short line naming a unit is its heading.
    if (!typeface && !tagged && anyStyled) continue;
    const body = afterHeading(lines, i, wraps);
    const joined = lines
      .slice(i, body)
      .map((l) => l.text.trim())
      .join('');
    const heading = parseHeading(joined);
    const unit = matchUnit(heading, units) ?? matchUnit(parseHeading(text), units);
    if (!unit) {
      if (typeface && (heading.named || /\./.test(heading.label ?? '')) && !line.running)
        unplaced.push({ page: line.page, text: joined, at: i });
      continue;
    }
    const figure = frames.figureText(i, names);
    if (figure) {
      inFigures.set(line.page, [...(inFigures.get(line.page) ?? []), text]);
      continue;
    }
    const titled = Boolean(heading.title) && unit.title !== undefined && similarTitles(unit.title, heading.title);
    candidates.push({
      unit,
      at: i,
      body: unit === matchUnit(heading, units) ? body : i + 1,
      title: heading.title || unit.title || unit.section,
      score: (tagged ? 1 : 0) + (typeface ? 0.5 : 0) + (titled ? 0.3 : 0) + (line.running ? -0.6 : 0),
      ...(tagged ? { tagged } : {}),
    });
  }
  for (const [page, texts] of inFigures)
    notes.push({
      kind: 'correction',
      page,
      text: `${texts.length} heading-like line${texts.length > 1 ? 's' : ''} inside a figure or box not taken for headings (「${texts[0]}」${texts.length > 1 ? ' …' : ''})`,
    });

  let method: ImportMethod = pdf ? 'headings' : 'text';
  if (doc.outline.length && bookmarks(doc, lines, units, candidates, unplaced, notes)) method = 'outline';
  else if (candidates.some((c) => c.tagged)) method = 'tagged';

  const chosen = choose(candidates, lines);
  for (const c of chosen) c.end = frames.boxEnd(c.at, c.body);
  // Headings before the first unit are the front matter (title page, foreword): nothing to place.
  const placedAt = new Set(chosen.map((c) => c.at));
  const unplacedAfter = unplaced
    .filter((u) => u.at > (chosen[0]?.at ?? Infinity) && !placedAt.has(u.at))
    .map(({ page, text }) => ({ page, text }));
  checkIdentity(guideline, titlePage, chosen, units, doc.kind);

  const subHeading = (l: Line) => anyStyled && styled(l) && l.text.trim().length <= MAX_HEADING;
  const owned = assign(chosen, lines);
  const textless = doc.pages
    .filter((p) => !p.runs.some((r) => r.text.trim()) && (p.images ?? 0) > 0)
    .map((p) => p.number);
  const found: { start: Candidate; unit: ImportedUnit }[] = [];
  for (const start of chosen) {
    const own = owned.get(start) ?? [];
    const body = own.filter((i) => i >= start.body || i < start.at);
    const bodyLines = body.map((i) => lines[i]!);
    const { text, pages: linePages } = toPagedMarkdown(bodyLines, {
      isHeading: subHeading,
      rightEdge: (p) => rightEdges.get(p) ?? 0,
    });
    const first = lines[start.at]!;
    const last = bodyLines.at(-1) ?? lines[start.body - 1] ?? first;
    if (!text.trim()) {
      notes.push({
        kind: 'warning',
        page: first.page,
        text: `${describe(start.unit)}: its heading is on p.${first.page} but no text follows it`,
      });
      continue;
    }
    found.push({
      start,
      unit: {
        chapter: start.unit.chapter,
        section: start.unit.section,
        title: start.title,
        pages: [first.page, Math.max(first.page, last.page)],
        text,
        linePages,
        lines: { first: start.synthetic ? '' : first.text.trim(), last: last.text.trim() },
      },
    });
  }
  found.sort((a, b) => a.start.at - b.start.at);
  if (textless.length) {
    const most = textless.length * 2 > doc.pages.length;
    notes.push({
      kind: 'warning',
      text: `${textless.length} page${textless.length > 1 ? 's have' : ' has'} no text layer (images only): p.${textless.join(', ')} — their text is not imported${most ? '; run OCR first (e.g. ocrmypdf) and import the result' : ''}`,
    });
  }
  const byIndex = new Map(found.map((f) => [f.start.unit.index, f.unit]));
  for (const u of units) {
    if (byIndex.has(u.index)) continue;
    const scan = textlessNear(u, found, textless, doc.pages.length);
    notes.push({
      kind: 'warning',
      text: `${describe(u)} not found${scan ? `: its heading may be on p.${scan}, which has no text layer` : ''}`,
    });
  }
  if (running.length)
    notes.push({
      kind: 'correction',
      text: `running headers and footers removed: ${running
        .slice(0, 4)
        .map((r) => `「${r}」`)
        .join(' ')}${running.length > 4 ? ` and ${running.length - 4} more` : ''}`,
    });
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
    unplaced: unplacedAfter,
    contentsPages,
    textless,
    notes,
  };
}

/** `3 ステップ1-1`, `付録A`: a unit as the summary names it. */
export function describe(u: Pick<OfficialUnit, 'chapter' | 'section'>): string {
  return u.chapter === u.section ? u.chapter : `${u.chapter} ${u.section}`;
}

/** A scanned page between the units found before and after a missing one. */
function textlessNear(
  unit: OfficialUnit,
  found: { start: Candidate; unit: ImportedUnit }[],
  textless: number[],
  pages: number,
): number | undefined {
  const before = Math.max(1, ...found.filter((f) => f.start.unit.index < unit.index).map((f) => f.unit.pages[0]));
  const after = Math.min(
    pages,
    ...found.filter((f) => f.start.unit.index > unit.index && f.unit.pages[0] >= before).map((f) => f.unit.pages[0]),
  );
  return textless.find((p) => p >= before && p <= after);
}

/**
 * Bookmarks, each checked against the heading printed where it points: the candidate naming the same
 * unit on its page, else on a neighbouring one (a correction); with no printed heading near, the
 * unit starts at the top of the page it points to. Returns whether any bookmark named a unit.
 */
function bookmarks(
  doc: SourceDocument,
  lines: Line[],
  units: OfficialUnit[],
  candidates: Candidate[],
  unplaced: { page: number; text: string; at: number }[],
  notes: ImportNote[],
): boolean {
  let any = false;
  const taken = new Set<number>();
  for (const entry of doc.outline) {
    if (entry.page === null) continue;
    const unit = matchUnit(parseHeading(entry.title), units);
    if (!unit) {
      const at = lines.findIndex((l) => l.page >= entry.page!);
      if (at >= 0 && !unplaced.some((u) => u.page === entry.page && fold(u.text) === fold(entry.title)))
        unplaced.push({ page: entry.page, text: entry.title.trim(), at });
      continue;
    }
    if (taken.has(unit.index)) continue;
    taken.add(unit.index);
    any = true;
    const mine = candidates.filter((c) => c.unit === unit && !c.synthetic);
    const near = [0, 1, -1, 2, -2].filter((d) => Math.abs(d) <= BOOKMARK_REACH).map((d) => entry.page! + d);
    const page = near.find((p) => mine.some((c) => lines[c.at]!.page === p));
    if (page !== undefined) {
      const c = mine.find((m) => lines[m.at]!.page === page)!;
      c.score += 1;
      c.bookmarked = true;
      if (page !== entry.page)
        notes.push({
          kind: 'correction',
          page,
          text: `bookmark 「${entry.title.trim()}」 points to p.${entry.page}, but its heading is printed on p.${page}: p.${page} used`,
        });
      continue;
    }
    // No printed heading near: the bookmark's page, from its top (a heading drawn as an image, say).
    const at = lines.findIndex((l) => l.page >= entry.page!);
    if (at < 0) continue;
    const heading = parseHeading(entry.title);
    candidates.push({
      unit,
      at,
      body: at,
      title: heading.title || unit.title || unit.section,
      score: 0.5,
      synthetic: true,
      bookmarked: true,
    });
    notes.push({
      kind: 'warning',
      page: entry.page,
      text: `bookmark 「${entry.title.trim()}」: no printed heading found on p.${entry.page - BOOKMARK_REACH}–${entry.page + BOOKMARK_REACH}; the unit starts at the top of p.${lines[at]!.page}`,
    });
  }
  return any;
}

/**
 * The starts: the longest chain of candidates whose units follow the table of contents' order (most
 * evidence breaking ties); columns (コラム), which sit wherever their chapter puts them, take their
 * best candidate.
 */
function choose(candidates: Candidate[], lines: Line[]): Candidate[] {
  const floating = (c: Candidate) => /^(?:コラム|column)/i.test(c.unit.chapter);
  const main = candidates.filter((c) => !floating(c)).sort((a, b) => a.at - b.at || b.score - a.score);
  const value = (c: Candidate) => 10 + c.score;
  const best: number[] = [];
  const prev: number[] = [];
  main.forEach((c, i) => {
    best[i] = value(c);
    prev[i] = -1;
    for (let j = 0; j < i; j++) {
      const b = main[j]!;
      if (b.at < c.at && b.unit.index < c.unit.index && best[j]! + value(c) > best[i]!) {
        best[i] = best[j]! + value(c);
        prev[i] = j;
      }
    }
  });
  const chain: Candidate[] = [];
  let i = best.reduce((m, v, k) => (v > (best[m] ?? -Infinity) ? k : m), 0);
  while (main.length && i >= 0) {
    chain.unshift(main[i]!);
    i = prev[i]!;
  }
  const used = new Set(chain.map((c) => c.at));
  const columns = new Map<number, Candidate>();
  for (const c of candidates.filter(floating).sort((a, b) => a.at - b.at)) {
    const had = columns.get(c.unit.index);
    if (!used.has(c.at) && (!had || c.score > had.score)) columns.set(c.unit.index, c);
  }
  return [...chain, ...columns.values()].sort((a, b) => a.at - b.at || lines[a.at]!.y - lines[b.at]!.y);
}

/**
 * Which lines each start owns: from its heading to the next start, except that a boxed unit ends
 * with its box and the unit around it resumes. Running lines kept as possible headings and not
 * taken belong to nobody.
 */
function assign(starts: Candidate[], lines: Line[]): Map<Candidate, number[]> {
  const owned = new Map<Candidate, number[]>(starts.map((s) => [s, []]));
  const at = new Map(starts.map((s) => [s.at, s]));
  let current: Candidate | undefined;
  const outer: Candidate[] = [];
  let resume = -1;
  for (let i = 0; i < lines.length; i++) {
    if (i === resume) {
      current = outer.pop();
      resume = -1;
    }
    const start = at.get(i);
    if (start) {
      if (start.end !== undefined && current) {
        outer.push(current);
        resume = start.end;
      } else outer.length = 0;
      current = start;
    }
    if (!current || (lines[i]!.running && !start)) continue;
    owned.get(current)!.push(i);
  }
  return owned;
}

/** The frames of each page and what they say about a line: inside a figure, or a box a unit fills. */
function frameIndex(doc: SourceDocument, lines: Line[]) {
  const pageOf = new Map(doc.pages.map((p) => [p.number, p]));
  const framesOf = (page: number): Frame[] => {
    const p = pageOf.get(page);
    const area = (p?.width ?? 0) * (p?.height ?? 0);
    return (p?.frames ?? []).filter((f) => !area || (f.x1 - f.x0) * (f.y1 - f.y0) < PAGE_FRAME * area);
  };
  const inside = (l: Line, f: Frame) => l.x >= f.x0 - 2 && l.right <= f.x1 + 2 && l.y >= f.y0 - 2 && l.y <= f.y1 + 2;
  const within = (a: Frame, b: Frame) =>
    a !== b && a.x0 >= b.x0 - 1 && a.x1 <= b.x1 + 1 && a.y0 >= b.y0 - 1 && a.y1 <= b.y1 + 1;
  /** The innermost frame around a line. */
  const frameOf = (i: number): Frame | undefined => {
    const l = lines[i]!;
    return framesOf(l.page)
      .filter((f) => inside(l, f))
      .sort((a, b) => (a.x1 - a.x0) * (a.y1 - a.y0) - (b.x1 - b.x0) * (b.y1 - b.y0))[0];
  };
  const linesIn = (i: number, f: Frame) => {
    const page = lines[i]!.page;
    const out: number[] = [];
    for (let j = i; j >= 0 && lines[j]!.page === page; j--) if (inside(lines[j]!, f)) out.unshift(j);
    for (let j = i + 1; j < lines.length && lines[j]!.page === page; j++) if (inside(lines[j]!, f)) out.push(j);
    return out;
  };
  return {
    /**
     * Whether line `i` is text of a figure: inside a frame that holds or sits in other frames, or that
     * holds several lines naming units, or not its frame's first line; or one of several lines side
     * by side that each name a unit.
     */
    figureText(i: number, names: (l: Line) => OfficialUnit | undefined): boolean {
      const line = lines[i]!;
      if (line.cells.filter((c) => names({ ...line, text: c.text })).length >= 2) return true;
      const f = frameOf(i);
      if (!f) return false;
      const all = framesOf(line.page);
      if (all.some((g) => within(g, f) || within(f, g))) return true;
      const own = linesIn(i, f);
      return own[0] !== i || own.filter((j) => names(lines[j]!)).length >= 2;
    },
    /** For a heading that opens a box holding more than itself: the line after the box. */
    boxEnd(at: number, body: number): number | undefined {
      const f = frameOf(at);
      if (!f) return undefined;
      const own = linesIn(at, f);
      const last = own.at(-1)!;
      return last >= body && last + 1 < lines.length ? last + 1 : undefined;
    },
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

/** Where the text under a heading starts: after the heading line and a wrapped second line in the same type. */
function afterHeading(lines: Line[], at: number, wraps: Wraps): number {
  const head = lines[at]!;
  const next = lines[at + 1];
  const wrapped =
    next &&
    next.page === head.page &&
    Math.abs(next.size - head.size) < 0.5 &&
    next.bold === head.bold &&
    next.font === head.font &&
    wraps(head, next) &&
    head.y - next.y < 1.8 * head.size &&
    !parseHeading(next.text).label;
  return wrapped ? at + 2 : at + 1;
}

/**
 * Refuses a file that is not the guideline (its title page names another, or few of its chapters are
 * there — for text, whatever its first lines say) or is another edition of it; says what was found.
 */
function checkIdentity(
  guideline: GuidelineMeta,
  page: TitlePage,
  starts: Candidate[],
  units: OfficialUnit[],
  kind: SourceDocument['kind'],
): void {
  const chapters = units.filter((u) => u.parent === undefined);
  const foundChapters = new Set(starts.filter((s) => s.unit.parent === undefined).map((s) => s.unit.index)).size;
  const titled = page.guideline?.key === guideline.key;
  const few = foundChapters * 2 < chapters.length;
  if ((!titled && (page.guideline || few)) || (kind === 'text' && few)) {
    const reads = page.title ? `its title page reads 「${page.title}」` : 'its title page names no guideline';
    const other =
      page.guideline && !titled ? `; it looks like ${page.guideline.key} (--guideline ${page.guideline.key})` : '';
    const what = kind === 'text' && titled ? 'the text of ' : '';
    throw new KojoError(
      'import-wrong-guideline',
      `not ${what}${guideline.label}「${guideline.title}」: ${reads} and ${foundChapters} of its ${chapters.length} chapters were found${other}`,
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
