/**
 * The first, simple guideline-shaped documents of the import tests (the layouts of layouts.ts are the
 * realistic ones), generated with pdfkit and
 * Noto Sans JP: a title page (title + edition), a contents page, running header and footer with page
 * numbers, headings at three levels, lists, a checklist table and a figure caption. Every sentence
 * is invented for the tests (neutral filler), never the guidelines' own words; only the unit labels
 * and titles of guidelines.yml carry over, as a real PDF prints them.
 */
import PDFDocument from 'pdfkit';
import { GUTP_APPENDICES, GUTP_CHAPTERS, GUTP_TITLE } from './gutp-contents.ts';
import { finished, font, grayPng } from './pdf-io.ts';

const REGULAR = font('Regular');
const BOLD = font('Bold');

type Body =
  | { p: string }
  | { list: string[] }
  | { ol: string[] }
  | { table: string[][] }
  | { figure: string; labels?: string[] }
  | { sub: string };

export interface FixtureUnit {
  /** The heading as printed. */
  heading: string;
  level: 1 | 2 | 3;
  /** Starts on a new page. */
  newPage?: boolean;
  /** Official unit it is (chapter, section), or none for a sub-heading the import should not place. */
  unit?: { chapter: string; section: string };
  body: Body[];
}

export interface FixtureSpec {
  title: string;
  edition: string;
  header: string;
  units: FixtureUnit[];
}

/** A paragraph of filler for a unit: says which unit it belongs to, so tests can find it there. */
function filler(tag: string, n = 3): string {
  const sentences = [
    `この段落は${tag}の試験用に作られた文章であり、実在の文書の記述ではありません。`,
    '設備の担当者と情報システムの担当者が同じ表を見ながら確認できるように、項目ごとに記録を残します。',
    'なお network segment や remote access の扱いは、現場の構成に合わせて別途整理するものとします。',
    '確認した結果は定期的に見直し、変更があった場合には関係者へ共有します。',
  ];
  return Array.from({ length: n }, (_, i) => sentences[i % sentences.length]).join('');
}

const sec = (chapter: string, section: string) => ({ chapter, section });

/** A METI-shaped document (chapters, steps, appendices, columns), at the given edition. */
export function metiSpec(edition = 'Ver 1.0'): FixtureSpec {
  const title = '工場システムにおけるサイバー・フィジカル・セキュリティ対策ガイドライン';
  const step = (n: string, name: string, level: 2 | 3, extra: Body[] = []): FixtureUnit => ({
    heading: `${level === 2 ? `3.${n}` : `3.${n.split('-')[0]}.${n.split('-')[1]}`} ステップ${n} ${name}`,
    level,
    unit: sec('3', `ステップ${n}`),
    body: [{ p: filler(`ステップ${n}`) }, ...extra],
  });
  return {
    title,
    edition,
    header: `${title} ${edition}`,
    units: [
      {
        heading: '1 はじめに',
        level: 1,
        newPage: true,
        unit: sec('1', '1'),
        body: [
          { p: filler('第1章', 4) },
          {
            list: [
              '試験用の一つ目の箇条',
              '試験用の二つ目の箇条で、少し長めに書いて折り返しが起きるようにした文章です。折り返した後も同じ箇条として読まれるべきです。',
              '試験用の三つ目の箇条',
            ],
          },
          { p: filler('第1章の後半', 2) },
        ],
      },
      {
        heading: 'コラム1 工場セキュリティを巡る動向',
        level: 2,
        newPage: true,
        unit: sec('コラム1', 'コラム1'),
        body: [{ p: filler('コラム1') }],
      },
      {
        heading: '2 本ガイドラインの想定工場',
        level: 1,
        newPage: true,
        unit: sec('2', '2'),
        body: [{ p: filler('第2章') }, { figure: '図2-1 試験用の工場構成図' }, { p: filler('第2章の図の後', 2) }],
      },
      {
        heading: '3 セキュリティ対策企画・導入の進め方',
        level: 1,
        newPage: true,
        unit: sec('3', '3'),
        // An overview figure whose boxes name the steps in bold: not the steps' headings.
        body: [
          { p: filler('第3章') },
          { figure: '図3-1 試験用の進め方の全体像', labels: ['ステップ1', 'ステップ2', 'ステップ3'] },
        ],
      },
      step('1', '内外要件（経営層の取組や法令等）や業務、保護対象等の整理', 2),
      step('1-1', '試験用の見出しA', 3),
      step('1-2', '試験用の見出しB', 3, [{ ol: ['一つ目の手順を行う。', '二つ目の手順を行う。'] }]),
      step('1-3', '試験用の見出しC', 3),
      step('1-4', '試験用の見出しD', 3),
      step('1-5', '試験用の見出しE', 3),
      step('1-6', '試験用の見出しF', 3),
      step('1-7', '試験用の見出しG', 3),
      step('2', 'セキュリティ対策の立案', 2),
      step('2-1', '試験用の見出しH', 3),
      step('2-2', '試験用の見出しI', 3, [{ sub: '3.2.2.1 試験用の小見出し' }, { p: filler('小見出しの下', 2) }]),
      step('3', '試験用の見出しJ', 2),
      ...[
        ['A', '用語／略語'],
        ['B', '工場システムを取り巻く社会的セキュリティ要件'],
        ['C', '関係文書におけるセキュリティ対策の考え方'],
        ['D', '関連／参考資料'],
      ].map(
        ([l, t]): FixtureUnit => ({
          heading: `付録${l} ${t}`,
          level: 1,
          newPage: true,
          unit: sec(`付録${l}`, `付録${l}`),
          body: [{ p: filler(`付録${l}`) }],
        }),
      ),
      {
        heading: '付録E チェックリスト',
        level: 1,
        newPage: true,
        unit: sec('付録E', '付録E'),
        body: [
          { p: filler('付録E', 1) },
          {
            table: [
              ['No.', '分類', '確認項目', 'レベル'],
              ['1', '準備', '試験用の確認項目その一', '1'],
              ['2', '準備', '試験用の確認項目その二', '2'],
              ['3', '組織的対策', '試験用の確認項目その三', '3'],
            ],
          },
        ],
      },
      {
        heading: '付録F 調達仕様書テンプレート(記載例)',
        level: 1,
        newPage: true,
        unit: sec('付録F', '付録F'),
        body: [{ p: filler('付録F') }],
      },
      ...[
        ['2', '工場システムの目的や製造業／工場の価値から見たセキュリティ'],
        ['3', 'スマート工場への流れ'],
        ['4', '工場におけるクラウド利用'],
      ].map(
        ([n, t]): FixtureUnit => ({
          heading: `コラム${n} ${t}`,
          level: 1,
          newPage: true,
          unit: sec(`コラム${n}`, `コラム${n}`),
          body: [{ p: filler(`コラム${n}`) }],
        }),
      ),
    ],
  };
}

/** A GUTP-shaped document: `第N章` chapters and numbered appendices. */
export function gutpSpec(edition = 'v1.00'): FixtureSpec {
  const title = GUTP_TITLE;
  const chapters = GUTP_CHAPTERS;
  const appendices = GUTP_APPENDICES;
  return {
    title,
    edition,
    header: title,
    units: [
      ...chapters.map(
        ([n, t]): FixtureUnit => ({
          heading: `第${n}章 ${t}`,
          level: 1,
          newPage: true,
          unit: sec(n!, n!),
          body: [{ p: filler(`第${n}章`) }],
        }),
      ),
      ...appendices.map(
        ([n, t]): FixtureUnit => ({
          heading: `付録${n} ${t}`,
          level: 1,
          newPage: true,
          unit: sec(`付録${n}`, `付録${n}`),
          body: [{ p: filler(`付録${n}`) }],
        }),
      ),
    ],
  };
}

export interface PdfOptions {
  /** Add bookmarks (the PDF outline) for every heading. */
  outline?: boolean;
  /** Pad the units with filler paragraphs until the document has at least this many pages. */
  pages?: number;
  userPassword?: string;
}

/** Where each heading landed: what the tests assert the import found. */
export interface Layout {
  pages: number;
  contentsPage: number;
  headings: { heading: string; page: number; unit?: { chapter: string; section: string } }[];
}

const SIZES = { 1: 18, 2: 14, 3: 12 } as const;
const BODY = 10.5;
const MARGIN = 60;

export async function writeGuidelinePdf(path: string, spec: FixtureSpec, options: PdfOptions = {}): Promise<Layout> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: spec.title },
    ...(options.userPassword
      ? {
          userPassword: options.userPassword,
          ownerPassword: `${options.userPassword}-owner`,
          pdfVersion: '1.7' as const,
        }
      : {}),
  });
  const done = finished(doc, path);
  doc.registerFont('R', REGULAR);
  doc.registerFont('B', BOLD);
  let pageCount = 0;
  doc.on('pageAdded', () => pageCount++);

  // Title page; the contents page is filled in once the headings' pages are known.
  doc.addPage();
  doc.font('B').fontSize(22).text(spec.title, MARGIN, 220, { align: 'center' });
  doc.moveDown(1).font('R').fontSize(14).text(spec.edition, { align: 'center' });
  doc.moveDown(6).fontSize(11).text('試験用文書（実在の文書ではありません）', { align: 'center' });
  doc.addPage();
  const contentsPage = pageCount;

  const headings: Layout['headings'] = [];
  const outline = new Map<number, PDFKit.PDFOutline>();
  const total = spec.units.length;
  spec.units.forEach((unit, i) => {
    if (unit.newPage || i === 0) doc.addPage();
    else doc.moveDown(1);
    // Keep a heading with its first lines.
    if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
    doc.font('B').fontSize(SIZES[unit.level]).text(unit.heading);
    headings.push({ heading: unit.heading, page: pageCount, ...(unit.unit ? { unit: unit.unit } : {}) });
    if (options.outline) {
      const parent = unit.level === 1 ? doc.outline : (outline.get(unit.level - 1) ?? doc.outline);
      outline.set(unit.level, parent.addItem(unit.heading));
    }
    doc.moveDown(0.5);
    for (const block of unit.body)
      drawBlock(doc, block, options.outline ? outline : undefined, headings, () => pageCount);
    // Filler towards the page target, spread over the units.
    const wanted = Math.ceil(((options.pages ?? 0) * (i + 1)) / total);
    let n = 0;
    while (pageCount < wanted)
      drawBlock(doc, { p: filler(`${unit.heading}の追加${++n}`, 4) }, undefined, headings, () => pageCount);
  });

  doc.switchToPage(contentsPage - 1);
  doc.font('B').fontSize(16).text('目次', MARGIN, MARGIN);
  doc.moveDown(0.5).font('R').fontSize(10);
  for (const h of headings.filter((h) => h.unit)) {
    const indent = h.heading.startsWith('3.') ? 16 : 0;
    doc.text(`${h.heading} ${'.'.repeat(12)} ${h.page}`, MARGIN + indent, doc.y);
  }

  // Running header and footer on every page but the title page.
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('R').fontSize(8).text(spec.header, MARGIN, 30, { lineBreak: false });
    doc.text(`- ${i + 1} -`, 0, doc.page.height - 40, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return { pages: range.count, contentsPage, headings };
}

function drawBlock(
  doc: PDFKit.PDFDocument,
  block: Body,
  outline: Map<number, PDFKit.PDFOutline> | undefined,
  headings: Layout['headings'],
  page: () => number,
): void {
  doc.font('R').fontSize(BODY);
  if ('p' in block) doc.text(`　${block.p}`, MARGIN, doc.y, { lineGap: 3 }).moveDown(0.6);
  else if ('list' in block) {
    for (const item of block.list) {
      const y = doc.y;
      doc.text('・', MARGIN + 10, y, { lineBreak: false });
      doc.text(item, MARGIN + 10 + BODY, y, { lineGap: 3 });
    }
    doc.moveDown(0.6);
  } else if ('ol' in block) {
    block.ol.forEach((item, i) => doc.text(`${i + 1}. ${item}`, MARGIN + 10, doc.y, { lineGap: 3 }));
    doc.moveDown(0.6);
  } else if ('table' in block) {
    const columns = [MARGIN, MARGIN + 50, MARGIN + 130, MARGIN + 400];
    for (const row of block.table) {
      const y = doc.y;
      row.forEach((cell, c) => doc.text(cell, columns[c]!, y, { lineBreak: false }));
      doc.text('', MARGIN, y + BODY * 1.8);
    }
    doc.moveDown(0.6);
  } else if ('figure' in block) {
    const y = doc.y;
    doc.rect(MARGIN + 60, y, 300, 120).stroke();
    block.labels?.forEach((label, i) =>
      doc
        .font('B')
        .fontSize(12)
        .text(label, MARGIN + 80, y + 15 + i * 32, { lineBreak: false }),
    );
    doc
      .font('R')
      .fontSize(BODY)
      .text(block.figure, MARGIN, y + 130, { align: 'center' })
      .moveDown(0.6);
  } else {
    doc.font('B').fontSize(11).text(block.sub, MARGIN, doc.y).moveDown(0.3);
    headings.push({ heading: block.sub, page: page() });
    if (outline) (outline.get(3) ?? doc.outline).addItem(block.sub);
  }
}

/** A one-page PDF holding only an image, as a scanner makes one: no text layer. */
export async function writeImageOnlyPdf(path: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const done = finished(doc, path);
  doc.image(grayPng(64, 64), 100, 100, { width: 300 });
  doc.end();
  await done;
}

/** The same document as plain text copied from a viewer: pages split by form feeds, header and page number on each. */
export function guidelineText(spec: FixtureSpec): string {
  const pages: string[][] = [[spec.title, spec.edition]];
  pages.push(['目次', ...spec.units.filter((u) => u.unit).map((u, i) => `${u.heading} …… ${i + 3}`)]);
  for (const unit of spec.units) {
    const lines = unit.newPage || pages.length === 2 ? [] : pages.pop()!;
    lines.push(unit.heading);
    for (const block of unit.body) {
      if ('p' in block) lines.push(...wrap(`　${block.p}`, 40), '');
      else if ('list' in block) lines.push(...block.list.flatMap((i) => wrap(`・${i}`, 40)), '');
      else if ('ol' in block) lines.push(...block.ol.map((i, n) => `${n + 1}. ${i}`), '');
      else if ('table' in block) lines.push(...block.table.map((r) => r.join('\t')), '');
      else if ('figure' in block) lines.push(...(block.labels ?? []), block.figure, '');
      else lines.push(block.sub);
    }
    pages.push(lines);
  }
  return pages.map((lines, i) => (i === 0 ? lines : [spec.header, ...lines, `- ${i + 1} -`]).join('\n')).join('\n\f');
}

/** Lines of about `width` characters, broken as a viewer copies them: anywhere but inside a Latin word. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let at = width;
    while (at > 0 && /[A-Za-z]/.test(rest[at - 1]!) && /[A-Za-z]/.test(rest[at]!)) at--;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  return [...out, rest];
}
