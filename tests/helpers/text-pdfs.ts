/**
 * METI-shaped PDFs for the "text as written" import tests, set line by line by a small typesetter
 * (pdfkit + Noto Sans JP) so each layout cue is exactly where a test expects it: superscript
 * footnote references and notes at the page foot, URLs and mail addresses broken across lines,
 * paragraphs across page breaks, tables whose cells wrap over pages with a repeated header, and
 * two-column pages. Every sentence is invented filler; only unit labels and titles come from
 * guidelines.yml, as a real PDF prints them.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const fonts = join(root, 'node_modules', '@embedpdf', 'fonts-jp', 'fonts');
const TITLE = '工場システムにおけるサイバー・フィジカル・セキュリティ対策ガイドライン';
const HEADER = `${TITLE} Ver 1.0`;
const W = 595.28;
const H = 841.89;
const MARGIN = 60;
const TOP = 70;
const BOTTOM = H - 70;
const BODY = 10.5;
const LEADING = BODY * 1.6;
const NOTE = 8;
const SUP = 6;

export type Block =
  /**
   * A paragraph: `{^3}` marks a superscript reference to note 3 of `notes` (a key like `※1` is a
   * note printed with that mark, referred to in the text as written). `indent`: a one-character 字下げ.
   */
  | { p: string; indent?: boolean; notes?: Record<string, string>; id?: string }
  /** A table of wrapped cells: column widths in points; the header is set again on each new page. */
  | { table: { widths: number[]; header: string[]; rows: string[][]; size?: number } }
  /** Paragraphs set in two columns, balanced on the page. */
  | { columns: string[] }
  | { pageBreak: true };

export interface TextSpec {
  /** Body blocks by unit section label (`1`, `ステップ1-1`, `付録E`); other units get a filler paragraph. */
  units: Record<string, Block[]>;
}

export interface TextLayout {
  pages: number;
  /** The page each block with an `id` starts on, and each table row (`table:N`, 0-based). */
  at: Map<string, number>;
}

/** A sentence of filler naming its unit, so a test can find which unit text landed in. */
export function filler(tag: string, n = 1): string {
  const sentence = `この段落は${tag}の試験用に作られた文章であり、実在の文書の記述ではありません。確認した結果は定期的に見直し、変更があった場合には関係者へ共有します。`;
  return sentence.repeat(n);
}

interface Piece {
  text: string;
  sup?: boolean;
}

class Setter {
  readonly doc: PDFKit.PDFDocument;
  page = 0;
  y = TOP;
  /** Notes to set at the foot of the current page, and the height they take. */
  notes: { label: string; lines: Piece[][] }[] = [];
  noteHeight = 0;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
  }

  get bottom(): number {
    return BOTTOM - this.noteHeight;
  }

  newPage(): void {
    if (this.page) this.finishPage();
    this.doc.addPage();
    this.page++;
    this.y = TOP;
  }

  private finishPage(): void {
    let y = BOTTOM - this.noteHeight + 6;
    this.doc.font('R').fontSize(NOTE);
    for (const note of this.notes) {
      note.lines.forEach((line, i) => {
        if (i === 0) this.doc.text(note.label, MARGIN, y, { lineBreak: false });
        this.draw(line, MARGIN + 12, y, NOTE);
        y += NOTE * 1.5;
      });
    }
    this.notes = [];
    this.noteHeight = 0;
  }

  finish(): void {
    this.finishPage();
    const range = this.doc.bufferedPageRange();
    for (let i = 1; i < range.count; i++) {
      this.doc.switchToPage(i);
      this.doc.font('R').fontSize(8).text(HEADER, MARGIN, 30, { lineBreak: false });
      this.doc.text(`- ${i + 1} -`, 0, H - 40, { width: W, align: 'center', lineBreak: false });
    }
  }

  heading(text: string, size: number): void {
    if (this.y + size * 2 + LEADING * 2 > this.bottom) this.newPage();
    this.doc.font('B').fontSize(size).text(text, MARGIN, this.y, { lineBreak: false });
    this.y += size * 2;
  }

  /** Sets a paragraph; returns the page its first line is on. */
  paragraph(text: string, options: { indent?: boolean; notes?: Record<string, string> } = {}): number {
    const indent = options.indent ? BODY : 0;
    const lines = breakLines(this.doc, pieces(text), W - 2 * MARGIN, BODY, indent);
    let first = 0;
    lines.forEach((line, i) => {
      // A line referring to a note needs room for the note at the foot of its page too.
      const refs = [
        ...line.filter((p) => p.sup).map((p) => p.text),
        ...Object.keys(options.notes ?? {}).filter(
          (k) => !/^\d+$/.test(k) && line.some((p) => !p.sup && p.text.includes(k)),
        ),
      ];
      const noteLines = refs.map((r) =>
        breakLines(this.doc, pieces(options.notes?.[r] ?? ''), W - 2 * MARGIN - 12, NOTE, 0),
      );
      const need =
        noteLines.reduce((h, l) => h + l.length * NOTE * 1.5, 0) + (refs.length && !this.notes.length ? 10 : 0);
      if (this.y + LEADING > this.bottom - need) this.newPage();
      if (i === 0) first = this.page;
      this.draw(line, MARGIN + (i === 0 ? indent : 0), this.y, BODY);
      refs.forEach((label, n) => {
        if (!this.notes.length) this.noteHeight += 10;
        this.notes.push({ label, lines: noteLines[n]! });
        this.noteHeight += noteLines[n]!.length * NOTE * 1.5;
      });
      this.y += LEADING;
    });
    this.y += BODY * 0.6;
    return first;
  }

  columns(paragraphs: string[]): void {
    const gutter = 24;
    const width = (W - 2 * MARGIN - gutter) / 2;
    const lines = paragraphs.flatMap((p) =>
      breakLines(this.doc, pieces(p), width, BODY, BODY).map((l, i) => ({ l, first: i === 0 })),
    );
    const half = Math.ceil(lines.length / 2);
    if (this.y + half * LEADING > this.bottom) this.newPage();
    const top = this.y;
    lines.forEach(({ l, first }, i) => {
      const right = i >= half;
      this.draw(
        l,
        MARGIN + (right ? width + gutter : 0) + (first ? BODY : 0),
        top + (right ? i - half : i) * LEADING,
        BODY,
      );
    });
    this.y = top + half * LEADING + BODY;
  }

  /** Sets a table; returns the page of each row. */
  table(t: { widths: number[]; header: string[]; rows: string[][]; size?: number }): number[] {
    const size = t.size ?? 9;
    const lead = size * 1.45;
    const pad = 4;
    // Each column's left edge: the margin plus the widths before it.
    const xs = t.widths.map((_, i) => MARGIN + t.widths.slice(0, i).reduce((a, w) => a + w, 0));
    const layout = (row: string[]) =>
      row.map((cell, c) => breakLines(this.doc, pieces(cell), t.widths[c]! - 2 * pad, size, 0));
    const drawRow = (cells: Piece[][][], bold: boolean) => {
      const height = Math.max(...cells.map((c) => c.length)) * lead + 2 * pad;
      this.doc.font(bold ? 'B' : 'R');
      cells.forEach((lines, c) => {
        lines.forEach((line, i) => this.draw(line, xs[c]! + pad, this.y + pad + i * lead, size, bold));
        this.doc.rect(xs[c]!, this.y, t.widths[c]!, height).lineWidth(0.5).stroke();
      });
      this.y += height;
    };
    const header = layout(t.header);
    const headerHeight = Math.max(...header.map((c) => c.length)) * lead + 2 * pad;
    if (this.y + headerHeight * 2 > this.bottom) this.newPage();
    drawRow(header, true);
    return t.rows.map((row) => {
      const cells = layout(row);
      const height = Math.max(...cells.map((c) => c.length)) * lead + 2 * pad;
      if (this.y + height > this.bottom) {
        this.newPage();
        drawRow(header, true);
      }
      const page = this.page;
      drawRow(cells, false);
      return page;
    });
  }

  /** Draws a line's pieces from x: text in one run each, a superscript smaller and raised. */
  draw(line: Piece[], x: number, y: number, size: number, bold = false): void {
    let at = x;
    for (const piece of line) {
      this.doc.font(bold ? 'B' : 'R').fontSize(piece.sup ? SUP : size);
      this.doc.text(piece.text, at, piece.sup ? y - 1 : y, { lineBreak: false });
      at += this.doc.widthOfString(piece.text);
    }
  }
}

/** `{^3}` marks a superscript; everything else is text. */
function pieces(text: string): Piece[] {
  return text
    .split(/(\{\^[^}]+\})/)
    .filter(Boolean)
    .map((t) => (/^\{\^/.test(t) ? { text: t.slice(2, -1), sup: true } : { text: t }));
}

const cjk = /[\u3000-\u30FF\u3400-\u9FFF\uFF01-\uFF60]/;

/**
 * Greedy line breaking (a line holds what fits: 45 full-width characters of body text, 44 after a
 * 字下げ), between any two Japanese characters, between
 * Latin words at spaces, and inside a URL or mail address (anywhere) when it does not fit.
 */
function breakLines(doc: PDFKit.PDFDocument, text: Piece[], width: number, size: number, indent: number): Piece[][] {
  const tokens: Piece[] = text.flatMap((p) =>
    p.sup
      ? [p]
      : (
          p.text.match(
            /[\u3000-\u30FF\u3400-\u9FFF\uFF01-\uFF60]|[^\s\u3000-\u30FF\u3400-\u9FFF\uFF01-\uFF60]+|\s+/g,
          ) ?? []
        ).map((t) => ({ text: t })),
  );
  const widthOf = (p: Piece) =>
    doc
      .font('R')
      .fontSize(p.sup ? SUP : size)
      .widthOfString(p.text);
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let used = indent;
  const push = () => {
    while (line.length && /^\s+$/.test(line.at(-1)!.text)) line.pop();
    lines.push(merge(line));
    line = [];
    used = 0;
  };
  for (const token of tokens) {
    if (!line.length && /^\s+$/.test(token.text)) continue;
    const w = widthOf(token);
    if (used + w <= width) {
      line.push(token);
      used += w;
      continue;
    }
    if (!token.sup && !cjk.test(token.text) && /[/@.]/.test(token.text)) {
      // An address is broken where the line is full.
      let rest = token.text;
      while (rest) {
        let n = 0;
        while (n < rest.length && used + doc.widthOfString(rest.slice(0, n + 1)) <= width) n++;
        if (n === 0 && line.length) push();
        else {
          const part = rest.slice(0, Math.max(n, 1));
          line.push({ text: part });
          used += doc.widthOfString(part);
          rest = rest.slice(part.length);
          if (rest) push();
        }
      }
      continue;
    }
    push();
    if (!/^\s+$/.test(token.text)) {
      line.push(token);
      used = w;
    }
  }
  if (line.length) push();
  return lines;
}

/** Neighbouring text pieces as one run (a PDF writer sets a line's text in one go). */
function merge(line: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of line) {
    const last = out.at(-1);
    if (last && !last.sup && !p.sup) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

interface UnitHeading {
  section: string;
  heading: string;
  level: 1 | 2;
}

/** Every official unit of METI's table of contents in guidelines.yml, with its heading as printed. */
function metiHeadings(): UnitHeading[] {
  const registry = parse(readFileSync(join(root, 'content', 'guidelines.yml'), 'utf8')) as {
    key: string;
    chapters: { label: string; title: string; sections?: { label: string; title?: string }[] }[];
  }[];
  const meti = registry.find((g) => g.key === 'meti')!;
  return meti.chapters.flatMap((c) => [
    {
      section: c.label,
      heading: /^\d+$/.test(c.label) ? `第${c.label}章 ${c.title}` : `${c.label} ${c.title}`,
      level: 1 as const,
    },
    ...(c.sections ?? []).map((s) => ({
      section: s.label,
      heading: `${s.label} ${s.title ?? '試験用の見出し'}`,
      level: 2 as const,
    })),
  ]);
}

/** Writes a METI-shaped PDF: title page, then every unit's heading (chapters on new pages) and its blocks. */
export async function writeTextPdf(path: string, spec: TextSpec): Promise<TextLayout> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, autoFirstPage: false });
  const stream = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  doc.pipe(stream);
  doc.registerFont('R', join(fonts, 'NotoSansJP-Regular.otf'));
  doc.registerFont('B', join(fonts, 'NotoSansJP-Bold.otf'));
  const set = new Setter(doc);
  set.newPage();
  doc
    .font('B')
    .fontSize(20)
    .text(TITLE, MARGIN, 240, { width: W - 2 * MARGIN, align: 'center' });
  doc
    .font('R')
    .fontSize(14)
    .text('Ver 1.0', MARGIN, 320, { width: W - 2 * MARGIN, align: 'center' });
  const at = new Map<string, number>();
  let tables = 0;
  for (const unit of metiHeadings()) {
    if (unit.level === 1) set.newPage();
    set.heading(unit.heading, unit.level === 1 ? 16 : 13);
    for (const block of spec.units[unit.section] ?? [{ p: filler(unit.section, 4), indent: true }]) {
      if ('p' in block) {
        const page = set.paragraph(block.p, block);
        if (block.id) at.set(block.id, page);
      } else if ('table' in block) {
        const n = tables++;
        set.table(block.table).forEach((page, i) => at.set(`table${n}:${i}`, page));
      } else if ('columns' in block) set.columns(block.columns);
      else set.newPage();
    }
  }
  set.finish();
  const pages = doc.bufferedPageRange().count;
  doc.end();
  await done;
  return { pages, at };
}
