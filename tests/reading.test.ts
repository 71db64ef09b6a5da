/**
 * What the reading pages compute at build time: the compare diagram's column order and wrapping, the
 * one-way sorted mapping tables, the CSV's titles, the tables of contents' counts and entries, the
 * glossary's index by reading.
 */
import { describe, expect, it } from 'vitest';
import { loadValidContent } from '../indexer/corpus/node.ts';
import { refTitle, comparePairs } from '../site/lib/compare.ts';
import { layoutDiagram, phrases, wrapText } from '../site/lib/compare-diagram.ts';
import { barycentricOrder, crossings, medianOrder, rightColumnOrder } from '../site/lib/compare-order.ts';
import { buildDate } from '../site/lib/build-info.ts';
import { siteCorpus, type SiteCorpus } from '../site/lib/corpus.ts';
import { glossaryIndex } from '../site/lib/glossary-index.ts';
import { exportRows, toCsv } from '../site/lib/mapping-export.ts';
import { chapterCounts, hasSectionLabels, tocEntries } from '../site/lib/toc.ts';

const e = (left: string, right: string) => ({ left, right });

describe('compare diagram column order', () => {
  const left = ['a', 'b', 'c', 'd'];

  it('counts crossings of two-column drawings', () => {
    expect(crossings(left, ['x', 'y'], [e('a', 'x'), e('b', 'y')])).toBe(0);
    expect(crossings(left, ['x', 'y'], [e('a', 'y'), e('b', 'x')])).toBe(1);
    // Edges sharing an end never cross.
    expect(crossings(left, ['x', 'y'], [e('a', 'x'), e('a', 'y'), e('b', 'y')])).toBe(0);
  });

  it('sorts the right column by its counterparts, keeping unmatched nodes behind their predecessor', () => {
    const edges = [e('d', 'p'), e('a', 'q'), e('b', 'r'), e('c', 'r')];
    expect(barycentricOrder(left, ['p', 'q', 'r'], edges)).toEqual(['q', 'r', 'p']);
    // 'u' has no counterpart: it follows 'q' wherever 'q' goes.
    expect(barycentricOrder(left, ['p', 'q', 'u', 'r'], edges)).toEqual(['q', 'u', 'r', 'p']);
  });

  it('lets the median ignore one far counterpart the barycentre follows', () => {
    const edges = [e('a', 'p'), e('b', 'p'), e('d', 'p'), e('c', 'q')];
    const many = ['a', 'b', 'c', 'd'];
    expect(barycentricOrder(many, ['p', 'q'], edges)).toEqual(['p', 'q']);
    expect(medianOrder(many, ['p', 'q'], [...edges, e('d', 'p'), e('d', 'p')])).toEqual(['q', 'p']);
  });

  it('never draws more crossings than the official order, and keeps it when nothing is gained', () => {
    const edges = [e('a', 'y'), e('b', 'x'), e('c', 'z')];
    const order = rightColumnOrder(left, ['x', 'y', 'z'], edges);
    expect(crossings(left, order, edges)).toBe(0);
    const straight = [e('a', 'x'), e('b', 'y')];
    expect(rightColumnOrder(left, ['x', 'y', 'z'], straight)).toEqual(['x', 'y', 'z']);
  });

  it('crosses fewer curves than the official order on the real METI ⇔ GUTP diagram', async () => {
    const corpus = await loadValidContent('content');
    const [meti, gutp] = corpus.guidelines.list;
    const chapterMappings = corpus.mappings.filter((m) => m.level === 'chapter');
    const d = layoutDiagram(
      [
        { guideline: meti!.key, chapters: meti!.chapters },
        { guideline: gutp!.key, chapters: gutp!.chapters },
      ],
      chapterMappings,
    );
    expect(d.crossings.drawn).toBeLessThan(d.crossings.official);
    expect(d.reordered).toBe(true);
    // Left column in official order, every chapter of both once.
    expect(d.boxes.filter((b) => b.side === 'left').map((b) => b.label)).toEqual(meti!.chapters.map((c) => c.label));
    expect(
      d.boxes
        .filter((b) => b.side === 'right')
        .map((b) => b.label)
        .sort(),
    ).toEqual(gutp!.chapters.map((c) => c.label).sort());
  });
});

describe('diagram box wrapping', () => {
  it('breaks between phrases, never inside a word', () => {
    expect(phrases('付録B　工場システムを取り巻く社会的セキュリティ要件')).toContain('セキュリティ');
    for (const width of [80, 120, 160, 280]) {
      const lines = wrapText('付録B　工場システムを取り巻く社会的セキュリティ要件', width);
      expect(lines.join('').replace(/\s/g, ''), `${width}`).toBe('付録B工場システムを取り巻く社会的セキュリティ要件');
      expect(
        lines.some((l) => l.endsWith('セキュ')),
        `${width}: ${lines.join('/')}`,
      ).toBe(false);
    }
  });

  it('keeps particles with their word, closing marks off line starts, ASCII words whole', () => {
    const lines = wrapText('付録B 規格・法規制（IEC 62443, CSMS/ISMS, 欧米の規制）との付き合い方', 100);
    for (const l of lines) expect(l, lines.join('/')).not.toMatch(/^[、。）,]|^[をのにとや]/u);
    expect(lines.join(' ')).toContain('62443,');
    const words = new Set(['B', 'IEC', '62443', 'CSMS', 'ISMS']);
    for (const l of lines) for (const w of l.match(/[A-Za-z0-9]+/g) ?? []) expect(words, lines.join('/')).toContain(w);
  });

  it('splits by character only what is wider than a line', () => {
    expect(wrapText('セキュリティセキュリティセキュリティ', 60).every((l) => [...l].length <= 4)).toBe(true);
  });
});

describe('compare tables and the CSV', async () => {
  // The repository's content/ (the default when no build passes another).
  const corpus: SiteCorpus = await siteCorpus();
  const [pair] = comparePairs(corpus);

  it('read one way (METI left, GUTP right) in both guidelines’ order', () => {
    const rows = pair!.chapterRows;
    expect(
      rows.every(
        (r) => (r.left === null || r.left.startsWith('meti:')) && (r.right === null || r.right.startsWith('gutp:')),
      ),
    ).toBe(true);
    const metiOrder = corpus.chapters('meti').map((c) => `meti:${c.label}`);
    const lefts = rows.flatMap((r) => (r.left ? [metiOrder.indexOf(r.left)] : []));
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
    // GUTP 6章's no-counterpart entry sits in the GUTP column, after every METI row.
    const gutp6 = rows.findIndex((r) => r.right === 'gutp:6');
    expect(rows[gutp6]!.left).toBeNull();
    expect(rows.slice(gutp6).every((r) => r.left === null)).toBe(true);
    for (const g of pair!.groups) expect(g.rows.every((r) => r.left === null || r.left.startsWith('meti-'))).toBe(true);
  });

  it('names chapters and clauses as readers cite them', () => {
    expect(refTitle(corpus, 'meti:3')).toBe('METI 3章 セキュリティ対策企画・導入の進め方');
    expect(refTitle(corpus, 'gutp:付録1')).toBe('GUTP 付録1 チェックリスト');
    expect(refTitle(corpus, 'meti-3-step2-2')).toMatch(/^METI 3章 ステップ2-2 \S/);
    expect(refTitle(corpus, 'nowhere')).toBe('');
  });

  it('puts each end’s title beside its id, BOM first, for Excel', () => {
    const csv = toCsv(exportRows(corpus.mappings), (ref) => refTitle(corpus, ref));
    expect(csv.startsWith('\uFEFFfrom,fromTitle,to,toTitle,level,')).toBe(true);
    expect(csv).toContain(
      'meti:3,METI 3章 セキュリティ対策企画・導入の進め方,gutp:2,GUTP 2章 工場FAシステムのセキュリティ対策の考え方,chapter,',
    );
    expect(csv).toMatch(/\r\ngutp:6,GUTP 6章 [^,]+,,,chapter,no-counterpart,/);
  });
});

describe('tables of contents', () => {
  it('counts chapters, appendices and columns as what they are', () => {
    const labels = (...l: string[]) => l.map((label) => ({ label }));
    expect(chapterCounts(labels('1', '2', '3', '付録A', '付録B', 'コラム1'))).toBe('3章・付録2件・コラム1件');
    expect(chapterCounts(labels('1', '付録1'))).toBe('1章・付録1件');
    expect(chapterCounts(labels('1', '2'))).toBe('2章');
  });

  it('leaves out the entry that only repeats the chapter title, and the label column where nothing is finer', () => {
    const clause = (section: string, title: string) =>
      ({ chapter: '3', section, title }) as Parameters<typeof tocEntries>[0]['clauses'][number];
    const ch = {
      label: '3',
      title: '進め方',
      clauses: [clause('3', '進め方'), clause('ステップ1', '整理'), clause('3', '補足')],
    };
    expect(tocEntries(ch).map((c) => c.title)).toEqual(['整理', '補足']);
    expect(hasSectionLabels(tocEntries(ch))).toBe(true);
    expect(hasSectionLabels([clause('3', '補足')])).toBe(false);
  });
});

describe('footer build date', () => {
  it('follows SOURCE_DATE_EPOCH when set, else the day of the build (UTC)', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    expect(buildDate({}, Date.UTC(2026, 10, 29, 23, 59))).toBe('2026-11-29');
    expect(buildDate({ SOURCE_DATE_EPOCH: 'x' }, Date.UTC(2026, 0, 2))).toBe('2026-01-02');
  });
});

describe('glossary index', () => {
  it('files Japanese terms under the 五十音 row of their reading and letters under A–Z, as separate groups', () => {
    const groups = glossaryIndex([
      { term: 'Appendix', reading: 'あぺんでぃっくす' },
      { term: 'アセスメント', reading: 'あせすめんと' },
      { term: 'インシデント' },
      { term: '資産台帳', reading: 'しさんだいちょう' },
      { term: 'ＯＴ', reading: 'おーてぃー' },
    ]);
    expect(groups.map((g) => [g.id, g.label, g.terms.map((t) => t.term)])).toEqual([
      ['idx-a', 'A', ['Appendix']],
      ['idx-o', 'O', ['ＯＴ']],
      ['idx-a-row', 'あ行', ['アセスメント', 'インシデント']],
      ['idx-sa-row', 'さ行', ['資産台帳']],
    ]);
  });
});
