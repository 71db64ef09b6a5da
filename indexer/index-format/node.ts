/** The index format on disk (Node only): the atomic writer and the reader of an index folder. */
export * from './index.ts';
export { contentHash, contentHashWithin, STALENESS_LIMITS } from './content-hash.ts';
export { assertIndexTarget, publishedFiles, writeIndex, type IndexParts, type Postings } from './write.ts';
export { readIndex, type IndexFolder } from './read-node.ts';

/** Where `kojo build-index` writes and `kojo ask` reads by default. */
export const DEFAULT_INDEX_DIR = '.kojo/index';
/** The index the site build makes (built-in embedder); `kojo ask` falls back to it. */
export const SITE_INDEX_DIR = '.kojo/site-index';
