/**
 * The published part of an index, read lazily: the entry first, then only the shards a question
 * needs, each fetched once, checked against the format, and kept. The same reader runs in Node (files
 * already in memory) and in the browser (fetch of static, content-named files the browser caches).
 */
import { checkManifest, corruptIndex, firstIssue } from './errors.ts';
import { decodeDenseShard, decodeDimShard, dimBucket, termBucket, type DimPostings } from './shards.ts';
import {
  BrowserManifest,
  browserFiles,
  denseRowsPerShard,
  shardKinds,
  shardLimits,
  type ShardKind,
  ClauseShard,
  Entry,
  IdShard,
  shardNames,
  TermShard,
  type ClauseRecord,
} from './schema.ts';
import type { z } from 'zod';

/** Reads one published file by its name; rejects (or resolves null) when it is missing. */
export type ReadFile = (file: string) => Promise<Uint8Array | null>;

/** A term as a question uses it: the embedder's value and the clauses that score for it. */
export interface TermData {
  value?: number;
  docs: number[];
  scores: number[];
  /** A pruned term (no postings): the clauses that hold it, unscored. */
  holders?: number[];
}

export interface IndexStore {
  where: string;
  entry: Entry;
  /** Loads the shards of these terms; afterwards term() answers for each (undefined: not in the index). */
  loadTerms(terms: Iterable<string>): Promise<void>;
  /** undefined: not in the index; throws if its shard was never loaded (a bug, not a user's mistake). */
  term(term: string): TermData | undefined;
  termLoaded(term: string): boolean;
  loadDims(dims: Iterable<number>): Promise<void>;
  dim(dim: number): DimPostings | undefined;
  dimLoaded(dim: number): boolean;
  /** Every dense row (dense storage only), as one int8 block with a scale per row. */
  dense(): Promise<{ bytes: Int8Array; scales: Float32Array }>;
  loadClauses(indexes: Iterable<number>): Promise<void>;
  clause(index: number): ClauseRecord | undefined;
  /** Every clause id in index order (keyword search maps page anchors to clauses with it). */
  ids(): Promise<string[]>;
}

const decoder = new TextDecoder();

export interface StoreOptions {
  /**
   * How many files a shard folder (`t`, `d`, `v`, `c`, `i`) holds, where that can be known (Node):
   * no count in the entry may promise more shards than are there.
   */
  present?: (folder: string) => Promise<number>;
}

export async function openStore(where: string, read: ReadFile, options: StoreOptions = {}): Promise<IndexStore> {
  const bytesOf = async (file: string) => {
    const bytes = await read(file);
    if (!bytes) throw corruptIndex(where, `${file}: missing`);
    return bytes;
  };
  const rawJson = async (file: string): Promise<unknown> => {
    const bytes = await bytesOf(file);
    try {
      return JSON.parse(decoder.decode(bytes));
    } catch {
      throw corruptIndex(where, `${file}: unreadable JSON`);
    }
  };
  const jsonOf = async <S extends z.ZodTypeAny>(file: string, schema: S): Promise<z.output<S>> => {
    const parsed = schema.safeParse(await rawJson(file));
    if (!parsed.success) throw corruptIndex(where, `${file} does not match the format: ${firstIssue(parsed.error)}`);
    return parsed.data;
  };

  // The version first: another version may well have another shape, and is told as such, not as damage.
  const raw = await rawJson(browserFiles.entry);
  checkManifest(where, (raw as { manifest?: unknown } | null)?.manifest, BrowserManifest);
  const parsed = Entry.safeParse(raw);
  if (!parsed.success)
    throw corruptIndex(where, `${browserFiles.entry} does not match the format: ${firstIssue(parsed.error)}`);
  const entry = parsed.data;
  const { manifest } = entry;
  const sets = entry.shards;
  const n = manifest.clauseCount;
  await checkCounts(where, entry, options.present);
  const shards = {
    terms: shardNames('terms', sets.terms),
    dims: shardNames('dims', sets.dims),
    dense: shardNames('dense', sets.dense),
    clauses: shardNames('clauses', sets.clauses),
    ids: shardNames('ids', sets.ids)[0] ?? '',
    rowsPerShard: sets.rowsPerShard,
    clausesPerShard: sets.clausesPerShard,
  };

  /** Each shard once: concurrent asks share the fetch; a failed one is tried again next time. */
  const once = <T>(cache: Map<number, Promise<T>>, key: number, load: () => Promise<T>) => {
    let p = cache.get(key);
    if (!p) {
      p = load();
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    return p;
  };
  const termShards = new Map<number, Promise<TermShard>>();
  const termsLoaded = new Map<number, TermShard>();
  const dimShards = new Map<number, Promise<Map<number, DimPostings>>>();
  const dimsLoaded = new Map<number, Map<number, DimPostings>>();
  const clauseShards = new Map<number, Promise<ClauseRecord[]>>();
  const clausesLoaded = new Map<number, ClauseRecord[]>();
  const decodedTerms = new Map<string, TermData | undefined>();

  const loadTermShard = (b: number) =>
    once(termShards, b, async () => {
      const file = shards.terms[b]!;
      const shard = await jsonOf(file, TermShard);
      for (const [term, t] of Object.entries(shard)) {
        if (termBucket(term, shards.terms.length) !== b)
          throw corruptIndex(where, `${file}: term ${term} does not belong in it`);
        if ((t.d?.length ?? 0) !== (t.s?.length ?? 0))
          throw corruptIndex(
            where,
            `${file}: term ${term} has ${t.d?.length ?? 0} clauses and ${t.s?.length ?? 0} scores`,
          );
        for (const list of [t.d, t.h]) {
          // The last clause listed is the sum of the gaps plus one per gap, less one: it must be below n.
          if (list?.length && list.reduce((s, gap) => s + gap, 0) + list.length > n)
            throw corruptIndex(where, `${file}: term ${term} lists a clause beyond the ${n} of the index`);
        }
      }
      termsLoaded.set(b, shard);
      return shard;
    });
  const loadDimShard = (b: number) =>
    once(dimShards, b, async () => {
      const file = shards.dims[b]!;
      const lists = decodeDimShard(await bytesOf(file), b, shards.dims.length, manifest.embedder.dimension, n);
      if (typeof lists === 'string') throw corruptIndex(where, `${file}: ${lists}`);
      dimsLoaded.set(b, lists);
      return lists;
    });
  const loadClauseShard = (b: number) =>
    once(clauseShards, b, async () => {
      const file = shards.clauses[b]!;
      const records = await jsonOf(file, ClauseShard);
      const want = Math.min(shards.clausesPerShard, n - b * shards.clausesPerShard);
      if (records.length !== want) throw corruptIndex(where, `${file} has ${records.length} clauses, expected ${want}`);
      const stray = records.find((r) => r.related.some((c) => c.at >= n));
      if (stray) throw corruptIndex(where, `${file}: the counterparts of ${stray.id} do not match the index`);
      clausesLoaded.set(b, records);
      return records;
    });
  let idList: Promise<string[]> | undefined;

  return {
    where,
    entry,
    async loadTerms(terms) {
      const buckets = new Set<number>();
      for (const t of terms) buckets.add(termBucket(t, shards.terms.length));
      await Promise.all([...buckets].map(loadTermShard));
    },
    termLoaded: (term) => termsLoaded.has(termBucket(term, shards.terms.length)),
    term(term) {
      if (decodedTerms.has(term)) return decodedTerms.get(term);
      const shard = termsLoaded.get(termBucket(term, shards.terms.length));
      if (!shard) throw new Error(`term shard of ${term} not loaded`);
      const t = Object.hasOwn(shard, term) ? shard[term] : undefined;
      let out: TermData | undefined;
      if (t) {
        const ungap = (gaps: number[]) => {
          let at = -1;
          return gaps.map((gap) => (at += gap + 1));
        };
        out = { value: t.w, docs: ungap(t.d ?? []), scores: t.s ?? [], ...(t.h && { holders: ungap(t.h) }) };
      }
      decodedTerms.set(term, out);
      return out;
    },
    async loadDims(dims) {
      const buckets = new Set<number>();
      for (const d of dims) buckets.add(dimBucket(d, shards.dims.length));
      await Promise.all([...buckets].map(loadDimShard));
    },
    dimLoaded: (dim) => dimsLoaded.has(dimBucket(dim, shards.dims.length)),
    dim(dim) {
      const lists = dimsLoaded.get(dimBucket(dim, shards.dims.length));
      if (!lists) throw new Error(`dimension shard of ${dim} not loaded`);
      return lists.get(dim);
    },
    dense: (() => {
      let all: Promise<{ bytes: Int8Array; scales: Float32Array }> | undefined;
      return () =>
        (all ??= (async () => {
          const { dimension } = manifest.embedder;
          // Every shard read and checked first: its size vouches for the rows allocated below.
          const parts = await Promise.all(
            shards.dense.map(async (file, b) => {
              const rows = Math.min(shards.rowsPerShard, n - b * shards.rowsPerShard);
              const part = decodeDenseShard(await bytesOf(file), rows, dimension);
              if (typeof part === 'string') throw corruptIndex(where, `${file}: ${part}`);
              return part;
            }),
          );
          const bytes = new Int8Array(n * dimension);
          const scales = new Float32Array(n);
          parts.forEach((part, b) => {
            bytes.set(part.bytes, b * shards.rowsPerShard * dimension);
            scales.set(part.scales, b * shards.rowsPerShard);
          });
          return { bytes, scales };
        })().catch((error: unknown) => {
          all = undefined;
          throw error;
        }));
    })(),
    async loadClauses(indexes) {
      const buckets = new Set<number>();
      for (const i of indexes) if (i >= 0 && i < n) buckets.add(Math.floor(i / shards.clausesPerShard));
      await Promise.all([...buckets].map(loadClauseShard));
    },
    clause: (index) => clausesLoaded.get(Math.floor(index / shards.clausesPerShard))?.[index % shards.clausesPerShard],
    ids: () =>
      (idList ??= jsonOf(shards.ids, IdShard).then((ids) => {
        if (ids.length !== n)
          throw corruptIndex(where, `${shards.ids} has ${ids.length} ids, the manifest ${n} clauses`);
        return ids;
      })),
  };
}

/**
 * Every count of the entry against what it can truly be, before a name or an array is made from
 * it: a damaged or hostile entry.json (a billion shards, 2^31 clauses) is refused in a moment
 * instead of hanging or exhausting memory. The bounds are the writer's own (shardLimits), the
 * manifest's clause count, and — where known — the files present.
 */
async function checkCounts(where: string, entry: Entry, present?: (folder: string) => Promise<number>): Promise<void> {
  const { manifest, shards: sets } = entry;
  const n = manifest.clauseCount;
  const file = browserFiles.entry;
  const stray = entry.runs.find(([, g]) => g !== null && g >= entry.guidelines.length);
  if (stray)
    throw corruptIndex(where, `${file}: clauses belong to guideline ${stray[1]! + 1} of ${entry.guidelines.length}`);
  const counted = entry.runs.reduce((s, [, , c]) => s + c, 0);
  if (counted !== n)
    throw corruptIndex(where, `${file}: its guideline runs cover ${counted} clauses, the manifest ${n}`);
  if (entry.units.some(([first, count]) => first + count > n))
    throw corruptIndex(where, `${file}: its units reach beyond the ${n} clauses of the index`);
  const { dimension } = manifest.embedder;
  if (sets.clausesPerShard > shardLimits.clausesPerShard)
    throw corruptIndex(
      where,
      `${file}: ${sets.clausesPerShard} clauses per shard, at most ${shardLimits.clausesPerShard}`,
    );
  if (manifest.vectors === 'dense' && sets.rowsPerShard > denseRowsPerShard(dimension))
    throw corruptIndex(where, `${file}: ${sets.rowsPerShard} rows per shard, at most ${denseRowsPerShard(dimension)}`);
  const dense = manifest.vectors === 'dense';
  const expected: Record<ShardKind, [min: number, max: number]> = {
    terms: [1, shardLimits.buckets],
    dims: dense ? [0, 0] : [1, Math.min(shardLimits.buckets, dimension)],
    dense: dense ? (Array(2).fill(Math.ceil(n / sets.rowsPerShard)) as [number, number]) : [0, 0],
    clauses: Array(2).fill(Math.ceil(n / sets.clausesPerShard)) as [number, number],
    ids: [1, 1],
  };
  for (const kind of Object.keys(expected) as ShardKind[]) {
    const [min, max] = expected[kind];
    const { count } = sets[kind];
    if (count < min || count > max)
      throw corruptIndex(
        where,
        `${file} lists ${count} ${kind} shards for ${n} clauses, expected ${min === max ? min : `${min} to ${max}`}`,
      );
    const there = count && present ? await present(shardKinds[kind][0]) : count;
    if (there < count) throw corruptIndex(where, `${file} lists ${count} ${kind} shards, ${there} are there`);
  }
}
