/**
 * The corpus from disk (Node only): load a content folder, check it, fingerprint it, and read the
 * YAML lists other tools keep beside it (the evaluation questions).
 */
export { chooseChecklistItems } from './checklist-load.ts';
export { checkContent, loadContent, loadValidContent } from './load.ts';
export { loadOfficial } from './official.ts';
export { parseClauseFile } from './parse.ts';
export { parseYamlList, readYamlList, type Located } from './yaml-source.ts';
