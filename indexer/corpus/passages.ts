/**
 * Official text cut into passages, the size a question is answered by: each paragraph, each list item
 * and each table row (rows are lines of a pipe table; the parser reads no GFM, so a table is a
 * paragraph of `| … |` lines). A sub-heading opens the passage after it rather than standing alone:
 * a heading's few words would otherwise outrank the text they name. Each passage starts on the page of
 * its first line (the unit file's `pageLines`), so an answer cites that page, not the unit's range.
 */
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PageRange, Passage } from './schema/index.ts';

export interface PassageSource {
  /** The body's top-level nodes, positioned in `source`. */
  nodes: readonly RootContent[];
  source: string;
  /** The source line that is line 1 of the clause's `markdown`. */
  firstLine: number;
  /** The source line that is body line 1, as `pageLines` counts. */
  bodyLine: number;
  pages: PageRange;
  pageLines?: readonly (readonly [number, number])[];
}

export function officialPassages(s: PassageSource): Passage[] {
  const lines = s.source.split('\n');
  const out: Passage[] = [];
  let heading: { line: number; text: string } | null = null;
  const pagesAt = (line: number): PageRange => {
    const body = line - s.bodyLine + 1;
    let page: number | undefined;
    for (const [at, p] of s.pageLines ?? []) {
      if (at > body) break;
      page = p;
    }
    return page === undefined ? s.pages : [page, page];
  };
  const push = (line: number, text: string) => {
    const own = text.trim();
    if (!own && !heading) return;
    const start = heading?.line ?? line;
    const whole = heading ? `${heading.text}${own ? `\n${own}` : ''}` : own;
    heading = null;
    out.push({ line: start - s.firstLine + 1, pages: pagesAt(start), text: whole });
  };
  for (const node of s.nodes) {
    const line = node.position?.start.line ?? s.firstLine;
    if (node.type === 'heading') {
      const text = toString(node).trim();
      heading = heading ? { line: heading.line, text: `${heading.text}\n${text}` } : { line, text };
    } else if (node.type === 'list') {
      for (const item of node.children) push(item.position?.start.line ?? line, blockText(item));
    } else if (node.type === 'paragraph' && isTable(node, lines)) {
      const end = node.position!.end.line;
      for (let at = line; at <= end; at++) {
        const row = rowText(lines[at - 1]!);
        if (row) push(at, row);
      }
    } else if (node.type !== 'html' && node.type !== 'thematicBreak' && node.type !== 'definition') {
      push(line, blockText(node));
    }
  }
  if (heading) push(heading.line, '');
  return out;
}

/** A block as plain text; list items on lines of their own, so snippets and bigrams never run one into the next. */
export function blockText(node: Nodes): string {
  if (node.type === 'list') return node.children.map(blockText).join('\n');
  if (node.type === 'listItem') return node.children.map(blockText).join('\n');
  return toString(node, { includeHtml: false });
}

/** A paragraph of two or more lines that all begin and end with `|`: a pipe table. */
function isTable(node: Nodes, lines: readonly string[]): boolean {
  const from = node.position?.start.line;
  const to = node.position?.end.line;
  if (!from || !to || to === from) return false;
  return lines.slice(from - 1, to).every((l) => /^\s*\|.*\|\s*$/.test(l));
}

const separator = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$/;

/** A table row's cells as text (`用語 | 説明`); '' for the line under the header. */
function rowText(line: string): string {
  if (separator.test(line)) return '';
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\(.)/g, '$1'))
    .filter(Boolean)
    .join(' | ');
}
