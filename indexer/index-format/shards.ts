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

/**
 * Sparse values in one byte: a sign bit and a magnitude 2^(−k/16), k 0…127 (16 steps an octave, 2 %
 * apart; 1 down to 0.004). An embedder whose vectors are stored sparse rounds its components to
 * these values (roundLog8), so the index holds its vectors exactly in a quarter of float32's bytes.
 */
export const LOG8_VALUES = Float32Array.from({ length: 256 }, (_, c) => (c & 0x80 ? -1 : 1) * 2 ** (-(c & 0x7f) / 16));

export function log8Code(value: number): number {
  const k = Math.min(127, Math.max(0, Math.round(-Math.log2(Math.abs(value)) * 16)));
  return (value < 0 ? 0x80 : 0) | k;
}

/** The vector with every non-zero component rounded to its one-byte value, in place. */
export function roundLog8(v: Float32Array): Float32Array {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) v[i] = LOG8_VALUES[log8Code(v[i]!)]!;
  return v;
}

/**
 * `[n][dims…][counts…][clause gaps…]` as 32-bit words, then one log8 byte per value. Gaps (from the
 * previous clause of the same dimension, the first from −1) are small numbers: they compress well.
 */
export function encodeDimShard(lists: Map<number, { docs: number[]; values: number[] }>): Uint8Array {
  const dims = [...lists.keys()].sort((a, b) => a - b);
  const total = dims.reduce((s, d) => s + lists.get(d)!.docs.length, 0);
  const head = new Uint32Array(1 + 2 * dims.length + total);
  const codes = new Uint8Array(total);
  head[0] = dims.length;
  let at = 1 + 2 * dims.length;
  let v = 0;
  dims.forEach((d, i) => {
    const list = lists.get(d)!;
    head[1 + i] = d;
    head[1 + dims.length + i] = list.docs.length;
    list.docs.forEach((doc, j) => {
      head[at++] = doc - (j ? list.docs[j - 1]! : -1) - 1;
      const code = log8Code(list.values[j]!);
      // Only what the codec holds exactly may be stored: anything else would be searched as another vector.
      if (LOG8_VALUES[code] !== Math.fround(list.values[j]!))
        throw new Error(
          `dimension ${d} of clause ${doc} holds ${list.values[j]}, not a one-byte value: the embedder must round its vectors (roundLog8)`,
        );
      codes[v++] = code;
    });
  });
  const out = new Uint8Array(head.byteLength + codes.byteLength);
  out.set(new Uint8Array(head.buffer), 0);
  out.set(codes, head.byteLength);
  return out;
}

/** The lists of a dimension shard, or a reason it is not one (checked: sizes, ranges). */
export function decodeDimShard(
  bytes: Uint8Array,
  shard: number,
  shards: number,
  dimension: number,
  clauseCount: number,
): Map<number, DimPostings> | string {
  if (bytes.byteLength < 4) return 'it is cut short';
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const n = new Uint32Array(copy, 0, 1)[0]!;
  if (4 * (1 + 2 * n) > bytes.byteLength) return 'its header is cut short';
  const header = new Uint32Array(copy, 0, 1 + 2 * n);
  let total = 0;
  for (let i = 0; i < n; i++) total += header[1 + n + i]!;
  const expected = 4 * (1 + 2 * n + total) + total;
  if (bytes.byteLength !== expected) return `it holds ${bytes.byteLength} bytes, its header says ${expected}`;
  const gaps = new Uint32Array(copy, 4 * (1 + 2 * n), total);
  const codes = new Uint8Array(copy, 4 * (1 + 2 * n + total), total);
  const out = new Map<number, DimPostings>();
  let at = 0;
  for (let i = 0; i < n; i++) {
    const dim = header[1 + i]!;
    const count = header[1 + n + i]!;
    if (dim >= dimension || dimBucket(dim, shards) !== shard) return `dimension ${dim} does not belong in it`;
    const docs = new Uint32Array(count);
    const values = new Float32Array(count);
    let doc = -1;
    for (let j = 0; j < count; j++, at++) {
      doc += gaps[at]! + 1;
      if (doc >= clauseCount) return `dimension ${dim} lists clause ${doc + 1} of ${clauseCount}`;
      docs[j] = doc;
      values[j] = LOG8_VALUES[codes[at]!]!;
    }
    out.set(dim, { docs, values });
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

export function decodeDenseShard(
  bytes: Uint8Array,
  rows: number,
  dimension: number,
): { bytes: Int8Array; scales: Float32Array } | string {
  if (bytes.byteLength !== rows * (4 + dimension))
    return `it holds ${bytes.byteLength} bytes, expected ${rows * (4 + dimension)}`;
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const scales = new Float32Array(copy, 0, rows);
  const bad = scales.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) return `row ${bad + 1} has scale ${scales[bad]}`;
  return { scales, bytes: new Int8Array(copy, rows * 4) };
}
