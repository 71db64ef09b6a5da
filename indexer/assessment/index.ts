/**
 * Self-assessment against the checklist: the checklist data the page and CLI share, one assessment
 * and its JSON and CSV files, scores, gaps and comparisons, and the page's saved state. Portable (no
 * Node imports): the checklist page runs the same functions as `kojo checklist report`.
 */
export {
  CHECKLIST_DATA_VERSION,
  checklistData,
  ChecklistData,
  levelLabel,
  type ClauseLink,
  type DataItem,
  type DataLevel,
} from './data.ts';
export {
  Assessment,
  assessmentFile,
  AssessmentFile,
  fitToChecklist,
  NOT_APPLICABLE,
  NOT_APPLICABLE_LABEL,
  parseAssessmentJson,
  type Answer,
  type AnswerLevel,
  type Parsed,
} from './assessment.ts';
export { assessmentCsv, csvHeader, parseAssessmentCsv } from './csv.ts';
export { parseAssessmentFile } from './read.ts';
export {
  answerMap,
  compareAssessments,
  gapList,
  scoreAssessment,
  type CategoryScore,
  type Comparison,
  type Gap,
  type Score,
  type Tally,
} from './score.ts';
export {
  emptyState,
  migrations,
  readStoredState,
  STORAGE_KEY,
  STORAGE_VERSION,
  StoredState,
  type StoredAssessment,
  type StoredRead,
} from './storage.ts';
