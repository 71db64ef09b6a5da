/**
 * Official text from the guideline's own PDF (or text copied from it): the structure detection —
 * page items and bookmarks to the official units of guidelines.yml, each with its pages and its text
 * cleaned into Markdown — and the format `kojo import` writes. Portable: no Node imports; reading
 * files and writing the folder are in ./node.ts.
 */
export {
  checkTitleStart,
  describe,
  detectUnits,
  type ImportedUnit,
  type ImportNote,
  type ImportResult,
} from './detect.ts';
export { escapeHtml, importReport, type ReportInput } from './report.ts';
export {
  findGutter,
  joinWords,
  pageLines,
  type Line,
  type OutlineEntry,
  type SourceDocument,
  type Frame,
  type SourcePage,
  type TextRun,
} from './document.ts';
export { cleanPages, isPageNumber } from './clean.ts';
export { escapeMarkdown, noteMark, toMarkdown, toPagedMarkdown, type PagedMarkdown } from './markdown.ts';
export { takeFootnotes } from './footnotes.ts';
export { tableAt } from './tables.ts';
export { fold, matchUnit, officialUnits, parseHeading, similarTitles, type OfficialUnit } from './units.ts';
export { readTitlePage } from './title-page.ts';
export {
  checklistDoubt,
  checklistImport,
  isWholeSentence,
  readChecklist,
  reportedCounts,
  type ChecklistRead,
  type ChecklistRow,
} from './checklist.ts';
export { readText } from './read-text.ts';
export {
  proposedEntry,
  proposeStructure,
  type EntryFields,
  type Proposal,
  type ProposalAttempt,
  type ProposalMethod,
  type ProposedChapter,
} from './propose.ts';
export { ImportManifest } from '../corpus/index.ts';
