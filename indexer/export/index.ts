/**
 * Exports into the tools practitioners already use: CISO Assistant libraries (YAML) and its data
 * wizard's audit CSV, OSCAL 1.2 JSON (catalogs, mapping collections, assessment results) and an
 * IR 8477 / OLIR-style CSV of the mappings. Pure functions from the corpus, checklist and assessment
 * models to files (name, media type, text): the `kojo export` command writes them, the site build
 * serves them under /downloads/, and /checklist/ builds an assessment's files in the browser.
 * Portable: no Node imports.
 */
import type { Assessment, ChecklistData } from '../assessment/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { KojoError } from '../errors/index.ts';
import { cisoAssistantWriter, wizardCsv } from './ciso-assistant.ts';
import type { ExportContext, ExportFile } from './file.ts';
import { ir8477Csv } from './ir8477.ts';
import { crosswalkCsvs } from './crosswalk-csv.ts';
import { chooseGuidelines, exportDocuments, mappingPairs } from './model.ts';
import { assessmentResults, oscalWriter } from './oscal.ts';

export const exportFormats = ['ciso-assistant', 'oscal', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function exportFormat(name: string | undefined): ExportFormat {
  if (name === undefined) throw new KojoError('usage', `--format is required (${exportFormats.join(', ')})`);
  if (!(exportFormats as readonly string[]).includes(name))
    throw new KojoError('usage', `unknown format "${name}" (use: ${exportFormats.join(', ')})`);
  return name as ExportFormat;
}

/** What a format says about the content: the guidelines chosen (all by default) and their mappings. */
export function exportContent(
  corpus: Corpus,
  format: ExportFormat,
  ctx: ExportContext,
  guidelines: readonly string[] = [],
): ExportFile[] {
  const chosen = chooseGuidelines(corpus, guidelines);
  const pairs = mappingPairs(corpus, chosen);
  switch (format) {
    case 'ciso-assistant':
      return exportDocuments(corpus, chosen, pairs, ctx, cisoAssistantWriter);
    case 'oscal':
      return exportDocuments(corpus, chosen, pairs, ctx, oscalWriter);
    case 'csv':
      return [ir8477Csv(corpus, chosen), ...crosswalkCsvs(corpus, chosen)];
  }
}

/** The IR 8477 CSV holds mappings only: an assessment goes into the other two formats. */
export function assertAssessmentFormat(format: ExportFormat): asserts format is Exclude<ExportFormat, 'csv'> {
  if (format === 'csv')
    throw new KojoError(
      'usage',
      '--assessment goes with --format ciso-assistant (the data wizard CSV) or --format oscal (assessment-results); the IR 8477 CSV holds mappings only',
    );
}

/** An assessment in a format's own terms. */
export function exportAssessment(
  format: ExportFormat,
  data: ChecklistData,
  a: Assessment,
  ctx: ExportContext,
): ExportFile {
  assertAssessmentFormat(format);
  return format === 'oscal' ? assessmentResults(data, a, ctx) : wizardCsv(data, a);
}

export { itemAnswers, readAssessmentForExport, type AnswerState, type ItemAnswer } from './answers.ts';
export { checklistLibrary, guidelineLibrary, mappingLibrary, wizardCsv, wizardHeader } from './ciso-assistant.ts';
export type { ExportContext, ExportFile } from './file.ts';
export { contentUuid, OSCAL_NS, PACKAGER, stableUuid, urn } from './ids.ts';
export { ir8477Csv, ir8477Header } from './ir8477.ts';
export { chooseGuidelines, mappingPairs, type MappingPair } from './model.ts';
export {
  assessmentResults,
  catalogFile,
  CHECKLIST_CATALOG,
  checklistCatalog,
  guidelineCatalog,
  mappingCollection,
  mappingFile,
  objectiveId,
  OSCAL_VERSION,
  oscalRelationship,
} from './oscal.ts';
