/**
 * Japanese text for matching, the same for clauses and questions, in Node and in the browser (no
 * Node imports): normalisation, question cleaning, features (words, bigrams, glossary synonyms),
 * snippets with highlight offsets, and CSV as spreadsheets read and write it.
 */
export { cleanInput, normalizeText } from './normalize.ts';
export { fnv1a } from './hash.ts';
export { escaped, printable } from './printable.ts';
export { MAX_QUESTION_CHARS, stripConversational } from './question.ts';
export { findSynonyms, synonymGroups, type SynonymGroup, type SynonymMatch } from './synonyms.ts';
export { bigrams, features, lexicalTokens, words, type Features } from './tokenize.ts';
export { isBoilerplate, makeSnippet, matchRanges, prepareSnippet, snippetUnits, type Snippet } from './snippet.ts';
export { prepareText, type PreparedText } from './prepared.ts';
export { csvDocument, csvField, parseCsv, unguardCell, type CsvRow } from './csv.ts';
