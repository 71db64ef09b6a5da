/** The files of a built index (format 4), for tests that inspect or damage them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserFiles, indexFiles, shardNames, type Entry } from '../../indexer/index-format/node.ts';

export const entryPath = (dir: string) => join(dir, indexFiles.browser, browserFiles.entry);
export const entryOf = (dir: string): Entry => JSON.parse(readFileSync(entryPath(dir), 'utf8'));

/** Every shard of a kind, as paths. */
export function shardPaths(dir: string, kind: 'terms' | 'dims' | 'clauses' | 'dense'): string[] {
  return shardNames(kind, entryOf(dir).shards[kind]).map((f) => join(dir, indexFiles.browser, f));
}
