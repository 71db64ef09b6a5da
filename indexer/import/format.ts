/**
 * What `kojo import` writes into `content/official/KEY/` (content/README.md, "Official text"): the
 * manifest `import.yml` and the front matter of each unit file. One schema for the writer and for
 * any reader, so the two cannot disagree.
 */
import { z } from 'zod';

export const IMPORT_FORMAT = 1;
/** The file that marks a folder as a previous import (and so replaceable). */
export const IMPORT_MARKER = 'import.yml';

const Pages = z.tuple([z.number().int().positive(), z.number().int().positive()]);

export const ImportMethod = z.enum(['outline', 'headings', 'text']);
export type ImportMethod = z.infer<typeof ImportMethod>;

export const UnitCoverage = z
  .object({
    chapter: z.string(),
    section: z.string(),
    found: z.boolean(),
    file: z.string().optional(),
    pages: Pages.optional(),
    chars: z.number().int().nonnegative().optional(),
  })
  .strict();
export type UnitCoverage = z.infer<typeof UnitCoverage>;

export const ImportManifest = z
  .object({
    kojoImport: z.literal(IMPORT_FORMAT),
    guideline: z.string(),
    importedAt: z.string(),
    method: ImportMethod,
    source: z
      .object({
        file: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        bytes: z.number().int().nonnegative(),
        pages: z.number().int().nonnegative(),
        title: z.string().optional(),
        edition: z.string().optional(),
      })
      .strict(),
    units: z.array(UnitCoverage),
    unplaced: z.array(z.object({ page: z.number().int().positive(), text: z.string() }).strict()),
  })
  .strict();
export type ImportManifest = z.infer<typeof ImportManifest>;

export const UnitFrontMatter = z
  .object({
    guideline: z.string(),
    chapter: z.string(),
    section: z.string(),
    title: z.string(),
    pages: Pages,
  })
  .strict();
export type UnitFrontMatter = z.infer<typeof UnitFrontMatter>;
