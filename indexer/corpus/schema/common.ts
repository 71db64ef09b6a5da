/** Small value types every content schema shares. */
import { z } from 'zod';

/** Names a guideline's folder or pages would collide with: content folders and the site's own pages. */
export const reservedKeys = [
  'mappings',
  'glossary',
  'faq',
  'official',
  'checklist',
  'notes',
  'note',
  'reference',
  'sources',
  'compare',
  'search',
  'about',
  'pagefind',
  'models',
  'ort',
] as const;

/**
 * A link to somewhere else: the site shows it as a link on every page, so only a web address will do —
 * `javascript:` would run in the reader's browser, `file:` or `data:` lead nowhere they expect.
 */
export const WebUrl = z.string().refine(isWebUrl, 'must be a web address starting with https:// or http://');

function isWebUrl(url: string): boolean {
  try {
    const { protocol, host } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && host !== '';
  } catch {
    return false;
  }
}

/** A guideline's key (`meti`): the folder name, the clause-id prefix and the URL segment. */
export const GuidelineKey = z
  .string()
  .regex(/^[a-z][a-z0-9]*$/, 'guideline key must be lowercase ASCII letters and digits, starting with a letter')
  .refine(
    (key) => !(reservedKeys as readonly string[]).includes(key),
    (key) => ({ message: `"${key}" is reserved (used by ${reservedKeys.join(', ')})` }),
  );
export type GuidelineKey = z.infer<typeof GuidelineKey>;

/** Lowercase ASCII words joined by single hyphens: ids and URL slugs. */
export const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** YAML reads `chapter: 3` as a number; labels are strings either way. */
export const Label = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));

export const Booleanish = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** An entry read from a file, with where it was written (for `file:line` messages). */
export type Sourced<T> = T & { file: string; line: number };
