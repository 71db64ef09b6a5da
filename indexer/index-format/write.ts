/**
 * Writes an index folder atomically — readers see the previous index or the new one, never half —
 * with its published part inside. The one writer of every file schema.ts describes.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { refuseForeign, writeDirAtomically, type Recognise } from '../fs/index.ts';
import { clauseRecords, entryRuns } from './data.ts';
import { dimBucket, encodeDenseShard, encodeDimShard, termBucket } from './shards.ts';
import {
  browserFiles,
  denseRowsPerShard,
  EmbedderState,
  indexFiles,
  shardLimits,
  shardNames,
  type Entry,
  type FaqRecord,
  type Manifest,
  type SearchData,
  type ShardKind,
  type ShardSet,
  type TermShard,
} from './schema.ts';

/** Postings of one term or dimension: clause indexes ascending, one number each. */
export interface Postings {
  docs: number[];
  values: number[];
  /** A pruned term's clauses, unscored (lexical.ts). */
  holders?: number[];
}

export interface IndexParts {
  manifest: Manifest;
  data: SearchData;
  faq: FaqRecord[];
  /** The embedder's state, and the name of a per-term table in it to keep by term instead (see Embedder.perTerm). */
  embedderState: unknown;
  perTerm: string | null;
  /** BM25 postings by term, scores precomputed (lexical.ts). */
  lexical: Map<string, Postings>;
  vectors:
    | { storage: 'sparse'; dims: Map<number, Postings> }
    | { storage: 'dense'; bytes: Int8Array; scales: number[]; writeHnsw(path: string): void };
}

/** Refuses, before any work, a path that is not an index folder this project wrote (or empty). */
export function assertIndexTarget(dir: string): void {
  refuseForeign(dir, isIndexFolder, indexFiles.manifest);
}

/** Files an index folder may hold, this format's and earlier ones'. */
const indexEntries = new Set<string>([
  ...Object.values(indexFiles),
  'builtin.json',
  'data.json',
  'embedder-state.json',
  'vectors.f32',
  'lexical.json',
]);

/**
 * A folder kojo wrote as an index: nothing but index files, and a manifest that says so. A
 * `manifest.json` alone is common (web apps, extensions) and proves nothing.
 */
const isIndexFolder: Recognise = (entries, dir) => {
  if (!entries.includes(indexFiles.manifest) || !entries.every((e) => indexEntries.has(e))) return false;
  try {
    return typeof JSON.parse(readFileSync(join(dir, indexFiles.manifest), 'utf8'))?.formatVersion === 'number';
  } catch {
    return false;
  }
};

/** About how many bytes a shard should hold: small enough that a question fetches little, big enough that it fetches few. */
const SHARD_BYTES = 6_000;
/** Clause records are read a few at a time (a question's answers are scattered): smaller shards waste less. */
const CLAUSE_SHARD_BYTES = 3_000;
const MAX_BUCKETS: number = shardLimits.buckets;

/** A power of two near total/SHARD_BYTES, within [1, max]. */
function bucketCount(totalBytes: number, max = MAX_BUCKETS): number {
  const want = Math.max(1, totalBytes / SHARD_BYTES);
  return Math.min(max, 2 ** Math.round(Math.log2(want)));
}

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(JSON.stringify(value));

/** Every published file, by name, for one index. */
export function publishedFiles(parts: IndexParts): Map<string, Uint8Array> {
  const { manifest, data, lexical, vectors } = parts;
  const files = new Map<string, Uint8Array>();
  /** A kind's shards under names made of their number and the hash of all of them. */
  const add = (kind: ShardKind, shards: Uint8Array[]): ShardSet => {
    const hash = createHash('sha256');
    for (const b of shards) hash.update(String(b.length)).update('\0').update(b);
    const set = { count: shards.length, hash: hash.digest('hex').slice(0, 16) };
    shardNames(kind, set).forEach((name, i) => files.set(name, shards[i]!));
    return set;
  };
  const n = data.clauses.length;

  // The embedder's per-term values travel with the BM25 postings of the same term.
  const state = EmbedderState.nullable().parse(parts.embedderState);
  const perTermValues = parts.perTerm && state ? ((state[parts.perTerm] ?? {}) as Record<string, number>) : {};
  const published = parts.perTerm && state ? { ...state, [parts.perTerm]: {} } : state;
  const terms = new Map<string, TermShard[string]>();
  for (const [term, w] of Object.entries(perTermValues)) terms.set(term, { w });
  const gapsOf = (docs: number[]) => docs.map((d, i) => d - (i ? docs[i - 1]! : -1) - 1);
  for (const [term, p] of lexical) {
    terms.set(term, {
      ...terms.get(term),
      ...(p.docs.length ? { d: gapsOf(p.docs), s: p.values } : {}),
      ...(p.holders?.length ? { h: gapsOf(p.holders) } : {}),
    });
  }
  const termBytes = [...terms].reduce(
    (s, [t, v]) => s + t.length * 3 + 8 + ((v.d?.length ?? 0) + (v.h?.length ?? 0)) * 8,
    0,
  );
  const termBuckets: TermShard[] = Array.from({ length: bucketCount(termBytes) }, () => ({}));
  for (const [term, v] of [...terms].sort(([a], [b]) => (a < b ? -1 : 1)))
    termBuckets[termBucket(term, termBuckets.length)]![term] = v;

  const dims: Uint8Array[] = [];
  const dense: Uint8Array[] = [];
  let rowsPerShard = 1;
  if (vectors.storage === 'sparse') {
    const total = [...vectors.dims.values()].reduce((s, p) => s + p.docs.length * 8, 0);
    const buckets = Array.from(
      { length: bucketCount(total, manifest.embedder.dimension) },
      () => new Map<number, Postings>(),
    );
    for (const [dim, p] of vectors.dims) buckets[dimBucket(dim, buckets.length)]!.set(dim, p);
    dims.push(...buckets.map((b) => encodeDimShard(b)));
  } else {
    const { dimension } = manifest.embedder;
    rowsPerShard = denseRowsPerShard(dimension);
    for (let start = 0; start < n; start += rowsPerShard) {
      const end = Math.min(n, start + rowsPerShard);
      dense.push(
        encodeDenseShard(vectors.bytes.subarray(start * dimension, end * dimension), vectors.scales.slice(start, end)),
      );
    }
  }

  const records = clauseRecords(data);
  const recordBytes = records.reduce((s, r) => s + JSON.stringify(r).length, 0) / Math.max(1, n);
  const clausesPerShard = Math.max(
    1,
    Math.min(shardLimits.clausesPerShard, Math.round(CLAUSE_SHARD_BYTES / Math.max(1, recordBytes))),
  );
  const clauses: Uint8Array[] = [];
  for (let start = 0; start < n; start += clausesPerShard)
    clauses.push(json(records.slice(start, start + clausesPerShard)));

  const { contentDir: _private, ...publishedManifest } = manifest;
  const entry: Entry = {
    manifest: publishedManifest,
    guidelines: data.guidelines,
    synonyms: data.synonyms,
    ...entryRuns(data),
    embedderState: published,
    perTerm: parts.perTerm,
    shards: {
      terms: add(
        'terms',
        termBuckets.map((b) => json(b)),
      ),
      dims: add('dims', dims),
      dense: add('dense', dense),
      rowsPerShard,
      clauses: add('clauses', clauses),
      clausesPerShard,
      ids: add('ids', [json(data.clauses.map((c) => c.id))]),
    },
  };
  files.set(browserFiles.entry, json(entry));
  return files;
}

export async function writeIndex(dir: string, parts: IndexParts): Promise<void> {
  const files = publishedFiles(parts);
  await writeDirAtomically(
    dir,
    indexFiles.manifest,
    async (tmp) => {
      const browser = join(tmp, indexFiles.browser);
      for (const kind of new Set([...files.keys()].map((f) => dirname(f))))
        await mkdir(join(browser, kind), { recursive: true });
      if (parts.vectors.storage === 'dense') parts.vectors.writeHnsw(join(tmp, indexFiles.hnsw));
      const all = [...files];
      // A few at a time: thousands of small files, without thousands of open handles.
      for (let i = 0; i < all.length; i += 64)
        await Promise.all(all.slice(i, i + 64).map(([name, bytes]) => writeFile(join(browser, name), bytes)));
      await writeFile(join(tmp, indexFiles.faq), JSON.stringify(parts.faq));
      await writeFile(join(tmp, indexFiles.manifest), `${JSON.stringify(parts.manifest, null, 2)}\n`);
    },
    isIndexFolder,
    'index',
  );
}
