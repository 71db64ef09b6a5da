/**
 * The table of contents of a document the registry does not know, read from the document's own
 * structure — its bookmarks, its tagged heading structure, its numbered headings, or failing those
 * its headings' typeface — with the readers the import of a known guideline uses (pageLines,
 * cleanPages, parseHeading, headingTypeface). The proposal becomes a guidelines.yml entry, and the
 * import of its text is then the ordinary one (detectUnits against that entry).
 */
import type { ChapterMeta, GuidelineMeta } from '../corpus/index.ts';
import { cleanPages, isContentsEntry } from './clean.ts';
import { type Line, pageLines, type SourceDocument } from './document.ts';
import { takeFootnotes } from './footnotes.ts';
import { readTitlePage } from './title-page.ts';
import { headingTypeface, MAX_HEADING } from './typeface.ts';
import { fold, parseHeading } from './units.ts';

/** Which of the document's cues the proposal was read from, in the order they are tried. */
export type ProposalMethod = 'outline' | 'tagged' | 'numbered' | 'typeface';

export interface ProposedSection {
  label: string;
  title: string;
  /** Where its heading is (PDF page). */
  page: number;
}

export interface ProposedChapter extends ProposedSection {
  slug: string;
  sections: ProposedSection[];
}

export interface Proposal {
  method: ProposalMethod;
  chapters: ProposedChapter[];
  /** The title and edition printed on the title page, when they could be read. */
  title?: string;
  edition?: string;
  /** A date printed on the first pages (`2025年4月` → 2025-04), when one could be read. */
  date?: string;
}

/** A heading as one of the cues gives it: its level (1 chapter, 2 section; deeper stays text), text and page. */
interface Heading {
  level: number;
  text: string;
  page: number;
}

/** Each cue with what it found; the first that gives a table of contents is the one proposed. */
export interface ProposalAttempt {
  method: ProposalMethod;
  headings: number;
}

/**
 * Proposes the document's table of contents, or returns the attempts (each cue and how many headings
 * it gave) when none gave at least one chapter: the caller says what was tried.
 */
export function proposeStructure(doc: SourceDocument): Proposal | { attempts: ProposalAttempt[] } {
  const perPage = doc.pages.map(pageLines);
  const pdf = doc.kind === 'pdf';
  const styled = headingTypeface(perPage.flat(), pdf);
  const cleaned = cleanPages(perPage, doc.pages, { mayBeHeading: styled });
  const lines = takeFootnotes(cleaned.lines).filter((l) => !l.running);
  const titlePage = readTitlePage(perPage.flat().slice(0, 60), []);
  const firstPage = doc.pages.length > 1 ? (perPage.flat()[0]?.page ?? 1) : 0;
  // The title page is no heading of the text (its year would read as a numbered one).
  const headingLike = (l: Line) => {
    const text = l.text.trim();
    return (
      l.page !== firstPage &&
      text.length > 0 &&
      text.length <= MAX_HEADING &&
      !/[。．]$/.test(text) &&
      !isContentsEntry(l)
    );
  };
  const cues: [ProposalMethod, () => Heading[]][] = [
    [
      'outline',
      () => doc.outline.flatMap((e) => (e.page === null ? [] : [{ level: e.depth + 1, text: e.title, page: e.page }])),
    ],
    [
      'tagged',
      () =>
        ranked(
          lines.filter((l) => l.heading !== undefined && headingLike(l)),
          (l) => l.heading!,
        ),
    ],
    [
      'numbered',
      () => {
        const anyStyled = lines.some(styled);
        return lines.flatMap((l) => {
          if (!headingLike(l) || (anyStyled && !styled(l))) return [];
          const level = numberedLevel(l.text);
          return level ? [{ level, text: l.text.trim(), page: l.page }] : [];
        });
      },
    ],
    [
      'typeface',
      () =>
        ranked(
          lines.filter((l) => styled(l) && headingLike(l)),
          (l) => -Math.round(l.size * 2),
        ),
    ],
  ];
  const attempts: ProposalAttempt[] = [];
  for (const [method, read] of cues) {
    const headings = read();
    const chapters = toChapters(headings);
    if (chapters.length) {
      const date = findDate(perPage.flat().filter((l) => l.page <= (firstPage || 1) + 1));
      return {
        method,
        chapters,
        ...(titlePage.title ? { title: titlePage.title } : {}),
        ...(titlePage.edition ? { edition: titlePage.edition.printed } : {}),
        ...(date ? { date } : {}),
      };
    }
    attempts.push({ method, headings: headings.length });
  }
  return { attempts };
}

/** Lines as headings, their levels by rank of `key` (the smallest key is a chapter, the next a section). */
function ranked(lines: Line[], key: (l: Line) => number): Heading[] {
  const keys = [...new Set(lines.map(key))].sort((a, b) => a - b);
  return lines.map((l) => ({ level: keys.indexOf(key(l)) + 1, text: l.text.trim(), page: l.page }));
}

/** A numbered heading's level: `第3章`, `3`, `付録A`, `コラム2` → 1; `3.1` → 2; `3.1.2` → 3; else 0 (not a heading). */
function numberedLevel(text: string): number {
  const h = parseHeading(text);
  if (!h.label || !h.title) return 0;
  if (h.named) return /^ステップ/.test(h.label) ? 2 : 1;
  // A chapter number is small: `2022 年` is a year, not chapter 2022.
  const parts = h.label.split('.');
  return Number(parts[0]) < 100 ? parts.length : 0;
}

/**
 * Chapters from headings in document order: each level-1 heading opens a chapter, each level-2 one a
 * section of it; deeper headings stay in their section's text. A label met again (a running title
 * left in, a bookmark repeated) is taken once; decimal sections must belong to their chapter's number.
 */
function toChapters(headings: Heading[]): ProposedChapter[] {
  const chapters: ProposedChapter[] = [];
  const labels = new Set<string>();
  const slugs = new Set<string>();
  for (const h of headings) {
    if (h.level > 2) continue;
    const { label, title } = labelOf(h.text);
    if (h.level === 1) {
      if (labels.has(fold(label))) continue;
      labels.add(fold(label));
      let slug = slugOf(label, chapters.length + 1);
      for (let n = 2; slugs.has(slug); n++) slug = `${slugOf(label, chapters.length + 1)}-${n}`;
      slugs.add(slug);
      chapters.push({ label, slug, title, page: h.page, sections: [] });
      continue;
    }
    const chapter = chapters.at(-1);
    if (!chapter || labels.has(fold(`${chapter.label}\u0000${label}`))) continue;
    const decimal = /^(\d+)\./.exec(label);
    if (decimal && /^\d+$/.test(chapter.label) && decimal[1] !== chapter.label) continue;
    labels.add(fold(`${chapter.label}\u0000${label}`));
    chapter.sections.push({ label, title, page: h.page });
  }
  return chapters;
}

/**
 * The label a heading prints and its title: `第3章 設備` → 3, 設備; `付録A 用語` → 付録A; `2.1 …` → 2.1.
 * A heading without a number is labelled by its title (no number is invented for it).
 */
function labelOf(text: string): { label: string; title: string } {
  const h = parseHeading(text);
  const title = h.title || text.trim();
  if (!h.label) return { label: title, title };
  const label = h.label.replace(/^(付録|コラム)([a-z])$/, (_, p: string, c: string) => p + c.toUpperCase());
  return { label, title };
}

/** A chapter's URL segment: ch3, appx-a, col-2; a chapter without a number its position (ch-4). */
function slugOf(label: string, position: number): string {
  const n = label.normalize('NFKC');
  if (/^\d+$/.test(n)) return `ch${n}`;
  const named = /^(付録|コラム|appendix|column)\s*([0-9a-z]+)$/i.exec(n);
  if (named) return `${/^(付録|appendix)$/i.test(named[1]!) ? 'appx' : 'col'}-${named[2]!.toLowerCase()}`;
  return `ch-${position}`;
}

/** The first date printed on the title pages: `2025年4月11日` → 2025-04-11, `2025年4月` → 2025-04, `2025年` → 2025. */
function findDate(lines: Line[]): string | undefined {
  for (const l of lines) {
    const m = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/.exec(l.text.normalize('NFKC'));
    if (m) return [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
  }
  return undefined;
}

/** What the new guideline's entry is made of besides its table of contents. */
export interface EntryFields {
  key: string;
  label: string;
  title: string;
  version: string;
  date: string;
  publisher: string;
  url?: string;
  licence: string;
  attribution: string;
  publishable: boolean;
}

/** The guidelines.yml entry of a proposal: a draft, its official text publishable only when said so. */
export function proposedEntry(proposal: Proposal, f: EntryFields): GuidelineMeta {
  const chapters: ChapterMeta[] = proposal.chapters.map((c) => ({
    label: c.label,
    slug: c.slug,
    title: c.title,
    ...(c.sections.length ? { sections: c.sections.map((s) => ({ label: s.label, title: s.title })) } : {}),
  }));
  return {
    key: f.key,
    label: f.label,
    title: f.title,
    shortTitle: f.title,
    publisher: f.publisher,
    version: f.version,
    date: f.date,
    ...(f.url ? { url: f.url } : {}),
    licence: f.licence,
    official: { publishable: f.publishable, attribution: f.attribution },
    chapters,
    status: 'draft',
  };
}
