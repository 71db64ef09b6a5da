/** Search in Node: build an index folder, open one for questions, HNSW. */
export * from './index.ts';
export { buildIndex, type BuildOptions } from './build.ts';
export { indexSession, openIndex, type IndexSession, type OpenIndex, type OpenOptions } from './open.ts';
export { buildHnsw, HNSW_PARAMS, readHnsw, searchHnsw, type HnswIndex } from './hnsw.ts';
