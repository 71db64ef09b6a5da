/**
 * The corpus: the content model (schema), the guideline registry, permalinks, the Japanese labels of
 * its codes, counterparts between clauses, and the cross-reference checker. Portable: no Node
 * imports, so the site's browser code may use it. Reading content from disk is in ./node.ts.
 */
export * from './schema/index.ts';
export { guidelineRegistry, isReferenceMeta, type Guidelines } from './registry.ts';
export { referenceOutline, type ReferenceOutline } from './reference.ts';
export {
  chapterUrl,
  clauseUrl,
  faqEntryUrl,
  faqUrl,
  guidelineUrl,
  notesUrl,
  noteUrl,
  officialClauseId,
  passageAnchor,
  englishAnchor,
  sourcesUrl,
  sourceUrl,
} from './urls.ts';
export { currentId, formerIdMap, notesByUnit } from './notes.ts';
export { citationMarker } from './citations.ts';
export * from './labels.ts';
export {
  counterparts,
  inverseRelationship,
  relatedIndex,
  type Counterparts,
  type CounterpartSource,
} from './related.ts';
export { checkCorpus } from './check.ts';
export { crosswalkOf, type CrosswalkLine, mappingFramework, mappingsFor, referenceKeyOf } from './crosswalk.ts';
export { findEdition, sameEdition, samePrintedEdition } from './edition.ts';
export { assertIncludable, includeList, publishedCorpus } from './publish.ts';
export { coverageLine, officialCoverage, officialTexts, type OfficialCoverage } from './coverage.ts';
export {
  describeZodPath,
  formatProblem,
  isError,
  type Problem,
  problem,
  problemCount,
  sortProblems,
} from './problems.ts';
export { ruleList, type RuleId, rules, type Severity, severityOf } from './rules.ts';
export { type Corpus, type LoadResult, noneUnread, type Unread } from './corpus.ts';
