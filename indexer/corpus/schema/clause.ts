/** The clause: the smallest citable unit, and how it is written in a Markdown file. */
import { z } from 'zod';
import { Booleanish, GuidelineKey, kebab, Label } from './common.ts';
import { PageRange } from './official.ts';
import { ReferenceInfo } from './reference.ts';
import { Citation, SiteLink } from './source.ts';

/**
 * Where a clause's text comes from. `official` is the guideline's own text, imported from the PDF a
 * user holds (content/official/): only `kojo import` writes it; authors write the next three.
 * `reference` is an entry of a reference framework (content/reference/): its identifier and name are
 * the framework's, its text the project's one-line description — never the framework's words.
 */
export const bases = ['official', 'official-toc', 'reported', 'editorial', 'reference'] as const;
export const Basis = z.enum(bases);
export type Basis = z.infer<typeof Basis>;
export const authoredBases = ['official-toc', 'reported', 'editorial'] as const;
const AuthoredBasis = z.enum(authoredBases);

/** A clause this long is a chapter pasted whole: split it (and the search stays fast). */
export const MAX_CLAUSE_CHARS = 100_000;

/**
 * A paragraph-sized piece of official text — a paragraph, a list item or a table row — as search
 * answers with it and the reading page anchors it (`#{clause id}-p{n}`, n counted from 1).
 */
export const Passage = z.object({
  /** The line of the clause's `markdown` it starts on (1-based). */
  line: z.number().int().min(1),
  /** The page it starts on, from the unit file's pageLines; else the unit's whole range. */
  pages: PageRange,
  text: z.string().min(1),
});
export type Passage = z.infer<typeof Passage>;

/** Starts with its guideline's key (checked against the file's guideline when loading). */
export const ClauseId = z
  .string()
  .regex(kebab, 'id must be lowercase ASCII words joined by "-", starting with the guideline key');

/** Front matter of a clause file: fields shared by every clause in it. */
export const FileFrontMatter = z
  .object({
    guideline: GuidelineKey,
    chapter: Label,
    basis: AuthoredBasis.optional(),
    section: Label.optional(),
    verified: Booleanish.optional(),
    order: z.number().int().optional(),
  })
  .strict();
export type FileFrontMatter = z.infer<typeof FileFrontMatter>;

/** Attributes written in a clause heading, `{#id section=… basis=… verified=…}`. */
export const ClauseAttributes = z
  .object({
    id: ClauseId,
    section: z.string().min(1).optional(),
    basis: AuthoredBasis.optional(),
    verified: Booleanish.optional(),
    /** The clause title in English (the project's own translation), for English questions. */
    en: z.string().min(1).optional(),
    /** Ids of clauses merged into this one (`former="a b"`): their permalinks land here. */
    former: z
      .string()
      .transform((v) => v.split(/\s+/).filter(Boolean))
      .pipe(z.array(z.string().regex(kebab, 'former ids are clause ids')))
      .optional(),
  })
  .strict();
export type ClauseAttributes = z.infer<typeof ClauseAttributes>;

export const Clause = z.object({
  id: ClauseId,
  guideline: GuidelineKey,
  /** Official chapter label (see guidelines.yml). */
  chapter: z.string(),
  chapterTitle: z.string(),
  /** Official number or step label (`ステップ1-2`), else the chapter label. */
  section: z.string(),
  title: z.string().min(1),
  /** English title: the clause's own (`en=`), else its official unit's (guidelines.yml). */
  en: z.string().optional(),
  /** The project's English summary of the clause (`<guideline>/english.yml`): shown on its page and in results for English questions, not searched. */
  summaryEn: z.string().optional(),
  basis: Basis,
  verified: z.boolean(),
  /** Official text only: the PDF pages it comes from (cited 「公式PDF p.N–M」). */
  pages: PageRange.optional(),
  /** Official text only: its passages, in order (see Passage). */
  passages: z.array(Passage).optional(),
  /** Reference entries only: the official identifier and name, and the project's lines, kept apart. */
  reference: ReferenceInfo.optional(),
  /** Source ids cited in the body (`[^S4]`), in order of first citation. */
  sources: z.array(z.string()),
  /** Links to pages of this site in the body, for `kojo check`. */
  siteLinks: z.array(SiteLink),
  /** Ids of clauses merged into this one; links to them resolve here. */
  formerIds: z.array(z.string()),
  /** Every citation with its line, for `kojo check`. */
  citations: z.array(Citation),
  /** Permalink: `/meti/ch3/#meti-note-eol-os`. */
  url: z.string(),
  /** Body as plain text (for search and snippets). */
  text: z.string().min(1),
  /** Body as Markdown source (for rendering). */
  markdown: z.string(),
  /** Position in reading order within the guideline. */
  order: z.number().int(),
  file: z.string(),
  line: z.number().int(),
});
export type Clause = z.infer<typeof Clause>;

/** A clause as one file tells it, before the guideline's table of contents places it. */
export type ClauseDraft = Omit<Clause, 'order' | 'chapterTitle' | 'url'>;

/** What a search hit or a list row is: an official unit's clause, or a practice note. */
export const ItemKind = z.enum(['unit', 'note']);
export type ItemKind = z.infer<typeof ItemKind>;

/** The guideline folder's file of English summaries, one entry per clause. */
export const ENGLISH_FILE = 'english.yml';

/**
 * An entry of `<guideline>/english.yml`: the project's own English summary of one clause, written from
 * the clause's Japanese text and saying nothing it does not, for readers and questions in English.
 */
export const EnglishSummary = z
  .object({
    id: ClauseId,
    summary: z.string().trim().min(1).max(1500),
  })
  .strict();
export type EnglishSummary = z.infer<typeof EnglishSummary>;
