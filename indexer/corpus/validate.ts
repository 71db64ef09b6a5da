/**
 * Validation of what authors write (front matter, YAML entries) with the content schemas, which are
 * strict so that a misspelt field is reported rather than ignored.
 */
import type { z } from 'zod';
import { describeZodPath } from './problems.ts';

export interface Validated<T> {
  value: T | null;
  issues: z.ZodIssue[];
}

/**
 * Unknown keys are issues, yet the rest is still read as if they were absent: one stray key costs
 * one problem, not the loss of everything the file defines (and a problem at every reference to it).
 */
export function validate<S extends z.ZodTypeAny>(schema: S, data: unknown): Validated<z.output<S>> {
  const first = schema.safeParse(data);
  if (first.success) return { value: first.data, issues: [] };
  const { issues } = first.error;
  if (!issues.every((i) => i.code === 'unrecognized_keys')) return { value: null, issues };
  const copy: unknown = structuredClone(data);
  for (const issue of issues) {
    const target = issue.path.reduce<unknown>((o, key) => (o as Record<string | number, unknown>)?.[key], copy);
    for (const key of issue.code === 'unrecognized_keys' ? issue.keys : [])
      delete (target as Record<string, unknown>)[key];
  }
  const second = schema.safeParse(copy);
  return { value: second.success ? (second.data as z.output<S>) : null, issues };
}

/**
 * One line per thing wrong: an unknown-key issue naming several keys becomes one per key, each with
 * the path to it (so the line of the key itself can be found) and the text to show (path first).
 */
export function describeIssues(
  issues: z.ZodIssue[],
): { unknownKey: boolean; path: (string | number)[]; text: string }[] {
  return issues.flatMap((issue): { unknownKey: boolean; path: (string | number)[]; text: string }[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          unknownKey: true,
          path: [...issue.path, key],
          text: `${describeZodPath(issue.path)}unknown key "${key}" (misspelt? it would be ignored)`,
        }))
      : [{ unknownKey: false, path: issue.path, text: `${describeZodPath(issue.path)}${issue.message}` }],
  );
}
