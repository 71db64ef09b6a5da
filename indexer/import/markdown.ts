/**
 * Lines of official text as Markdown: lines broken by the layout joined into paragraphs, bullet and
 * numbered lists as Markdown lists, aligned rows as a table, figure and table captions on a line of
 * their own, sub-headings as `###`; every character Markdown would read as syntax escaped, so the
 * text can only ever be text (no HTML, no links, no emphasis the PDF did not have).
 */
import { joinWords, type Footnote, type Line } from './document.ts';
import { spansOf, tableAt } from './tables.ts';

const bullet = /^[・•●○◆◇■□▪▫◦‣∙►▶✓✔☐□]\s*|^[-–*]\s+/;
const ordered = /^(\d{1,2})[.)）](?![0-9])\s*/;
/** Markers that number a paragraph rather than a list item: （1）, ①, (a), (ア). */
const marked = /^(?:[(（](?:\d{1,2}|[a-zA-Zア-ン])[)）]|[①-⑳])/;
const caption = /^(?:図|表|Figure|Table)\s*[0-9０-９A-ZＡ-Ｚ]+(?:\s*[-‐－−.．]\s*[0-9０-９]+)*(?=\s|$|[^\x00-\x7F])/;

export function isCaption(text: string): boolean {
  return caption.test(text.trim());
}

export interface MarkdownOptions {
  /** Whether a line is a sub-heading inside the unit. */
  isHeading(line: Line): boolean;
  /** The right edge of the text on a page: a line ending well before it ends its paragraph. */
  rightEdge(page: number): number;
}

/** Markdown with the page each of its lines comes from (a paragraph's: the page of its first line). */
export interface PagedMarkdown {
  text: string;
  /** One page per line of `text`. */
  pages: number[];
}

/** A footnote reference in a block's text: after `at` characters, the note's label. */
interface Ref {
  at: number;
  label: string;
}

type Block = { page: number; notes: Footnote[] } & (
  | { kind: 'p' | 'li' | 'ol'; text: string; x: number; last: Line; n?: string; refs: Ref[] }
  | { kind: 'h' | 'caption'; text: string }
  | { kind: 'table'; rows: string[][]; pages: number[] }
);

export function toMarkdown(lines: Line[], options: MarkdownOptions): string {
  return toPagedMarkdown(lines, options).text;
}

export function toPagedMarkdown(lines: Line[], options: MarkdownOptions): PagedMarkdown {
  const blocks: Block[] = [];
  const inFigure = figureText(lines);
  const edges = textEdges(lines, options);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    const at = { page: line.page, notes: line.notes ?? [] };
    if (inFigure.has(i)) {
      blocks.at(-1)?.notes.push(...at.notes);
      continue;
    }
    // A table first: its header row is often set in bold, like a sub-heading, and so are its
    // repeats on continuation pages.
    const table = isCaption(text)
      ? null
      : tableAt(lines, i, (l) => isCaption(l.text) || (options.isHeading(l) && spansOf(l).length < 2));
    if (table) {
      blocks.push({ kind: 'table', rows: table.rows, pages: table.pages, page: line.page, notes: table.notes });
      i = table.end - 1;
      continue;
    }
    if (options.isHeading(line)) {
      blocks.push({ kind: 'h', text, ...at });
      continue;
    }
    if (isCaption(text)) {
      blocks.push({ kind: 'caption', text, ...at });
      continue;
    }
    const b = bullet.exec(text);
    if (b) {
      blocks.push({
        kind: 'li',
        text: text.slice(b[0].length),
        x: line.x,
        last: line,
        refs: refsOf(line, b[0].length),
        ...at,
      });
      continue;
    }
    const o = ordered.exec(text);
    if (o) {
      blocks.push({
        kind: 'ol',
        text: text.slice(o[0].length),
        x: line.x,
        last: line,
        n: o[1]!,
        refs: refsOf(line, o[0].length),
        ...at,
      });
      continue;
    }
    const open = blocks.at(-1);
    if (
      open &&
      (open.kind === 'p' || open.kind === 'li' || open.kind === 'ol') &&
      !marked.test(text) &&
      continues(open, line, edges)
    ) {
      const joined = joinWords(open.text, text);
      // joinWords keeps the second piece whole at the end: the line's references move with it.
      open.refs.push(...refsOf(line, 0, joined.length - text.length));
      open.text = joined;
      open.last = line;
      open.notes.push(...at.notes);
    } else blocks.push({ kind: 'p', text, x: line.x, last: line, refs: refsOf(line, 0), ...at });
  }
  return render(blocks);
}

/** A line's references, for its text with `cut` characters taken off the front and `shift` put before it. */
function refsOf(line: Line, cut: number, shift = 0): Ref[] {
  const lead = line.text.length - line.text.trimStart().length;
  return (line.refs ?? []).map((r) => ({ at: Math.max(0, r.at - lead - cut) + shift, label: r.label }));
}

/**
 * Text drawn inside figures: the short lines (box labels, arrows' words) right above a figure's
 * caption (図 N-N, set below its figure). Out of their drawing they are fragments, so the figure is
 * noted by its caption alone.
 */
function figureText(lines: Line[]): Set<number> {
  const inside = new Set<number>();
  lines.forEach((line, c) => {
    if (!/^(?:図|Figure)/.test(line.text.trim()) || !isCaption(line.text)) return;
    for (let j = c - 1; j >= 0 && c - j <= 40; j--) {
      const text = lines[j]!.text.trim();
      if (text.length > 30 || /[。．：:]$/.test(text) || bullet.test(text) || isCaption(text)) break;
      inside.add(j);
    }
  });
  return inside;
}

/**
 * Where text lines start and end, by page and column: a line ending well before the right edge ends
 * its paragraph (unless it ends mid-sentence), one starting a character or two in from the left
 * edge starts one (the Japanese 字下げ) — on the next page too, so a paragraph's break survives the
 * page break.
 */
interface Edges {
  left(line: Line): number;
  right(line: Line): number;
}

function textEdges(lines: Line[], options: MarkdownOptions): Edges {
  const key = (l: Line) => `${l.page}:${l.column ?? ''}`;
  const xs = new Map<string, number[]>();
  const rights = new Map<string, number[]>();
  for (const l of lines) {
    if (!xs.has(key(l))) {
      xs.set(key(l), []);
      rights.set(key(l), []);
    }
    xs.get(key(l))!.push(Math.round(l.x));
    rights.get(key(l))!.push(l.right);
  }
  // The left edge: where most lines start (the leftmost such place, a hanging indent is further in).
  const left = new Map(
    [...xs].map(([k, v]) => {
      const counts = new Map<number, number>();
      for (const x of v) counts.set(x, (counts.get(x) ?? 0) + 1);
      const most = Math.max(...counts.values());
      return [k, Math.min(...[...counts].filter(([, n]) => n * 2 >= most).map(([x]) => x))];
    }),
  );
  const right = new Map([...rights].map(([k, r]) => [k, r.sort((a, b) => a - b)[Math.round(0.9 * (r.length - 1))]!]));
  return {
    left: (l) => left.get(key(l)) ?? l.x,
    right: (l) =>
      l.column === undefined
        ? Math.max(options.rightEdge(l.page), right.get(key(l)) ?? 0)
        : (right.get(key(l)) ?? l.right),
  };
}

/** Whether a line carries on the paragraph or list item above it rather than starting a new one. */
function continues(block: { kind: string; x: number; last: Line }, line: Line, edges: Edges): boolean {
  const prev = block.last;
  const size = Math.max(prev.size, line.size, 1);
  const sameColumn = prev.page === line.page && prev.column === line.column;
  if (sameColumn && prev.y - line.y > 1.9 * size) return false; // a blank line between
  const full = prev.right >= edges.right(prev) - 2 * size;
  if (!full && /[。．.！？!?：:]$/.test(prev.text.trim())) return false;
  // A list item's wrapped lines hang under its text, or (text without indents) follow a full line.
  if (block.kind !== 'p') return line.x > block.x + 0.3 * size || full;
  // A first line indented by about a character starts a paragraph (the Japanese 字下げ), on this
  // page or at the top of the next.
  const left = sameColumn ? Math.min(prev.x, edges.left(line)) : edges.left(line);
  return !(line.x > left + 0.6 * size && line.x < left + 2.5 * size);
}

function render(blocks: Block[]): PagedMarkdown {
  const text: string[] = [];
  const pages: number[] = [];
  const add = (lines: string[], page: number | number[], tight: boolean) => {
    if (text.length) {
      if (!tight) {
        text.push('');
        pages.push(pages.at(-1)!);
      }
    }
    lines.forEach((l, i) => {
      text.push(l);
      pages.push(Array.isArray(page) ? page[i]! : page);
    });
  };
  blocks.forEach((block, i) => {
    const prev = blocks[i - 1];
    // Items of one list stay together (a tight list); everything else is its own paragraph.
    const tight = Boolean(
      prev && (block.kind === 'li' || block.kind === 'ol') && prev.kind === block.kind && !prev.notes.length,
    );
    if (block.kind === 'table') {
      const rows = renderTable(block.rows);
      add(rows, [block.pages[0]!, ...block.pages], tight);
    } else add([renderBlock(block)], block.page, tight);
    // Its footnotes follow the block, each a paragraph of its own.
    for (const note of block.notes) add([`${noteMark(note.label)}${escapeMarkdown(note.text)}`], note.page, false);
  });
  return { text: text.join('\n'), pages };
}

/** How a footnote's reference and the note itself are marked: 「［注3］」 (not `[^3]`, the project's source citations). */
export function noteMark(label: string): string {
  return `［注${label}］`;
}

function renderBlock(block: Exclude<Block, { kind: 'table' }>): string {
  switch (block.kind) {
    case 'h':
      return `### ${escapeMarkdown(block.text)}`;
    case 'caption':
      return `*${escapeMarkdown(block.text, true)}*`;
    case 'li':
      return `- ${withRefs(block.text, block.refs)}`;
    case 'ol':
      return `${block.n}. ${withRefs(block.text, block.refs)}`;
    case 'p':
      return withRefs(block.text, block.refs);
  }
}

/** The text escaped, with its footnote references marked where the superscripts were. */
function withRefs(text: string, refs: Ref[]): string {
  let marked = text;
  for (const r of [...refs].sort((a, b) => b.at - a.at))
    marked = `${marked.slice(0, r.at)}\uE000${r.label}\uE001${marked.slice(r.at)}`;
  return escapeMarkdown(marked, true).replace(/\uE000([^\uE001]*)\uE001/g, (_, label: string) => noteMark(label));
}

/** Rows as a Markdown table, the first as its header; every cell escaped (a `|` in a cell too). */
function renderTable(rows: string[][]): string[] {
  const cols = Math.max(...rows.map((r) => r.length));
  const row = (cells: string[]) =>
    `| ${Array.from({ length: cols }, (_, i) => escapeMarkdown(cells[i] ?? '')).join(' | ')} |`;
  return [row(rows[0]!), `|${' --- |'.repeat(cols)}`, ...rows.slice(1).map(row)];
}

/**
 * Text that Markdown reads as text only: ASCII punctuation with a meaning (emphasis, code, links,
 * HTML, headings, tables, entities) backslash-escaped; at the start of a paragraph, also what would
 * make it a list, a quote or a heading.
 */
export function escapeMarkdown(text: string, startsBlock = false): string {
  const escaped = text.replace(/[\\`*_{}[\]<>#|~&!]/g, '\\$&');
  return startsBlock ? escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2') : escaped;
}
