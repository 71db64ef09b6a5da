/**
 * Sets a document model (model.ts) in a layout (layouts.ts) with pdfkit, line by line — wrapping is
 * done here, not by pdfkit, so every line drawn is known — and records the ground truth the import
 * is held to: each unit's first and last page and its first and last line, the running lines that
 * must vanish, the scanned pages and the contents pages.
 */
import PDFDocument from 'pdfkit';
import type { Layout } from './layouts.ts';
import {
  type Block,
  type DocumentModel,
  gutpDocument,
  metiDocument,
  paragraph,
  plantDocument,
  type SampleGuideline,
  random,
  type Section,
  type Table,
} from './model.ts';
import { finished, font, grayPng } from './pdf-io.ts';

export interface TruthUnit {
  chapter: string;
  section: string;
  pages: [number, number];
  /** The heading's first line and the unit's last line, as drawn. */
  first: string;
  last: string;
  /** Footnotes at the foot of the last page: read in page order, one of them may come last. */
  notes?: string[];
  /** Its heading is only in a scanned image: no import can find it. */
  missing?: boolean;
}

export interface Truth {
  layout: string;
  guideline: SampleGuideline;
  pages: number;
  /** Every official unit the document holds, in document order. */
  units: TruthUnit[];
  /** Texts of the running headers and footers (page numbers as printed included). */
  running: string[];
  contentsPages: number[];
  imagePages: number[];
  /** Pages whose bookmark points elsewhere than the heading (shifted layouts), with where it points. */
  shiftedBookmarks: { unit: string; heading: number; bookmark: number }[];
  footnotes: string[];
  urls: string[];
}

type Role = 'heading' | 'body' | 'note' | 'running' | 'contents' | 'title';
type FontKey = 'body' | 'bold' | 'heading' | 'light';
interface Run {
  text: string;
  x: number;
  font: FontKey;
  size: number;
  /** Raise above the baseline (a footnote marker). */
  raise?: number;
}
interface Drawn {
  page: number;
  text: string;
  role: Role;
  unit?: string;
}
interface Geometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}
type PageKind = 'title' | 'contents' | 'portrait' | 'landscape' | 'slide' | 'image';
interface PageInfo {
  kind: PageKind;
  /** The chapter heading a running header names on this page. */
  chapter: string;
  /** Footnotes set at the bottom of this page. */
  notes: string[];
  noteReserve: number;
  /** The slide's title bar, if it has one. */
  titleBar?: string;
}

const A4: [number, number] = [595.28, 841.89];
const SLIDE: [number, number] = [960, 540];
const NOTE_SIZE = 8;
const MARK = /\u0001(\d+)\u0002/g;

/** Full-width digits and dots, as Word's numbered headings in Japanese documents print them. */
function wide(text: string): string {
  return text.replace(/[0-9A-Za-z.\-:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export function headingText(section: Section, layout: Layout): string {
  const { numbering } = layout;
  const chapterNumber = /^\d+$/.test(section.label) ? section.label : /^第(\d+)章$/.exec(section.label)?.[1];
  if (chapterNumber) {
    if (numbering === 'fullwidth') return `${wide(`${chapterNumber}.`)}${section.title}`;
    if (numbering === 'label') return `第${chapterNumber}章 ${section.title}`;
    return `${chapterNumber}${layout.guideline === 'gutp' ? '.' : ''} ${section.title}`;
  }
  if (section.number && section.label.startsWith('ステップ')) {
    if (numbering === 'fullwidth')
      return `${wide(section.number)}．ステップ${wide(section.label.slice(4))}：${section.title}`;
    if (numbering === 'label') return `${section.label} ${section.title}`;
    return `${section.number} ${section.label} ${section.title}`;
  }
  return numbering === 'fullwidth' ? `${wide(section.label)}　${section.title}` : `${section.label} ${section.title}`;
}

/** A sub-heading's numbering follows the layout too. */
function subText(text: string, layout: Layout): string {
  return layout.numbering === 'fullwidth'
    ? text
        .replace(/^[\d.]+/, (n) => `${wide(n)}．`)
        .replace(/．．/, '．')
        .replace(/．\s/, '．')
    : text;
}

class Setter {
  readonly doc: PDFKit.PDFDocument;
  readonly drawn: Drawn[] = [];
  readonly pages: PageInfo[] = [];
  readonly headings: { unit: string; page: number; level: number; text: string }[] = [];
  readonly notes: string[] = [];
  readonly urls = new Set<string>();
  private widths = new Map<string, number>();
  private geometry!: Geometry;
  private flowKind: PageKind;
  y = 0;
  unit: string | undefined;
  chapter = '';
  titleBar: string | undefined;
  readonly size: number;
  private struct: PDFKit.PDFStructureElement | undefined;

  constructor(
    readonly layout: Layout,
    readonly model: DocumentModel,
  ) {
    this.doc = new PDFDocument({
      size: A4,
      margin: 0,
      bufferPages: true,
      autoFirstPage: false,
      info: { Title: model.title },
      ...(layout.tagged ? { tagged: true, lang: 'ja-JP' } : {}),
    } as PDFKit.PDFDocumentOptions);
    const weights: Record<FontKey, string> =
      layout.headings === 'typeface'
        ? { body: 'Light', bold: 'Bold', heading: 'Medium', light: 'Light' }
        : { body: 'Regular', bold: 'Bold', heading: layout.headings === 'plain' ? 'Regular' : 'Bold', light: 'Light' };
    for (const [key, weight] of Object.entries(weights)) this.doc.registerFont(key, font(weight));
    this.flowKind = layout.source === 'slides' ? 'slide' : 'portrait';
    this.size = layout.source === 'slides' ? 15 : 10.5;
    if (layout.tagged) {
      this.struct = this.doc.struct('Document');
      this.doc.addStructure(this.struct);
    }
  }

  get page(): number {
    return this.pages.length;
  }
  get leading(): number {
    return this.size * 1.6;
  }
  get left(): number {
    return this.geometry.left;
  }
  get textWidth(): number {
    return this.geometry.right - this.geometry.left;
  }

  addPage(kind: PageKind = this.flowKind): void {
    const [w, h] = kind === 'slide' ? SLIDE : kind === 'landscape' ? [A4[1], A4[0]] : A4;
    this.doc.addPage({ size: [w, h], margin: 0 });
    const slide = kind === 'slide';
    this.geometry = slide
      ? { width: w, height: h, left: 48, right: w - 48, top: 92, bottom: h - 48 }
      : { width: w, height: h, left: 72, right: w - 72, top: 85, bottom: h - 78 };
    this.pages.push({ kind, chapter: this.chapter, notes: [], noteReserve: 0 });
    this.y = this.geometry.top;
    if (slide && this.titleBar !== undefined)
      this.drawTitleBar(this.titleBar, this.pages.length > 1 ? 'running' : 'heading');
  }

  /** The slide's title bar: a filled band with the title in it. */
  drawTitleBar(text: string, role: Role): void {
    const info = this.pages.at(-1)!;
    info.titleBar = text;
    this.doc.save().rect(0, 0, this.geometry.width, 70).fill('#dde4ee').restore();
    this.doc.fillColor('black');
    this.y = 22;
    this.artifact(role === 'running', () => this.runs([{ text, x: 36, font: 'bold', size: 22 }], 24, role));
    this.y = this.geometry.top;
  }

  private get bottom(): number {
    const info = this.pages.at(-1)!;
    return this.geometry.bottom - info.noteReserve;
  }

  room(height: number): boolean {
    return this.y + height <= this.bottom;
  }

  ensure(height: number): void {
    if (!this.room(height)) this.addPage();
  }

  width(text: string, key: FontKey, size: number): number {
    let w = 0;
    for (const ch of text) {
      const k = `${key}\u0000${ch}`;
      let cw = this.widths.get(k);
      if (cw === undefined) {
        cw = this.doc.font(key).fontSize(1000).widthOfString(ch) / 1000;
        this.widths.set(k, cw);
      }
      w += cw * size;
    }
    return w;
  }

  /** Lines of at most `width`: any character may end a line except inside a Latin word; a URL breaks after a slash. */
  wrap(text: string, width: number, key: FontKey, size: number): string[] {
    const tokens = text.match(/\u0001\d+\u0002|https?:\/\/[^\s]+|[A-Za-z0-9][A-Za-z0-9.\-_]*|\s+|./gsu) ?? [];
    const lines: string[] = [];
    let line = '';
    let w = 0;
    const tokenWidth = (t: string) =>
      t.startsWith('\u0001') ? this.width(t.slice(1, -1), key, size * 0.6) : this.width(t, key, size);
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      w = 0;
    };
    for (let token of tokens) {
      if (/^https?:/.test(token)) this.urls.add(token);
      while (w + tokenWidth(token) > width && !/^[。、」）\u0001]/.test(token)) {
        if (/^\s+$/.test(token)) {
          token = '';
          break;
        }
        // A URL (or an overlong word) is broken where it must be: after the last slash or hyphen that fits.
        if (/^https?:|^[A-Za-z0-9]{16,}/.test(token)) {
          let fit = 0;
          while (fit < token.length && w + this.width(token.slice(0, fit + 1), key, size) <= width) fit++;
          const cut = Math.max(token.lastIndexOf('/', fit - 1), token.lastIndexOf('-', fit - 1)) + 1;
          const at = cut > 8 ? cut : fit || (line ? 0 : 1);
          if (at > 0) {
            line += token.slice(0, at);
            token = token.slice(at);
          }
          push();
          continue;
        }
        if (!line) break;
        push();
        if (/^\s+$/.test(token)) token = '';
      }
      line += token;
      w += tokenWidth(token);
    }
    if (line.trim()) push();
    return lines;
  }

  /** Draws runs on one baseline at the cursor and records the line. */
  runs(runs: Run[], advance: number, role: Role, unit = this.unit): void {
    const base = Math.max(...runs.map((r) => r.size));
    for (const r of runs) {
      this.doc
        .font(r.font)
        .fontSize(r.size)
        .text(r.text, r.x, this.y + (base - r.size) * 0.88 - (r.raise ?? 0), { lineBreak: false });
    }
    const text = runs.map((r) => r.text).join('');
    this.drawn.push({ page: this.page, text: text.replace(MARK, ''), role, ...(unit ? { unit } : {}) });
    this.y += advance;
  }

  /** A line of body text whose footnote markers are set small and raised; their notes go to this page's foot. */
  textLine(text: string, x: number, key: FontKey, size: number, role: Role = 'body'): void {
    const notes = [...text.matchAll(MARK)].map((m) => Number(m[1]));
    const reserve = notes.reduce((h, n) => h + this.noteHeight(this.notes[n - 1]!), 0);
    if (!this.room(this.leading + reserve + (notes.length && !this.pages.at(-1)!.noteReserve ? 10 : 0))) this.addPage();
    const info = this.pages.at(-1)!;
    if (notes.length) {
      if (!info.noteReserve) info.noteReserve = 10;
      for (const n of notes) {
        info.notes.push(`${n}\u0000${this.notes[n - 1]!}`);
        info.noteReserve += this.noteHeight(this.notes[n - 1]!);
      }
    }
    const runs: Run[] = [];
    let at = x;
    for (const part of text.split(/(\u0001\d+\u0002)/)) {
      if (!part) continue;
      const mark = /^\u0001(\d+)\u0002$/.exec(part);
      const run: Run = mark
        ? { text: mark[1]!, x: at, font: key, size: size * 0.6, raise: size * 0.38 }
        : { text: part, x: at, font: key, size };
      runs.push(run);
      at += this.width(run.text, key, run.size);
    }
    this.tagged('P', () => this.runs(runs, this.leading, role));
  }

  private noteHeight(note: string): number {
    return this.wrap(note, this.textWidth - 16, 'body', NOTE_SIZE).length * NOTE_SIZE * 1.4;
  }

  /** Footnotes at the foot of every page that has them, above the footer. */
  setNotes(): void {
    this.pages.forEach((info, i) => {
      if (!info.notes.length) return;
      this.doc.switchToPage(i);
      const g = this.geometryOf(info.kind);
      let y = g.bottom - info.noteReserve + 6;
      this.doc
        .moveTo(g.left, y)
        .lineTo(g.left + 120, y)
        .lineWidth(0.5)
        .stroke();
      y += 4;
      for (const entry of info.notes) {
        const [n, note] = entry.split('\u0000') as [string, string];
        this.wrap(note, g.right - g.left - 16, 'body', NOTE_SIZE).forEach((line, k) => {
          if (k === 0) this.doc.font('body').fontSize(NOTE_SIZE).text(n, g.left, y, { lineBreak: false });
          this.doc
            .font('body')
            .fontSize(NOTE_SIZE)
            .text(line, g.left + 12, y, { lineBreak: false });
          y += NOTE_SIZE * 1.4;
        });
      }
    });
  }

  geometryOf(kind: PageKind): Geometry {
    const [w, h] = kind === 'slide' ? SLIDE : kind === 'landscape' ? [A4[1], A4[0]] : A4;
    return kind === 'slide'
      ? { width: w, height: h, left: 48, right: w - 48, top: 92, bottom: h - 48 }
      : { width: w, height: h, left: 72, right: w - 72, top: 85, bottom: h - 78 };
  }

  /** Marked content for a tagged PDF: a structure element of `type` around what `draw` sets. */
  tagged(type: string, draw: () => void): void {
    if (this.struct) this.struct.add(this.doc.struct(type, {}, [draw]));
    else draw();
  }

  artifact(on: boolean, draw: () => void): void {
    if (this.struct && on) this.doc.markContent('Artifact', { type: 'Pagination' });
    draw();
    if (this.struct && on) this.doc.endMarkedContent();
  }

  finish(): void {
    this.struct?.end();
  }
}

/** Heading sizes and fonts per level for the layout's heading style. */
function headingStyle(layout: Layout, level: 1 | 2 | 3, body: number): { key: FontKey; size: number } {
  switch (layout.headings) {
    case 'large-bold':
      return { key: 'heading', size: layout.source === 'slides' ? [0, 22, 18, 17][level]! : [0, 16, 13, 11.5][level]! };
    default:
      return { key: 'heading', size: body };
  }
}

function setHeading(s: Setter, text: string, level: 1 | 2 | 3, unit: string | undefined): void {
  const { key, size } = headingStyle(s.layout, level, s.size);
  const lines = s.wrap(text, s.textWidth, key, size);
  s.ensure(lines.length * size * 1.6 + 4 * s.leading);
  s.y += level === 1 ? 0 : s.leading * 0.6;
  if (unit) s.headings.push({ unit, page: s.page, level, text });
  s.tagged(`H${level}`, () => {
    for (const line of lines)
      s.runs([{ text: line, x: s.left, font: key, size }], size * 1.6, unit ? 'heading' : 'body', unit ?? s.unit);
  });
  s.y += s.leading * 0.4;
}

function setParagraph(s: Setter, text: string, x = s.left, width = s.textWidth): void {
  const lines = s.wrap(text, width - s.size, 'body', s.size);
  lines.forEach((line, i) => s.textLine(line, i === 0 ? x + s.size : x, 'body', s.size));
  s.y += s.leading * 0.4;
}

function setList(s: Setter, items: string[]): void {
  for (const item of items) {
    s.wrap(item, s.textWidth - 2 * s.size, 'body', s.size).forEach((line, i) => {
      if (i > 0) {
        s.textLine(line, s.left + 1.5 * s.size, 'body', s.size);
        return;
      }
      s.ensure(s.leading);
      s.runs(
        [
          { text: '・', x: s.left + 0.5 * s.size, font: 'body', size: s.size },
          { text: line, x: s.left + 1.5 * s.size, font: 'body', size: s.size },
        ],
        s.leading,
        'body',
      );
    });
  }
  s.y += s.leading * 0.4;
}

/** A table with ruled rows, cells wrapped within their columns; its header row repeats on a new page. */
function setTable(s: Setter, table: Table): void {
  const size = s.size * 0.9;
  const lead = size * 1.5;
  const pad = 4;
  const xs: number[] = [];
  let x = s.left;
  for (const w of table.widths) {
    xs.push(x);
    x += w * s.textWidth;
  }
  const cellLines = (row: string[], key: FontKey) =>
    row.map((cell, c) => (cell ? s.wrap(cell, table.widths[c]! * s.textWidth - 2 * pad, key, size) : []));
  const drawRow = (row: string[], key: FontKey) => {
    const lines = cellLines(row, key);
    const height = Math.max(1, ...lines.map((l) => l.length)) * lead + 2 * pad;
    const top = s.y;
    s.doc
      .moveTo(s.left, top)
      .lineTo(s.left + s.textWidth, top)
      .lineWidth(0.5)
      .stroke();
    s.y += pad;
    for (let k = 0; k < Math.max(1, ...lines.map((l) => l.length)); k++) {
      const runs = lines.map((l, c) => ({ text: l[k] ?? '', x: xs[c]! + pad, font: key, size })).filter((r) => r.text);
      if (runs.length) s.runs(runs, lead, 'body');
      else s.y += lead;
    }
    s.y = top + height;
    for (const cx of [...xs, s.left + s.textWidth]) s.doc.moveTo(cx, top).lineTo(cx, s.y).lineWidth(0.5).stroke();
    s.doc
      .moveTo(s.left, s.y)
      .lineTo(s.left + s.textWidth, s.y)
      .lineWidth(0.5)
      .stroke();
  };
  const rowHeight = (row: string[]) => Math.max(1, ...cellLines(row, 'body').map((l) => l.length)) * lead + 2 * pad;
  s.ensure(rowHeight(table.header) + rowHeight(table.rows[0] ?? []));
  drawRow(table.header, 'bold');
  for (const row of table.rows) {
    if (!s.room(rowHeight(row))) {
      s.addPage();
      drawRow(table.header, 'bold');
    }
    drawRow(row, 'body');
  }
  s.y += s.leading * 0.6;
}

/** An overview figure: a frame holding boxes, each with a label that reads like a heading, and its caption. */
function setFigure(s: Setter, caption: string, boxes: string[], perRow: number): void {
  // Labels in bold at the body's size: as heading-like as text gets.
  const size = s.size;
  const gap = 12;
  const boxWidth = (s.textWidth - 2 * gap - (perRow - 1) * gap) / perRow;
  const rows = Math.ceil(boxes.length / perRow);
  const boxHeight = size * 2 * 1.4 + 10;
  const height = rows * (boxHeight + gap) + gap;
  s.ensure(height + 3 * s.leading);
  const top = s.y;
  s.doc.rect(s.left, top, s.textWidth, height).lineWidth(1).stroke();
  for (let r = 0; r < rows; r++) {
    const y = top + gap + r * (boxHeight + gap);
    const row = boxes.slice(r * perRow, (r + 1) * perRow);
    const lines = row.map((b) => s.wrap(b, boxWidth - 12, 'bold', size));
    row.forEach((_, c) =>
      s.doc
        .rect(s.left + gap + c * (boxWidth + gap), y, boxWidth, boxHeight)
        .lineWidth(0.8)
        .stroke(),
    );
    for (let k = 0; k < Math.max(...lines.map((l) => l.length)); k++) {
      s.y = y + 5 + k * size * 1.4;
      const runs = lines
        .map((l, c) => ({ text: l[k] ?? '', x: s.left + gap + c * (boxWidth + gap) + 6, font: 'bold' as const, size }))
        .filter((run) => run.text);
      s.runs(runs, 0, 'body');
    }
  }
  s.y = top + height + 6;
  const w = s.width(caption, 'body', s.size);
  s.runs([{ text: caption, x: s.left + (s.textWidth - w) / 2, font: 'body', size: s.size }], s.leading * 1.4, 'body');
}

/** A boxed section (a コラム inside a chapter): framed, whole on one page; the text after it is the chapter's again. */
function setBox(s: Setter, section: Section, unit: string): void {
  const pad = 10;
  const inner = s.textWidth - 2 * pad;
  const { key, size } = headingStyle(s.layout, 2, s.size);
  const heading = s.wrap(headingText(section, s.layout), inner, key, size);
  const paragraphs = section.blocks.flatMap((b) => ('p' in b ? [s.wrap(b.p, inner - s.size, 'body', s.size)] : []));
  const height =
    heading.length * size * 1.6 + paragraphs.reduce((h, p) => h + (p.length + 0.4) * s.leading, 0) + 2 * pad + 6;
  s.ensure(height + s.leading);
  const outer = s.unit;
  const top = s.y;
  s.doc.rect(s.left, top, s.textWidth, height).lineWidth(1).stroke();
  s.y += pad;
  s.unit = unit;
  s.headings.push({ unit, page: s.page, level: 2, text: headingText(section, s.layout) });
  s.tagged('H2', () => {
    for (const line of heading) s.runs([{ text: line, x: s.left + pad, font: key, size }], size * 1.6, 'heading');
  });
  s.y += 6;
  for (const lines of paragraphs) {
    lines.forEach((line, i) => s.textLine(line, s.left + pad + (i ? 0 : s.size), 'body', s.size));
    s.y += s.leading * 0.4;
  }
  s.unit = outer;
  s.y = top + height + s.leading * 0.8;
}

/** Paragraphs in two columns, balanced, read column by column. */
function setColumns(s: Setter, paragraphs: string[]): void {
  const gap = 18;
  const width = (s.textWidth - gap) / 2;
  const lines = paragraphs.flatMap((p) =>
    s.wrap(p, width - s.size, 'body', s.size).map((l, i) => ({ l, first: i === 0 })),
  );
  const half = Math.ceil(lines.length / 2);
  s.ensure(half * s.leading);
  const top = s.y;
  lines.forEach(({ l, first }, i) => {
    if (i === half) s.y = top;
    s.textLine(l, s.left + (i >= half ? width + gap : 0) + (first ? s.size : 0), 'body', s.size);
  });
  s.y = top + half * s.leading + s.leading * 0.4;
}

function setImagePage(s: Setter): void {
  s.addPage('image');
  s.doc.image(grayPng(48, 64), 40, 40, { width: s.geometryOf('image').width - 80 });
  s.addPage();
}

function setBlock(s: Setter, block: Block, boxes: Map<Block, Section>): void {
  if ('p' in block) {
    let text = block.p;
    if (block.notes) {
      const sentences = text.split(/(?<=。)/);
      const notes = [...block.notes].sort((a, b) => a.after - b.after);
      const first = s.notes.length + 1;
      notes.forEach((note, k) => {
        s.notes.push(note.text);
        sentences[note.after] = `${sentences[note.after]}\u0001${first + k}\u0002`;
      });
      text = sentences.join('');
    }
    setParagraph(s, text);
  } else if ('list' in block) setList(s, block.list);
  else if ('table' in block) setTable(s, block.table);
  else if ('figure' in block) {
    if (s.layout.figure) setFigure(s, block.figure, block.boxes, block.perRow);
  } else if ('box' in block) setBox(s, block.box, unitKey(boxes.get(block)!));
  else if ('sub' in block) setHeading(s, subText(block.sub, s.layout), 3, undefined);
  else if ('columns' in block) setColumns(s, block.columns);
  else if ('image' in block) {
    if (s.layout.images) setImagePage(s);
  } else if ('landscape' in block) {
    if (s.layout.landscape && s.layout.source === 'word') {
      s.addPage('landscape');
      for (const b of block.landscape) setBlock(s, b, boxes);
      s.addPage('portrait');
    } else for (const b of block.landscape) setBlock(s, b, boxes);
  }
}

const unitKey = (section: Section) => `${section.unit!.chapter}/${section.unit!.section}`;

/** The document's sections as the layout sets them: columns moved into the section before them as boxes. */
function arrange(model: DocumentModel, layout: Layout): { sections: Section[]; boxes: Map<Block, Section> } {
  const boxes = new Map<Block, Section>();
  if (layout.columns !== 'boxes' || layout.source === 'slides') return { sections: model.sections, boxes };
  const sections: Section[] = [];
  for (const section of model.sections) {
    if (section.label.startsWith('コラム') && sections.length) {
      const host = sections.at(-1)!;
      const box: Block = { box: section };
      boxes.set(box, section);
      const blocks = [...host.blocks];
      blocks.splice(Math.ceil(blocks.length / 2), 0, box);
      sections[sections.length - 1] = { ...host, blocks };
    } else sections.push(section);
  }
  return { sections, boxes };
}

/** Writes the layout's PDF to `path` and returns its ground truth. */
export async function typeset(layout: Layout, path: string): Promise<Truth> {
  const model = { meti: metiDocument, gutp: gutpDocument, plant: plantDocument }[layout.guideline]();
  const s = new Setter(layout, model);
  const done = finished(s.doc, path);
  const { sections, boxes } = arrange(model, layout);
  const slides = layout.source === 'slides';

  // Title page.
  s.addPage(slides ? 'slide' : 'title');
  const titleSize = slides ? 30 : 22;
  s.y = slides ? 170 : 230;
  for (const line of s.wrap(model.title, s.textWidth, 'bold', titleSize)) {
    const w = s.width(line, 'bold', titleSize);
    s.runs(
      [{ text: line, x: s.left + (s.textWidth - w) / 2, font: 'bold', size: titleSize }],
      titleSize * 1.5,
      'title',
    );
  }
  for (const line of [model.edition, '2022年', model.publisher]) {
    s.y += 8;
    const w = s.width(line, 'body', 14);
    s.runs([{ text: line, x: s.left + (s.textWidth - w) / 2, font: 'body', size: 14 }], 24, 'title');
  }

  // Contents pages, filled in once the headings' pages are known.
  const entries = sections.flatMap((sec) => [sec, ...sec.blocks.flatMap((b) => ('box' in b ? [b.box] : []))]);
  const perPage = slides ? 14 : layout.contents === 'number-column' ? 18 : 30;
  const contentsPages: number[] = [];
  if (layout.contents !== 'none')
    for (let i = 0; i < Math.ceil(entries.length / perPage); i++) {
      s.addPage(slides ? 'slide' : 'contents');
      contentsPages.push(s.page);
    }

  // The body: each section with filler towards the page target.
  const total = sections.length;
  const rnd = random(layout.name.length * 7919);
  sections.forEach((section, i) => {
    const unit = unitKey(section);
    const text = headingText(section, layout);
    if (section.level === 1) s.chapter = text;
    const inImage = layout.headingInImage === section.label;
    if (slides && section.level === 1) {
      if (layout.sectionSlides) {
        s.titleBar = undefined;
        s.addPage('slide');
        s.y = 220;
        s.unit = unit;
        setHeading(s, text, 1, unit);
        s.titleBar = text;
        s.addPage('slide');
      } else {
        s.titleBar = undefined;
        s.addPage('slide');
        s.titleBar = text;
        s.unit = unit;
        s.headings.push({ unit, page: s.page, level: 1, text });
        s.pages.at(-1)!.chapter = text;
        s.drawTitleBar(text, 'heading');
      }
    } else if (inImage) {
      setImagePage(s);
      s.unit = unit;
      s.headings.push({ unit, page: s.page - 1, level: section.level, text: `\u0000${text}` });
    } else {
      if (section.level === 1 && s.page > 0) s.addPage(slides ? 'slide' : 'portrait');
      if (section.level === 1) s.pages.at(-1)!.chapter = text;
      s.unit = unit;
      setHeading(s, text, section.level, unit);
    }
    for (const block of section.blocks) setBlock(s, block, boxes);
    const wanted = Math.ceil((layout.pages * (i + 1)) / total);
    while (s.page < wanted) setParagraph(s, paragraph(rnd, `${section.label}の追加`, 6));
  });

  const byUnit = new Map<string, { page: number; text: string }>();
  for (const h of s.headings) if (!byUnit.has(h.unit)) byUnit.set(h.unit, h);
  setContents(s, entries, contentsPages, (sec) => byUnit.get(unitKey(sec))?.page ?? 0);
  s.setNotes();
  const running = setRunning(s);
  const shifted = setBookmarks(s);
  s.finish();
  s.doc.end();
  await done;

  const units: TruthUnit[] = [];
  for (const h of s.headings) {
    const lines = s.drawn.filter((d) => d.unit === h.unit);
    const first = lines.find((d) => d.role === 'heading');
    const body = lines.filter((d) => d.role === 'body');
    const last = body.at(-1) ?? first;
    const [chapter, section] = h.unit.split('/') as [string, string];
    units.push({
      chapter,
      section,
      pages: [first?.page ?? h.page, last?.page ?? h.page],
      first: first?.text ?? h.text.replace('\u0000', ''),
      last: last?.text ?? '',
      ...(last && s.pages[last.page - 1]!.notes.length
        ? { notes: s.pages[last.page - 1]!.notes.map((n) => n.replace('\u0000', '')) }
        : {}),
      ...(h.text.startsWith('\u0000') ? { missing: true } : {}),
    });
  }
  return {
    layout: layout.name,
    guideline: layout.guideline,
    pages: s.page,
    units,
    running,
    contentsPages,
    imagePages: s.pages.flatMap((p, i) => (p.kind === 'image' ? [i + 1] : [])),
    shiftedBookmarks: shifted,
    footnotes: s.notes,
    urls: [...s.urls],
  };
}

/** The contents: dotted leaders, or page numbers in a column of their own (first-level entries bold). */
function setContents(s: Setter, entries: Section[], pages: number[], pageOf: (sec: Section) => number): void {
  if (!pages.length) return;
  const { layout } = s;
  const slides = layout.source === 'slides';
  const size = slides ? 14 : s.size;
  const perPage = Math.ceil(entries.length / pages.length);
  pages.forEach((page, p) => {
    s.doc.switchToPage(page - 1);
    const g = s.geometryOf(slides ? 'slide' : 'contents');
    s.y = slides ? 24 : g.top;
    if (p === 0) {
      s.runs([{ text: '目次', x: g.left, font: 'bold', size: slides ? 22 : 16 }], slides ? 56 : 36, 'contents');
    }
    for (const sec of entries.slice(p * perPage, (p + 1) * perPage)) {
      const text = headingText(sec, layout);
      const indent = (sec.level - 1) * size;
      const number = String(pageOf(sec));
      const key: 'bold' | 'body' = layout.contents === 'number-column' && sec.level === 1 ? 'bold' : 'body';
      const nx = g.right - s.width(number, 'body', size);
      const runs: { text: string; x: number; font: 'bold' | 'body'; size: number }[] = [
        { text, x: g.left + indent, font: key, size },
      ];
      if (layout.contents === 'dotted') {
        const start = g.left + indent + s.width(text, key, size) + 4;
        const dots = Math.max(3, Math.floor((nx - 6 - start) / s.width('.', 'body', size)));
        runs.push({ text: '.'.repeat(dots), x: start, font: 'body', size });
      }
      runs.push({ text: number, x: nx, font: 'body', size });
      s.runs(runs, size * 1.9, 'contents');
    }
  });
}

/** Running headers and footers on every page but the title page and scanned ones; returns their texts. */
function setRunning(s: Setter): string[] {
  const { layout } = s;
  const texts = new Set<string>();
  const total = s.pages.length;
  s.pages.forEach((info, i) => {
    if (i === 0 || info.kind === 'image') return;
    s.doc.switchToPage(i);
    const g = s.geometryOf(info.kind === 'contents' || info.kind === 'title' ? 'portrait' : info.kind);
    const size = 8;
    const draw = (text: string, x: number, y: number) => {
      s.artifact(true, () => s.doc.font('body').fontSize(size).text(text, x, y, { lineBreak: false }));
      texts.add(text);
    };
    if (info.kind !== 'slide' && layout.header !== 'none') {
      draw(s.model.title, g.left, 40);
      if (layout.header === 'title+chapter' && info.kind !== 'contents' && info.chapter)
        draw(info.chapter, g.right - s.width(info.chapter, 'body', size), 40);
    }
    const n = String(i + 1);
    const footY = g.height - 40;
    if (layout.footer === 'dash') {
      const t = `- ${n} -`;
      draw(t, (g.width - s.width(t, 'body', size)) / 2, footY);
    } else if (layout.footer === 'of-total') {
      const t = `${n} / ${total}`;
      draw(t, g.right - s.width(t, 'body', size), footY);
    } else {
      draw('Copyright © 2022 試験用コンソーシアム All Rights Reserved.', g.left, footY);
      draw(n, g.right - s.width(n, 'body', size), footY);
    }
  });
  return [...texts];
}

/** Bookmarks for every unit; in a shifted layout some point a page early or late, as they do in real files. */
function setBookmarks(s: Setter): Truth['shiftedBookmarks'] {
  const shifted: Truth['shiftedBookmarks'] = [];
  if (s.layout.bookmarks === 'none') return shifted;
  const parents = new Map<number, PDFKit.PDFOutline>();
  s.headings.forEach((h, i) => {
    let page = h.page;
    if (s.layout.bookmarks === 'shifted' && i % 3 === 1) {
      page = h.page + (i % 2 ? 1 : -1);
      // Not onto a page that holds the same heading, nor off the document.
      if (page < 2 || page > s.pages.length) page = h.page;
      if (page !== h.page) shifted.push({ unit: h.unit, heading: h.page, bookmark: page });
    }
    s.doc.switchToPage(page - 1);
    const parent = h.level === 1 ? s.doc.outline : (parents.get(h.level - 1) ?? s.doc.outline);
    parents.set(h.level, parent.addItem(h.text.replace('\u0000', '')));
  });
  return shifted;
}
