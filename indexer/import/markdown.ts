/**
 * Lines of official text as Markdown: lines broken by the layout joined into paragraphs, bullet and
 * numbered lists as Markdown lists, aligned rows as a table, figure and table captions on a line of
 * their own, sub-headings as `###`; every character Markdown would read as syntax escaped, so the
 * text can only ever be text (no HTML, no links, no emphasis the PDF did not have).
 */
import { joinWords, type Line } from './document.ts';

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

type Block =
  | { kind: 'p' | 'li' | 'ol'; text: string; x: number; last: Line; n?: string }
  | { kind: 'h' | 'caption'; text: string }
  | { kind: 'table'; rows: string[][] };

export function toMarkdown(lines: Line[], options: MarkdownOptions): string {
  const blocks: Block[] = [];
  const inFigure = figureText(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (inFigure.has(i)) continue;
    if (options.isHeading(line)) {
      blocks.push({ kind: 'h', text });
      continue;
    }
    if (isCaption(text)) {
      blocks.push({ kind: 'caption', text });
      continue;
    }
    const rows = tableAt(lines, i);
    if (rows) {
      blocks.push({ kind: 'table', rows });
      i += rows.length - 1;
      continue;
    }
    const b = bullet.exec(text);
    if (b) {
      blocks.push({ kind: 'li', text: text.slice(b[0].length), x: line.x, last: line });
      continue;
    }
    const o = ordered.exec(text);
    if (o) {
      blocks.push({ kind: 'ol', text: text.slice(o[0].length), x: line.x, last: line, n: o[1]! });
      continue;
    }
    const open = blocks.at(-1);
    if (
      open &&
      (open.kind === 'p' || open.kind === 'li' || open.kind === 'ol') &&
      !marked.test(text) &&
      continues(open, line, options)
    ) {
      open.text = joinWords(open.text, text);
      open.last = line;
    } else blocks.push({ kind: 'p', text, x: line.x, last: line });
  }
  return render(blocks);
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

/** Whether a line carries on the paragraph or list item above it rather than starting a new one. */
function continues(block: { kind: string; x: number; last: Line }, line: Line, options: MarkdownOptions): boolean {
  const prev = block.last;
  const size = Math.max(prev.size, line.size, 1);
  if (prev.page === line.page && prev.y - line.y > 1.9 * size) return false; // a blank line between
  const full = prev.right >= options.rightEdge(prev.page) - 2 * size;
  if (!full && /[。．.！？!?：:]$/.test(prev.text.trim())) return false;
  // A list item's wrapped lines hang under its text, or (text without indents) follow a full line.
  if (block.kind !== 'p') return line.x > block.x + 0.3 * size || full;
  // A first line indented by about a character starts a paragraph (the Japanese 字下げ).
  return !(prev.page === line.page && line.x > prev.x + 0.6 * size && line.x < prev.x + 2.5 * size);
}

/** Two or more consecutive lines split into the same number (≥ 2) of cells: a simple table. */
function tableAt(lines: Line[], from: number): string[][] | null {
  const width = lines[from]!.cells.length;
  if (width < 2) return null;
  let to = from;
  while (to + 1 < lines.length && lines[to + 1]!.cells.length === width) to++;
  if (to === from) return null;
  return lines.slice(from, to + 1).map((l) => l.cells.map((c) => c.text.trim()));
}

function render(blocks: Block[]): string {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    const prev = blocks[i - 1];
    // Items of one list stay together (a tight list); everything else is its own paragraph.
    const tight = prev && (block.kind === 'li' || block.kind === 'ol') && prev.kind === block.kind;
    const text = renderBlock(block);
    if (tight) out[out.length - 1] += `\n${text}`;
    else out.push(text);
  });
  return out.join('\n\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'h':
      return `### ${escapeMarkdown(block.text)}`;
    case 'caption':
      return `*${escapeMarkdown(block.text, true)}*`;
    case 'li':
      return `- ${escapeMarkdown(block.text, true)}`;
    case 'ol':
      return `${block.n}. ${escapeMarkdown(block.text, true)}`;
    case 'p':
      return escapeMarkdown(block.text, true);
    case 'table': {
      const cols = Math.max(...block.rows.map((r) => r.length));
      const row = (cells: string[]) =>
        `| ${Array.from({ length: cols }, (_, i) => escapeMarkdown(cells[i] ?? '')).join(' | ')} |`;
      return [row(block.rows[0]!), `|${' --- |'.repeat(cols)}`, ...block.rows.slice(1).map(row)].join('\n');
    }
  }
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
