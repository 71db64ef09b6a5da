/** A fingerprint of the content folder, recorded in the index to tell whether it is stale. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function contentHash(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const hash = createHash('sha256');
  // Read synchronously: `kojo ask` checks for staleness on every start, and a hundred small files
  // read one await at a time cost it more than the answer (each read four trips to the thread pool).
  for (const file of files) hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return `sha256:${hash.digest('hex')}`;
}
