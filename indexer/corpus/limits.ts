/**
 * Limits every reader of content applies before it parses: a file's size (see read-file.ts, by
 * stat, before reading) and how deep its Markdown or YAML nests. Parsers are quadratic or recursive
 * in nesting (remark takes minutes on a list 1,000 deep, and 20,000 nested `>` overflow its stack),
 * while real content nests a few levels: a file deeper than the limit is refused at the line where
 * it goes too deep, before any parser sees it. Portable: the site's readers apply the same limits.
 */
import { type Problem, problem } from './problems.ts';

/** A content file's largest size: far above any chapter (the largest is ~40 kB), far below trouble. */
export const MAX_CONTENT_FILE_BYTES = 4 * 1024 * 1024;
/** How deep lists, quotes, maps and flow collections may nest. */
export const MAX_NESTING = 64;
/** How many times YAML aliases may be expanded (yaml's own default, said here so every reader uses it). */
export const MAX_YAML_ALIASES = 100;

const fence = /^(?:`{3,}|~{3,})/;

/** Columns of leading whitespace (a tab counts 4). */
function indentOf(prefix: string): number {
  let cols = 0;
  for (const ch of prefix)
    if (ch === ' ') cols++;
    else if (ch === '\t') cols += 4;
  return cols;
}

/**
 * How deep a Markdown line's container prefix nests: quote markers and list markers, plus the
 * indentation that nests list items (two columns a level).
 */
function markdownDepth(line: string): { depth: number; rest: string } {
  const prefix = /^(?:[ \t]|>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/.exec(line)![0];
  const markers = prefix.replace(/[ \t]/g, '').replace(/\d{1,9}[.)]/g, '-').length;
  return { depth: markers + Math.floor(indentOf(prefix) / 2), rest: line.slice(prefix.length) };
}

/** How deep a YAML line nests: block indentation, `- ` sequence markers, then flow brackets. */
function yamlDepth(line: string, flow: number): { depth: number; flow: number } {
  const prefix = /^(?:[ \t]|-(?=[ \t]|$))*/.exec(line)![0];
  const block = Math.floor(indentOf(prefix) / 2) + (prefix.match(/-/g)?.length ?? 0);
  let depth = flow;
  let max = flow;
  // Brackets in quoted strings are counted too: an overestimate only for strings of 64 unbalanced brackets.
  for (let i = prefix.length; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if ((ch === 0x5d || ch === 0x7d) && depth > 0) depth--;
    else if (ch === 0x23 && depth === 0 && (i === 0 || line[i - 1] === ' ')) break;
  }
  return { depth: block + max, flow: depth };
}

/**
 * The problem of a source nested deeper than MAX_NESTING (at its first such line), or null. Linear
 * in the source; fenced code in Markdown is skipped (it is shown as written, not parsed as blocks).
 */
export function nestingProblem(source: string, file: string, kind: 'markdown' | 'yaml', firstLine = 1): Problem | null {
  let inFence = false;
  let flow = 0;
  let line = firstLine - 1;
  for (const text of source.split('\n')) {
    line++;
    let depth: number;
    if (kind === 'yaml') {
      ({ depth, flow } = yamlDepth(text, flow));
    } else {
      const m = markdownDepth(text);
      if (fence.test(m.rest)) inFence = !inFence;
      depth = inFence ? 0 : m.depth;
    }
    if (depth > MAX_NESTING)
      return problem(
        'nesting-too-deep',
        file,
        line,
        `${kind === 'yaml' ? 'YAML' : 'Markdown'} nested ${depth} levels deep; the limit is ${MAX_NESTING}`,
      );
  }
  return null;
}

/** The problem of a file larger than MAX_CONTENT_FILE_BYTES (its size known before it is read), or null. */
export function sizeProblem(bytes: number, file: string): Problem | null {
  return bytes > MAX_CONTENT_FILE_BYTES
    ? problem(
        'file-too-large',
        file,
        1,
        `${bytes.toLocaleString('en')} bytes; the limit is ${MAX_CONTENT_FILE_BYTES.toLocaleString('en')} — split it`,
      )
    : null;
}
