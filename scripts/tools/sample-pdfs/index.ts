/**
 * Sample guideline PDFs for the import tests and the benchmark (a tool room: tests and
 * scripts/tools/bench.ts import it from here, never the other way round). layouts.ts holds the
 * realistic corpus, each layout with its ground truth (typeset.ts), and `newGuidelineLayouts` a document
 * the registry does not know (kojo import --new); simple.ts the first, simple
 * documents of tests/import.test.ts.
 */
export { samplePdf, type SamplePdf } from './cache.ts';
export { layoutNamed, layouts, newGuidelineLayouts, type Layout } from './layouts.ts';
export type { Truth, TruthUnit } from './typeset.ts';
export {
  guidelineText,
  gutpSpec,
  metiSpec,
  writeGuidelinePdf,
  writeImageOnlyPdf,
  type FixtureSpec,
  type Layout as SimpleLayout,
} from './simple.ts';
