/**
 * Search: a question → answers from every guideline and the practice notes, in three phases (rank,
 * load, present): question features, dense and BM25 rankings fused per group, snippets and
 * counterparts; the engine over an index's lazy store; exact sparse search; the passages an index
 * embeds; int8 quantisation; retrieval metrics. Portable and free of I/O: the browser runs exactly this. Node's half (building
 * an index, HNSW, opening an index folder) is ./node.ts.
 */
export { ask, type Answer, type AskOptions, type Hit, type Mode, type Searchers, type Why } from './ask.ts';
export { groupHits, groupsToAnswer, indexView, type Group, type GroupedHits, type IndexView } from './groups.ts';
export { prepareQuery, type AskedTerm, type Query } from './query.ts';
export { rank, type RankedGroup, type Ranking } from './rank.ts';
export { present } from './present.ts';
export { createEngine, termLookup, type DenseSearch, type Engine, type QueryEmbedder } from './engine.ts';
export { reciprocalRankFusion, RRF_K, type Ranked } from './fuse.ts';
export { BM25, buildLexical, PRUNE_DF, scoreLexical, type LexicalDoc, type LexicalPostings } from './lexical.ts';
export { invertVectors, nonZeros, scoreSparse, topExact } from './sparse.ts';
export { lexicalDocs } from './lexical-docs.ts';
export { dot, searchExact } from './exact.ts';
export { passageText, titlePath, withGlossaryAliases } from './passages.ts';
export { quantize } from './quantize.ts';
export {
  atThreshold,
  chooseThreshold,
  EvalQuestion,
  faqMetrics,
  firstRelevantRank,
  inUnit,
  isOutOfScope,
  metrics,
  noMatchMetrics,
  ranksByGuideline,
  type CalibrationPoint,
  type Metrics,
  type NoMatchMetrics,
  type ThresholdChoice,
} from './eval.ts';
export { closeness, isLatinQuestion, verdict, type Evidence, type Verdict } from './confidence.ts';
export { NO_CLOSE_MATCH, whyText } from './wording.ts';
export { suggestMappings, type SuggestCorpus, type SuggestedMapping, type SuggestOptions } from './suggest.ts';
export { closestFaq, FAQ_THRESHOLD, faqIndex, matchFaq, type FaqCandidate, type FaqIndex } from './faq.ts';
