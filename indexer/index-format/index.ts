/**
 * The index format: the versioned, zod-validated description of every file (schema), the corpus as
 * an index keeps it (searchData), and the browser reader. Portable. The Node writer and reader are
 * in ./node.ts.
 */
export * from './schema.ts';
export { searchData } from './data.ts';
export { checkManifest, corruptIndex } from './errors.ts';
export { readBrowserIndex, type BrowserIndex } from './read-browser.ts';
