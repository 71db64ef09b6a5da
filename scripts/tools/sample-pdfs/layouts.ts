/**
 * The generated corpus: each layout a small declarative variant of the shared document model
 * (model.ts), set the way real Japanese government PDFs are made — Word exports (numbered or
 * typeface-only headings, contents pages with dotted leaders or a number column, running headers
 * with the chapter title, footnotes, boxed columns, overview figures, landscape and scanned pages,
 * tagged structure, bookmarks a page off) and PowerPoint exports (16:9 slides with a title bar).
 */

import type { SampleGuideline } from './model.ts';

export type Numbering =
  /** `3.1.1 ステップ1-1 title`, `付録A title` */
  | 'decimal'
  /** `３．１．１．ステップ１－１：title` in full-width digits */
  | 'fullwidth'
  /** the named label only: `ステップ1-1 title`, chapters `第3章 title` */
  | 'label';

export interface Layout {
  name: string;
  guideline: SampleGuideline;
  /** Word's A4 pages, or PowerPoint's 16:9 slides. */
  source: 'word' | 'slides';
  /** Pad sections with generated paragraphs until the document has about this many pages. */
  pages: number;
  numbering: Numbering;
  /**
   * How headings differ from the body: larger and bold, bold at body size, another (heavier)
   * typeface at body size, or not at all (tagged PDFs, where only the structure tree tells).
   */
  headings: 'large-bold' | 'bold-body' | 'typeface' | 'plain';
  bookmarks: 'none' | 'exact' | 'shifted';
  tagged?: boolean;
  contents: 'dotted' | 'number-column' | 'none';
  /** Running header: the document title, the title and the chapter title (right half), or none. */
  header: 'title' | 'title+chapter' | 'none';
  footer: 'dash' | 'of-total' | 'copyright';
  /** Columns (コラム) as sections of their own pages, or as framed boxes inside their chapters. */
  columns: 'pages' | 'boxes';
  /** Set the overview figure (heading-like labels in boxes), landscape pages and scanned (image-only) pages. */
  figure?: boolean;
  landscape?: boolean;
  images?: boolean;
  /** This unit's heading page is a scanned image: the import cannot find it (never silent: exit 1). */
  headingInImage?: string;
  /** Slides: a section-title slide opens each chapter, and the title bar repeats the chapter title. */
  sectionSlides?: boolean;
}

const word = {
  source: 'word',
  numbering: 'decimal',
  headings: 'large-bold',
  bookmarks: 'none',
  contents: 'dotted',
  header: 'title',
  footer: 'dash',
  columns: 'pages',
} as const;

export const layouts: Layout[] = [
  { ...word, name: 'meti-small', guideline: 'meti', pages: 24, bookmarks: 'exact' },
  { ...word, name: 'gutp-small', guideline: 'gutp', pages: 20, numbering: 'label' },
  { ...word, name: 'meti-bookmarked', guideline: 'meti', pages: 70, bookmarks: 'exact', figure: true },
  {
    ...word,
    name: 'meti-fullwidth-bold-body',
    guideline: 'meti',
    pages: 75,
    numbering: 'fullwidth',
    headings: 'bold-body',
    contents: 'number-column',
    header: 'title+chapter',
  },
  {
    ...word,
    name: 'meti-typeface-only',
    guideline: 'meti',
    pages: 64,
    numbering: 'label',
    headings: 'typeface',
    footer: 'of-total',
  },
  { ...word, name: 'meti-boxes-bookmarked', guideline: 'meti', pages: 62, columns: 'boxes', bookmarks: 'exact' },
  {
    ...word,
    name: 'meti-boxes-plain',
    guideline: 'meti',
    pages: 66,
    columns: 'boxes',
    numbering: 'fullwidth',
    contents: 'number-column',
  },
  { ...word, name: 'meti-overview-figure', guideline: 'meti', pages: 60, figure: true, headings: 'bold-body' },
  { ...word, name: 'meti-shifted-bookmarks', guideline: 'meti', pages: 68, bookmarks: 'shifted', figure: true },
  {
    ...word,
    name: 'meti-tagged',
    guideline: 'meti',
    pages: 60,
    tagged: true,
    headings: 'plain',
    numbering: 'label',
    contents: 'number-column',
  },
  {
    ...word,
    name: 'meti-landscape',
    guideline: 'meti',
    pages: 72,
    landscape: true,
    header: 'title+chapter',
    footer: 'copyright',
  },
  { ...word, name: 'meti-scanned-pages', guideline: 'meti', pages: 62, images: true, bookmarks: 'exact' },
  {
    ...word,
    name: 'meti-heading-in-image',
    guideline: 'meti',
    pages: 30,
    images: true,
    headingInImage: '付録C',
  },
  { ...word, name: 'gutp-word', guideline: 'gutp', pages: 60, numbering: 'label', header: 'title+chapter' },
  {
    ...word,
    name: 'gutp-fullwidth-typeface',
    guideline: 'gutp',
    pages: 64,
    numbering: 'fullwidth',
    headings: 'typeface',
    contents: 'number-column',
    header: 'title+chapter',
    landscape: true,
  },
  {
    ...word,
    name: 'gutp-slides',
    guideline: 'gutp',
    source: 'slides',
    pages: 70,
    numbering: 'label',
    header: 'none',
    footer: 'copyright',
  },
  {
    ...word,
    name: 'gutp-section-slides',
    guideline: 'gutp',
    source: 'slides',
    pages: 60,
    numbering: 'label',
    header: 'none',
    footer: 'of-total',
    sectionSlides: true,
    bookmarks: 'exact',
  },
  {
    ...word,
    name: 'meti-slides',
    guideline: 'meti',
    source: 'slides',
    pages: 66,
    numbering: 'label',
    header: 'none',
    footer: 'dash',
    columns: 'pages',
  },
];

/**
 * A document the registry does not know (model.ts plantDocument), for kojo import --new: with
 * bookmarks, and with numbered headings only. Kept apart from `layouts`, which are imported as METI or GUTP.
 */
export const newGuidelineLayouts: Layout[] = [
  { ...word, name: 'plant-bookmarked', guideline: 'plant', pages: 14, numbering: 'label', bookmarks: 'exact' },
  { ...word, name: 'plant-numbered', guideline: 'plant', pages: 14, numbering: 'label', contents: 'none' },
];

export function layoutNamed(name: string): Layout {
  const layout = [...layouts, ...newGuidelineLayouts].find((l) => l.name === name);
  if (!layout) throw new Error(`no sample layout named ${name}`);
  return layout;
}
