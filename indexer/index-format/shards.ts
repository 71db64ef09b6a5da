/**
 * Both ends of the binary shards and of the buckets terms and dimensions fall in: the writer and the
 * readers share this module, so the two cannot drift apart. Little-endian typed arrays (every
 * platform a browser or Node runs on).
 */
import { fnv1a } from '../text/index.ts';

export const termBucket = (term: string, shards: number) => fnv1a(term) % shards;
export const dimBucket = (dim: number, shards: number) => dim % shards;

/** One dimension's inverted list: the clauses whose vector is non-zero there, ascending, with the value. */
export interface DimPostings {
  docs: Uint32Array;
  values: Float32Array;
}

/** `[n][dims…][counts…][docs…][values…]`, all 32-bit. */
export function encodeDimShard(lists: Map<number, { docs: number[]; values: number[] }>): Uint8Array {
  const dims = [...lists.keys()].sort((a, b) => a - b);
  const total = dims.reduce((s, d) => s + lists.get(d)!.docs.length, 0);
  const head = new Uint32Array(1 + 2 * dims.length + total);
  head[0] = dims.length;
  let at = 1 + 2 * dims.length;
  const values = new Float32Array(total);
  let v = 0;
  dims.forEach((d, i) => {
    const list = lists.get(d)!;
    head[1 + i] = d;
    head[1 + dims.length + i] = list.docs.length;
    head.set(list.docs, at);
    at += list.docs.length;
    values.set(list.values, v);
    v += list.values.length;
  });
  const out = new Uint8Array(head.byteLength + values.byteLength);
  out.set(new Uint8Array(head.buffer), 0);
  out.set(new Uint8Array(values.buffer), head.byteLength);
  return out;
}

/** The lists of a dimension shard, or a reason it is not one (checked: sizes, ranges, finite values). */
export function decodeDimShard(bytes: Uint8Array, shard: number, shards: number, dimension: number, clauseCount: number): Map<number, DimPostings> | string {
  if (bytes.byteLength % 4 || bytes.byteLength < 4) return 'its size is not a whole number of entries';
  const words = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const n = words[0]!;
  if (1 + 2 * n > words.length) return 'its header is cut short';
  let total = 0;
  for (let i = 0; i < n; i++) total += words[1 + n + i]!;
  if (words.length !== 1 + 2 * n + 2 * total) return `it holds ${words.length * 4} bytes, its header says ${(1 + 2 * n + 2 * total) * 4}`;
  const values = new Float32Array(words.buffer, (1 + 2 * n + total) * 4, total);
  const out = new Map<number, DimPostings>();
  let at = 1 + 2 * n;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const dim = words[1 + i]!;
    const count = words[1 + n + i]!;
    if (dim >= dimension || dimBucket(dim, shards) !== shard) return `dimension ${dim} does not belong in it`;
    const docs = words.subarray(at, at + count);
    for (let j = 0; j < count; j++) {
      if (docs[j]! >= clauseCount || (j && docs[j]! <= docs[j - 1]!)) return `dimension ${dim} lists clause ${docs[j]} out of order or range`;
      if (!Number.isFinite(values[v + j]!)) return `dimension ${dim} holds ${values[v + j]} for clause ${docs[j]! + 1}`;
    }
    out.set(dim, { docs, values: values.subarray(v, v + count) });
    at += count;
    v += count;
  }
  return out;
}

/** Dense rows as int8 with one scale per row: `[scales (float32)…][bytes…]`. */
export function encodeDenseShard(bytes: Int8Array, scales: number[]): Uint8Array {
  const out = new Uint8Array(scales.length * 4 + bytes.byteLength);
  out.set(new Uint8Array(Float32Array.from(scales).buffer), 0);
  out.set(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), scales.length * 4);
  return out;
}

export function decodeDenseShard(bytes: Uint8Array, rows: number, dimension: number): { bytes: Int8Array; scales: Float32Array } | string {
  if (bytes.byteLength !== rows * (4 + dimension)) return `it holds ${bytes.byteLength} bytes, expected ${rows * (4 + dimension)}`;
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const scales = new Float32Array(copy, 0, rows);
  const bad = scales.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) return `row ${bad + 1} has scale ${scales[bad]}`;
  return { scales, bytes: new Int8Array(copy, rows * 4) };
}
