/** Dense nearest-neighbour search in Node: hnswlib (HNSW, cosine). Its exact twin is exact.ts. */
import { createRequire } from 'node:module';
import type { HnswParams } from '../index-format/index.ts';
import type { Ranked } from './fuse.ts';

type Hnswlib = typeof import('hnswlib-node');
let lib: Hnswlib | undefined;
/** The native addon, loaded on first use: asking a sparse index (the built-in embedder) never pays for it. */
const hnswlib = (): Hnswlib => (lib ??= createRequire(import.meta.url)('hnswlib-node') as Hnswlib);

export const HNSW_PARAMS: HnswParams = { space: 'cosine', M: 16, efConstruction: 200, efSearch: 128 };

export type HnswIndex = InstanceType<Hnswlib['HierarchicalNSW']>;

export function buildHnsw(vectors: Float32Array[], dimension: number): HnswIndex {
  const index = new (hnswlib().HierarchicalNSW)(HNSW_PARAMS.space, dimension);
  index.initIndex(vectors.length, HNSW_PARAMS.M, HNSW_PARAMS.efConstruction, 100);
  vectors.forEach((v, i) => index.addPoint(Array.from(v), i));
  return index;
}

export function readHnsw(path: string, dimension: number): HnswIndex {
  const index = new (hnswlib().HierarchicalNSW)(HNSW_PARAMS.space, dimension);
  index.readIndexSync(path);
  return index;
}

/** Top-k by cosine (hnswlib distance is 1 − cosine) among labels the filter accepts. */
export function searchHnsw(
  index: HnswIndex,
  query: Float32Array,
  k: number,
  accept: (label: number) => boolean,
  ef: number,
  eligible: number,
): Ranked[] {
  const n = Math.min(k, eligible);
  if (n <= 0) return [];
  index.setEf(Math.max(ef, n));
  const { neighbors, distances } = index.searchKnn(Array.from(query), n, accept);
  return neighbors.map((label, i) => ({ index: label, score: 1 - distances[i]! }));
}
