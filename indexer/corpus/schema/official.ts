/**
 * Official text: what `kojo import` writes into content/official/KEY/ from the PDF a user holds.
 * Both ends of that folder's format are described here — the importer writes with these schemas and
 * the corpus reads with them — so the two cannot drift apart.
 */
import { z } from 'zod';
import { GuidelineKey, Label } from './common.ts';

/** The marker and format version of an import folder: only a folder with it is ever replaced. */
export const IMPORT_FORMAT_VERSION = 1;
export const IMPORT_MANIFEST = 'import.yml';
/** The checklist items read from the guideline's own checklist chapter, beside the unit files. */
export const IMPORT_CHECKLIST = 'checklist.yml';

/** First and last page of the PDF a piece of official text comes from. */
export const PageRange = z
  .tuple([z.number().int().min(1), z.number().int().min(1)])
  .refine(([from, to]) => from <= to, 'pages must be [first, last] with first ≤ last');
export type PageRange = z.infer<typeof PageRange>;

export const ImportMethod = z.enum(['outline', 'tagged', 'headings', 'text']);
export type ImportMethod = z.infer<typeof ImportMethod>;

export const UnitCoverage = z
  .object({
    chapter: Label,
    /** The chapter label for a chapter's own text (before its first section). */
    section: Label,
    found: z.boolean(),
    file: z
      .string()
      .regex(/^[\w-]+\.md$/)
      .optional(),
    pages: PageRange.optional(),
    chars: z.number().int().min(0).optional(),
  })
  .strict();
export type UnitCoverage = z.infer<typeof UnitCoverage>;

export const ImportManifest = z
  .object({
    kojoImport: z.literal(IMPORT_FORMAT_VERSION),
    guideline: GuidelineKey,
    importedAt: z.string().datetime(),
    method: ImportMethod,
    source: z
      .object({
        /** Base name only: where the user keeps the PDF is theirs. */
        file: z.string().min(1),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
        bytes: z.number().int().min(0),
        pages: z.number().int().min(1),
        /** As found on the title page; absent when the title page does not print it. */
        title: z.string().min(1).optional(),
        edition: z.string().min(1).optional(),
      })
      .strict(),
    units: z.array(UnitCoverage),
    unplaced: z.array(z.object({ page: z.number().int().min(1), text: z.string() }).strict()).default([]),
    /** Written with --allow-partial: some units of the table of contents were not found (units says which). */
    partial: z.literal(true).optional(),
    /** What the import corrected (a bookmark off by a page) and what it could not do (pages without text). */
    notes: z
      .array(
        z
          .object({
            kind: z.enum(['correction', 'warning']),
            page: z.number().int().min(1).optional(),
            text: z.string().min(1),
          })
          .strict(),
      )
      .optional(),
    /** The checklist chapter's tables read as items (checklist.yml), or why they could not be. */
    checklist: z
      .object({ chapter: Label, items: z.number().int().min(0), reason: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type ImportManifest = z.infer<typeof ImportManifest>;

/** Front matter of one unit file. */
export const OfficialFrontMatter = z
  .object({
    guideline: GuidelineKey,
    chapter: Label,
    section: Label,
    /** The heading as the PDF prints it, without its number. */
    title: z.string().min(1),
    pages: PageRange,
    /**
     * Where the body's pages begin: [body line, page] pairs, ascending, the first at line 1 (the line
     * after the closing `---`). A paragraph, list item or table row is on the page of its first line,
     * so an answer can cite the page of the passage it quotes. Absent in imports before it existed:
     * every passage then cites the unit's range.
     */
    pageLines: z
      .array(z.tuple([z.number().int().min(1), z.number().int().min(1)]))
      .refine(
        (a) => a.every((p, i) => i === 0 || (p[0] > a[i - 1]![0] && p[1] >= a[i - 1]![1])),
        'pageLines must ascend',
      )
      .optional(),
  })
  .strict();
export type OfficialFrontMatter = z.infer<typeof OfficialFrontMatter>;

/** An import as the corpus knows it: the manifest, and the folder it was read from. */
export type ImportRecord = ImportManifest & { file: string };
