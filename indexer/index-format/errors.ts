import { KojoError } from '../errors/index.ts';
import type { z } from 'zod';
import { INDEX_FORMAT_VERSION, type BrowserManifest } from './schema.ts';

export function corruptIndex(where: string, what: string): KojoError {
  return new KojoError(
    'index-corrupt',
    `index at ${where} is corrupt or truncated (${what}); rebuild it with "kojo build-index"`,
  );
}

/** Where a value first departs from the format, in a few words: `clauses.0.title: required`. */
export function firstIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  if (!issue) return 'it does not match the format';
  const path = issue.path.join('.');
  return `${path ? `${path}: ` : ''}${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
}

/**
 * Validates a manifest and its version: the first thing both readers do. The version is looked at
 * before the shape, since another version may well have another shape: an index from a newer or
 * older kojo is told as such, not as damage.
 */
export function checkManifest<S extends z.ZodType<BrowserManifest>>(
  where: string,
  json: unknown,
  schema: S,
): z.output<S> {
  const version =
    json !== null && typeof json === 'object' ? (json as { formatVersion?: unknown }).formatVersion : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version !== INDEX_FORMAT_VERSION)
    throw wrongVersion(where, version);
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw corruptIndex(where, `manifest.json does not describe an index: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

function wrongVersion(where: string, version: number): KojoError {
  const has = `it has format ${version}, this kojo reads ${INDEX_FORMAT_VERSION}`;
  return new KojoError(
    'index-format',
    version > INDEX_FORMAT_VERSION
      ? `index at ${where} was made by a newer kojo (${has}); update kojo, or rebuild the index with this one: "kojo build-index"`
      : `index at ${where} was made by an older kojo (${has}); rebuild it with "kojo build-index"`,
  );
}
