import { KojoError } from '../errors/index.ts';
import type { z } from 'zod';
import { INDEX_FORMAT_VERSION, type BrowserManifest } from './schema.ts';

export function corruptIndex(where: string, what: string): KojoError {
  return new KojoError('index-corrupt', `index at ${where} is corrupt or truncated (${what}); rebuild it with "kojo build-index"`);
}

/** Validates a manifest and its version: the first thing both readers do. */
export function checkManifest<S extends z.ZodType<BrowserManifest>>(where: string, json: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version !== INDEX_FORMAT_VERSION) throw wrongVersion(where, version);
    throw corruptIndex(where, 'manifest.json does not describe an index');
  }
  if (parsed.data.formatVersion !== INDEX_FORMAT_VERSION) throw wrongVersion(where, parsed.data.formatVersion);
  return parsed.data;
}

function wrongVersion(where: string, version: number): KojoError {
  return new KojoError('index-format', `index at ${where} has format ${version}, this kojo reads ${INDEX_FORMAT_VERSION}; rebuild it with "kojo build-index"`);
}
