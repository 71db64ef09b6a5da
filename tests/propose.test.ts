/**
 * The table of contents of a document the registry does not know (indexer/import proposeStructure),
 * by each cue in turn: tagged headings, then numbered ones, then headings only their typeface sets
 * apart — and nothing at all from a document with none of them.
 */
import { describe, expect, it } from 'vitest';
import { proposeStructure, type SourceDocument, type TextRun } from '../indexer/import/index.ts';

const body = '設備の担当者は対象となる機器の一覧を定期的に見直し、変更のたびに確認して記録する。';

/** A page: each line a run at its own height, from the top; `h` a heading (its size, bold, tag level). */
function page(number: number, lines: (string | { text: string; size: number; tag?: number })[]) {
  const runs: TextRun[] = lines.map((l, i) => {
    const y = 780 - i * 24;
    if (typeof l === 'string') return { text: l, x: 60, y, width: l.length * 10, size: 10, bold: false };
    return {
      text: l.text,
      x: 60,
      y,
      width: l.text.length * l.size,
      size: l.size,
      bold: l.size > 10,
      ...(l.tag ? { heading: l.tag } : {}),
    };
  });
  return { number, height: 842, width: 595, runs };
}

function doc(pages: ReturnType<typeof page>[]): SourceDocument {
  return { kind: 'pdf', pages, outline: [] };
}

const title = page(1, [{ text: '試験用 工場標準', size: 22 }, '2025年4月']);

describe('proposeStructure', () => {
  it('reads headings only their typeface sets apart: larger type a chapter, the next size a section', () => {
    const p = proposeStructure(
      doc([
        title,
        page(2, [{ text: 'はじめに', size: 16 }, body, body, { text: '目的', size: 13 }, body, body]),
        page(3, [{ text: '設備の管理', size: 16 }, body, { text: '台帳の整備', size: 13 }, body, body]),
      ]),
    );
    expect('chapters' in p && p.method).toBe('typeface');
    if (!('chapters' in p)) return;
    expect(p.chapters.map((c) => [c.label, c.slug, c.title, c.page, c.sections.map((s) => s.title)])).toEqual([
      ['はじめに', 'ch-1', 'はじめに', 2, ['目的']],
      ['設備の管理', 'ch-2', '設備の管理', 3, ['台帳の整備']],
    ]);
    expect(p.date).toBe('2025-04');
  });

  it('prefers a tagged structure (H1, H2) to the typeface', () => {
    const p = proposeStructure(
      doc([
        title,
        page(2, [{ text: '第1章 総則', size: 10, tag: 1 }, body, { text: '1.1 目的', size: 10, tag: 2 }, body]),
        page(3, [{ text: '付録A 用語', size: 10, tag: 1 }, body]),
      ]),
    );
    expect('chapters' in p && p.method).toBe('tagged');
    if (!('chapters' in p)) return;
    expect(p.chapters.map((c) => [c.label, c.slug, c.sections.map((s) => s.label)])).toEqual([
      ['1', 'ch1', ['1.1']],
      ['付録A', 'appx-a', []],
    ]);
  });

  it('reads numbered headings in the body type, never the title page’s year, and a section only under its chapter', () => {
    const p = proposeStructure(
      doc([
        page(1, ['試験用 工場標準', '2025 年']),
        page(2, ['第1章 総則', body, '1.1 目的', body, '2.1 別の章の節', body]),
        page(3, ['第2章 設備', body, '2.1 台帳', body]),
      ]),
    );
    expect('chapters' in p && p.method).toBe('numbered');
    if (!('chapters' in p)) return;
    expect(p.chapters.map((c) => [c.label, c.sections.map((s) => s.label)])).toEqual([
      ['1', ['1.1']],
      ['2', ['2.1']],
    ]);
  });

  it('says what it tried when a document has no structure to read', () => {
    const p = proposeStructure(doc([page(1, [body, body]), page(2, [body, body, body])]));
    expect(p).toEqual({
      attempts: [
        { method: 'outline', headings: 0 },
        { method: 'tagged', headings: 0 },
        { method: 'numbered', headings: 0 },
        { method: 'typeface', headings: 0 },
      ],
    });
  });
});
