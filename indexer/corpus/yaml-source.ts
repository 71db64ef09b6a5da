/**
 * Reads a YAML list file (mappings, glossary, FAQ, guideline metadata) and validates each item with a
 * zod schema, keeping the source line of every item and every invalid field.
 */
import { readFile } from 'node:fs/promises';
import { isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { describeZodPath, type Problem } from './problems.ts';
import { decodeContent } from './utf8.ts';

export interface Located<T> {
  value: T;
  line: number;
}

export interface YamlListResult<T> {
  items: Located<T>[];
  problems: Problem[];
}

export async function readYamlList<S extends z.ZodTypeAny>(
  path: string,
  displayPath: string,
  schema: S,
): Promise<YamlListResult<z.output<S>>> {
  const decoded = decodeContent(await readFile(path), displayPath);
  if (decoded.problem) return { items: [], problems: [decoded.problem] };
  return parseYamlList(decoded.text, displayPath, schema);
}

export function parseYamlList<S extends z.ZodTypeAny>(
  source: string,
  file: string,
  schema: S,
): YamlListResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    line: lineOf(e.pos[0]),
    message: `invalid YAML: ${e.message.split('\n')[0]}`,
  }));
  if (problems.length) return { items: [], problems };
  if (doc.contents === null) return { items: [], problems: [] };
  if (!isSeq(doc.contents)) {
    return {
      items: [],
      problems: [{ file, line: lineOf(doc.contents.range?.[0]), message: 'expected a YAML list of entries' }],
    };
  }
  const data = doc.toJS() as unknown[];
  const items: Located<z.output<S>>[] = [];
  doc.contents.items.forEach((node, index) => {
    const itemLine = lineOf((node as Node).range?.[0]);
    const parsed = schema.safeParse(data[index]);
    if (parsed.success) {
      items.push({ value: parsed.data, line: itemLine });
      return;
    }
    for (const issue of parsed.error.issues) {
      const target = doc.getIn([index, ...issue.path], true) as Node | undefined;
      const line = target?.range ? lineOf(target.range[0]) : itemLine;
      problems.push({ file, line, message: `${describeZodPath(issue.path)}${issue.message}` });
    }
  });
  return { items, problems };
}
