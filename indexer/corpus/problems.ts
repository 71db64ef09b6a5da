import { type RuleId, type Severity, severityOf } from './rules.ts';
import { t } from '../wording/index.ts';

/** A problem in the content, always tied to a place a person can open, and to the rule it breaks. */
export interface Problem {
  file: string;
  line: number;
  severity: Severity;
  rule: RuleId;
  message: string;
}

/** A problem at its rule's severity (for `guideline`, when the rule is about one: drafts warn). */
export function problem(
  rule: RuleId,
  file: string,
  line: number,
  message: string,
  guideline?: { status?: string | undefined },
): Problem {
  return { file, line, severity: severityOf(rule, guideline), rule, message };
}

/** `file:line: error rule-id: message`: the place first, so editors and terminals can jump to it. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.severity} ${p.rule}: ${p.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export const isError = (p: Problem): boolean => p.severity === 'error';

/** `3 errors, 1 warning`. */
export function problemCount(problems: Problem[]): string {
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  return t('check.problems', { errors, warnings });
}

/** Collapses a zod issue list into one readable line per issue. */
export function describeZodPath(path: (string | number)[]): string {
  return path.length ? `${path.join('.')}: ` : '';
}
