/**
 * Reference frameworks (NIST CSF 2.0, IEC 62443-3-3 …): international frameworks the guidelines are
 * read against. Their structure only — official identifiers and short names, and a one-line
 * description in English and Japanese written by this project — never their normative text.
 */
import { z } from 'zod';
import { WebUrl } from './common.ts';
import { DocumentMeta } from './document.ts';

/** `GV.OC-01`, `SR 1.1`: an identifier as the framework prints it. */
export const ReferenceIdentifier = z
  .string()
  .regex(/^[A-Za-z0-9]+(?:[ .-][A-Za-z0-9]+)*$/, 'id must be an official identifier such as "GV.OC-01" or "SR 1.1"');

/** One line of content/reference/KEY.yml. */
export const ReferenceEntry = z
  .object({
    id: ReferenceIdentifier,
    /** The official short name, where the framework gives one (CSF subcategories have none). */
    name: z.string().min(1).optional(),
    /** The project's own one-line description: never the framework's sentence. */
    en: z.string().min(1),
    ja: z.string().min(1),
    /** A stable official page for this entry, where one exists. */
    url: WebUrl.optional(),
  })
  .strict();
export type ReferenceEntry = z.infer<typeof ReferenceEntry>;

/** Where a registry entry's entries file lives: a YAML file under content/reference/. */
export const EntriesPath = z
  .string()
  .regex(/^reference\/[a-z0-9-]+\.ya?ml$/, 'entries must name a file under reference/, e.g. reference/csf.yml');

/** A reference framework's entry in guidelines.yml: no chapters (they come from the entries) and no official text. */
export const ReferenceMeta = DocumentMeta.extend({
  kind: z.literal('reference'),
  url: WebUrl,
  entries: EntriesPath,
}).strict();
export type ReferenceMeta = z.infer<typeof ReferenceMeta>;

/**
 * What a clause made from a reference entry carries besides the clause fields: the official
 * identifier and name apart from the project's lines, so views never run the two together.
 */
export const ReferenceInfo = z.object({
  /** The official identifier (`GV.OC-01`): what pages show, never the clause id. */
  id: z.string(),
  name: z.string().optional(),
  en: z.string(),
  ja: z.string(),
  url: z.string().optional(),
  /** The clause id of the entry it belongs to (`csf-gv-oc` for `csf-gv-oc-01`); absent at the top. */
  parent: z.string().optional(),
  /** 0 for a function or FR, 1 below it, … */
  depth: z.number().int().min(0),
  /** Whether no entry belongs to it: mappings name these (CSF subcategories, 62443 SRs). */
  leaf: z.boolean(),
});
export type ReferenceInfo = z.infer<typeof ReferenceInfo>;

/** `csf` + `GV.OC-01` → `csf-gv-oc-01`: the clause id of an entry (mappings, permalinks, search hits). */
export function referenceClauseId(key: string, identifier: string): string {
  return `${key}-${identifierSlug(identifier)}`;
}

/** `FR 1` → `fr-1`: an identifier as a URL segment. */
export function identifierSlug(identifier: string): string {
  return identifier
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
