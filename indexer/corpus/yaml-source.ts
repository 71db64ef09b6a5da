/**
 * Reads a YAML list file (mappings, glossary, FAQ, guideline metadata) and validates each item with a
 * zod schema, keeping the source line of every item and every invalid field.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { type Problem, problem } from './problems.ts';
import { MAX_YAML_ALIASES, nestingProblem } from './limits.ts';
import { readContentFile } from './read-file.ts';
import { describeIssues, validate } from './validate.ts';

export interface Located<T> {
  value: T;
  line: number;
}

export interface YamlListResult<T> {
  items: Located<T>[];
  problems: Problem[];
  /** Entries that failed validation, as written: what they meant to define can still be told. */
  rejected: unknown[];
  /** The file could not be read as a list at all (not UTF-8, not YAML, not a list). */
  unreadable: boolean;
}

export async function readYamlList<S extends z.ZodTypeAny>(
  path: string,
  displayPath: string,
  schema: S,
): Promise<YamlListResult<z.output<S>>> {
  const read = await readContentFile(path, displayPath);
  if (read.problem) return { items: [], problems: [read.problem], rejected: [], unreadable: true };
  return parseYamlList(read.text, displayPath, schema);
}

export function parseYamlList<S extends z.ZodTypeAny>(
  source: string,
  file: string,
  schema: S,
): YamlListResult<z.output<S>> {
  const deep = nestingProblem(source, file, 'yaml');
  if (deep) return { items: [], problems: [deep], rejected: [], unreadable: true };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const problems: Problem[] = doc.errors.map((e) =>
    problem('yaml-syntax', file, lineOf(e.pos[0]), `invalid YAML: ${e.message.split('\n')[0]}`),
  );
  if (problems.length) return { items: [], problems, rejected: [], unreadable: true };
  if (doc.contents === null) return { items: [], problems: [], rejected: [], unreadable: false };
  if (!isSeq(doc.contents)) {
    const line = lineOf(doc.contents.range?.[0]);
    return {
      items: [],
      problems: [problem('yaml-not-a-list', file, line, 'expected a YAML list of entries')],
      rejected: [],
      unreadable: true,
    };
  }
  let data: unknown[];
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown[];
  } catch (error) {
    // An alias bomb (a few lines expanding to billions of nodes): yaml stops it, we say where.
    const message = `YAML aliases expand more than ${MAX_YAML_ALIASES} times (${(error as Error).message.split('\n')[0]})`;
    return { items: [], problems: [problem('nesting-too-deep', file, 1, message)], rejected: [], unreadable: true };
  }
  const items: Located<z.output<S>>[] = [];
  const rejected: unknown[] = [];
  doc.contents.items.forEach((node, index) => {
    const itemLine = lineOf((node as Node).range?.[0]);
    const { value, issues } = validate(schema, data[index]);
    if (value !== null) items.push({ value, line: itemLine });
    else rejected.push(data[index]);
    for (const issue of describeIssues(issues)) {
      const target = issue.unknownKey
        ? keyNode(doc.getIn([index, ...issue.path.slice(0, -1)], true), issue.path.at(-1))
        : (doc.getIn([index, ...issue.path], true) as Node | undefined);
      const line = target?.range ? lineOf(target.range[0]) : itemLine;
      problems.push(problem(issue.unknownKey ? 'entry-unknown-key' : 'entry-invalid', file, line, issue.text));
    }
  });
  return { items, problems, rejected, unreadable: false };
}

/** A field of an entry that failed validation, as written: what it meant to define (`?` if not a string). */
export function rawField(entry: unknown, field: string): string {
  const value = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : '?';
}

/** The key node of `key` in a YAML map, for the line an unknown key is written on. */
function keyNode(map: unknown, key: string | number | undefined): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return isScalar(pair?.key) ? pair.key : undefined;
}
