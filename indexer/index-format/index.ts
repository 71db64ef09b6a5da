/**
 * The index format: the versioned, zod-validated description of every file (schema), both ends of
 * its binary shards, the corpus as an index keeps it (searchData), and the lazy reader of the
 * published part that Node and the browser share. Portable. The Node writer and reader are in ./node.ts.
 */
export * from './schema.ts';
export { clauseRecords, entryRuns, searchData } from './data.ts';
export { checkManifest, corruptIndex } from './errors.ts';
export { readBrowserIndex } from './read-browser.ts';
export { openStore, type IndexStore, type ReadFile, type TermData } from './store.ts';
export { LOG8_VALUES, log8Code, roundLog8, type DimPostings } from './shards.ts';
