/** A problem in the content, always tied to a place a person can open. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Collapses a zod issue list into one readable line per issue. */
export function describeZodPath(path: (string | number)[]): string {
  return path.length ? `${path.join('.')}: ` : '';
}
