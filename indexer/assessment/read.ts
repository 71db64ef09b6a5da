/** An exported assessment file, JSON or CSV, told apart by its name or else its first character. */
import { parseAssessmentJson, type Assessment, type Parsed } from './assessment.ts';
import { parseAssessmentCsv } from './csv.ts';
import type { ChecklistData } from './data.ts';

export function parseAssessmentFile(text: string, file: string, data: ChecklistData): Parsed<Assessment> {
  const body = text.replace(/^\uFEFF/, '');
  const csv = /\.csv$/i.test(file) || (!/\.json$/i.test(file) && !body.trimStart().startsWith('{'));
  return csv ? parseAssessmentCsv(text, file, data) : parseAssessmentJson(text, file, data);
}
