/**
 * One assessment — a named, dated set of answers to the checklist — and the JSON file it is exported
 * as. Reading a file is an error value with one line naming the file and the line or field at fault.
 */
import { z } from 'zod';
import type { ChecklistData } from './data.ts';

export const ASSESSMENT_FILE_VERSION = 1;
export const NOT_APPLICABLE = 'na' as const;
/** How 対象外 is written in CSV and shown on the page. */
export const NOT_APPLICABLE_LABEL = '対象外';

/** A level (1…), 対象外, or null: not answered yet (a note may still be kept). */
export const AnswerLevel = z.union([z.number().int().min(1), z.literal(NOT_APPLICABLE), z.null()], {
  errorMap: () => ({
    message: `must be a level number, "${NOT_APPLICABLE}" (${NOT_APPLICABLE_LABEL}) or null (not answered)`,
  }),
});
export type AnswerLevel = z.infer<typeof AnswerLevel>;

export const Answer = z.object({ item: z.string().min(1), level: AnswerLevel, note: z.string().default('') }).strict();
export type Answer = z.infer<typeof Answer>;

export const Assessment = z
  .object({
    /** Which plant, line or occasion: 「第1工場 2026年度」. */
    name: z.string().trim().min(1, 'name must not be empty'),
    /** When it was assessed: YYYY-MM-DD, or empty. */
    date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')]).default(''),
    /** The level the plant aims for: items below it are gaps. */
    target: z.number().int().min(1).default(3),
    answers: z.array(Answer),
  })
  .strict();
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentFile = Assessment.extend({
  kojoAssessment: z.literal(ASSESSMENT_FILE_VERSION),
  exportedAt: z.string().optional(),
}).strict();
export type AssessmentFile = z.infer<typeof AssessmentFile>;

export type Parsed<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string };

export function assessmentFile(a: Assessment, exportedAt = new Date().toISOString()): AssessmentFile {
  return {
    kojoAssessment: ASSESSMENT_FILE_VERSION,
    exportedAt,
    name: a.name,
    date: a.date,
    target: a.target,
    answers: a.answers,
  };
}

/** `answers.3.level` → `answers[3].level`: how a person would point at it in the file. */
export function fieldName(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** The line a JSON.parse error points at, if the engine says where. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message)?.[1];
  if (line) return Number(line);
  const position = /position (\d+)/.exec(message)?.[1];
  return position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
}

/** An exported assessment from JSON text, checked against the checklist it is meant for. */
export function parseAssessmentJson(text: string, file: string, data: ChecklistData): Parsed<Assessment> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const line = jsonErrorLine(body, (error as Error).message);
    return {
      ok: false,
      error: `${file}${line ? `:${line}` : ''}: not valid JSON (export it again from the checklist page)`,
    };
  }
  if (typeof raw !== 'object' || raw === null || !('kojoAssessment' in raw)) {
    return {
      ok: false,
      error: `${file}: not a kojo assessment (no "kojoAssessment" field; export one from the checklist page)`,
    };
  }
  if ((raw as { kojoAssessment: unknown }).kojoAssessment !== ASSESSMENT_FILE_VERSION) {
    return {
      ok: false,
      error: `${file}: kojoAssessment ${JSON.stringify((raw as { kojoAssessment: unknown }).kojoAssessment)} is not a version this kojo reads (${ASSESSMENT_FILE_VERSION})`,
    };
  }
  const parsed = AssessmentFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${file}: field ${fieldName(issue.path) || '(top level)'}: ${issue.message}` };
  }
  const { kojoAssessment: _v, exportedAt: _e, ...assessment } = parsed.data;
  return fitToChecklist(assessment, data, {
    answer: (i) => `${file}: field answers[${i}]`,
    target: `${file}: field target`,
  });
}

/**
 * Answers must use the checklist's levels; one item answered twice is a mistake, not a choice. Items
 * the checklist no longer has are dropped with a warning (an export from an older edition). `at`
 * names the place of an answer or of the target in the file, as its format points at them.
 */
export function fitToChecklist(
  a: Assessment,
  data: ChecklistData,
  at: { answer: (index: number) => string; target: string },
): Parsed<Assessment> {
  const items = new Set(data.items.map((i) => i.id));
  const top = data.levels.length;
  const warnings: string[] = [];
  const seen = new Set<string>();
  const answers: Answer[] = [];
  if (a.target > top) return { ok: false, error: `${at.target}: ${a.target} is above the highest level (${top})` };
  for (const [index, answer] of a.answers.entries()) {
    if (typeof answer.level === 'number' && answer.level > top) {
      return { ok: false, error: `${at.answer(index)}: level ${answer.level} is above the highest level (${top})` };
    }
    if (seen.has(answer.item))
      return { ok: false, error: `${at.answer(index)}: item "${answer.item}" is answered twice` };
    seen.add(answer.item);
    if (items.has(answer.item)) answers.push(answer);
    else warnings.push(`${at.answer(index)}: item "${answer.item}" is not in this checklist; its answer is ignored`);
  }
  return { ok: true, value: { ...a, answers }, warnings };
}
