/** A fingerprint of the content folder, recorded in the index to tell whether it is stale. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function contentHash(dir: string): Promise<string> {
  return hashFiles(dir, (await walk(dir, Number.POSITIVE_INFINITY))!);
}

/**
 * How much `kojo ask` reads to tell whether the content changed: a content folder is a few hundred
 * small files, so a folder far beyond that (an index manifest naming a home folder or /) is not
 * read on every question.
 */
export const STALENESS_LIMITS = { files: 10_000, bytes: 64 * 1024 * 1024 } as const;

/** The fingerprint, or null when the folder holds more files or bytes than `limits` (nothing is read then). */
export async function contentHashWithin(
  dir: string,
  limits: { files: number; bytes: number } = STALENESS_LIMITS,
): Promise<string | null> {
  const files = await walk(dir, limits.files);
  if (!files) return null;
  let bytes = 0;
  for (const file of files) if ((bytes += statSync(file).size) > limits.bytes) return null;
  return hashFiles(dir, files);
}

/** Every regular file under `dir` (symbolic links not followed), sorted; null past `max` files. */
async function walk(dir: string, max: number): Promise<string[] | null> {
  const files: string[] = [];
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const e of await readdir(folder, { withFileTypes: true })) {
      if (e.isDirectory()) folders.push(join(folder, e.name));
      else if (e.isFile() && files.push(join(folder, e.name)) > max) return null;
    }
  }
  return files.sort();
}

function hashFiles(dir: string, files: string[]): string {
  const hash = createHash('sha256');
  // Read synchronously: `kojo ask` checks for staleness on every start, and a hundred small files
  // read one await at a time cost it more than the answer (each read four trips to the thread pool).
  for (const file of files) hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return `sha256:${hash.digest('hex')}`;
}
