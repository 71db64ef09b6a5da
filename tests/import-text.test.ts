/**
 * Text as written: what `kojo import` makes of the text inside a unit — footnotes out of the flow,
 * URLs and mail addresses whole, paragraphs across page breaks, tables rebuilt row by row from
 * wrapped cells, two-column pages in reading order — the page of every line (pageLines), and the
 * checklist gate that keeps the project's items unless the official ones look complete.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuidelineMeta } from '../indexer/corpus/index.ts';
import {
  checklistDoubt,
  detectUnits,
  isWholeSentence,
  joinWords,
  type ImportedUnit,
  type Line,
  pageLines,
  pageMap,
  readChecklist,
  readSource,
  reportedCounts,
  type SourcePage,
  takeFootnotes,
  tableAt,
  toPagedMarkdown,
} from '../indexer/import/node.ts';
import { kojo, root } from './helpers/cli.ts';
import { filler, type TextLayout, writeTextPdf } from './helpers/text-pdfs.ts';

const registry = (parse(readFileSync(join(root, 'content', 'guidelines.yml'), 'utf8')) as { kind?: string }[])
  .filter((g) => g.kind !== 'reference')
  .map((g) => GuidelineMeta.parse(g));
const meti = registry.find((g) => g.key === 'meti')!;
const categories = parse(readFileSync(join(root, 'content', 'checklist', 'categories.yml'), 'utf8')) as {
  id: string;
  name: string;
}[];

const URLS = [
  'https://www.example.go.jp/policy/netsecurity/factory-systems/guideline-v1.0/index.html',
  'https://www.example.or.jp/security/ot/reference/documents/2024/list.html?lang=ja&page=2',
  'security-contact.factory-systems@example.co.jp',
];
const GLOSSARY: string[][] = Array.from({ length: 30 }, (_, i) => [
  i === 7 ? '工場システムサプライチェーン管理責任者' : `試験用語${i + 1}`,
  `試験用語${i + 1}の説明です。${i % 4 === 0 ? 'この説明は長めに書いてあり、表の中で折り返して二行以上になるようにしてあります。区切り記号 a|b も含みます。' : ''}`,
]);
const CATEGORY_NAMES = ['準備', '組織的対策', '運用的対策', '技術的対策', '工場システムサプライチェーン管理'];
const PER_CATEGORY = [5, 7, 8, 8, 5];
/** 33 items, numbered, the category printed on the first row of its group only (a merged cell). */
const CHECKLIST: string[][] = CATEGORY_NAMES.flatMap((name, c) =>
  Array.from({ length: PER_CATEGORY[c]! }, (_, i) => {
    const n = PER_CATEGORY.slice(0, c).reduce((a, b) => a + b, 0) + i + 1;
    const text = `試験用の確認項目その${n}として、関係する部門と手順${n % 3 === 0 ? 'および記録の保管方法' : ''}を確かめているか。`;
    return [String(n), i === 0 ? name : '', text, n % 2 ? '記録を確認' : '担当者に聞く', ''];
  }),
);
/** A paragraph's worth of text, `n` sentences. */
const long = (tag: string, n: number) => filler(tag, n);
/** Full-width text filling its last line to the margin: 44 characters after the 字下げ, then 45 a line. */
const FULL = `${long('ページ末尾', 4).slice(0, 44 + 45 * 3 - 1)}。`;

let dir: string;
let layout: TextLayout;
let units: Map<string, ImportedUnit>;

beforeAll(async () => {
  mkdirSync(join(root, 'tests', '.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, 'tests', '.tmp', 'import-text-'));
  layout = await writeTextPdf(join(dir, 'text.pdf'), {
    units: {
      '1': [
        {
          p: `脚注の試験です。この仕組みは後か{^3}ら追加されたものであり、${long('注の段落', 1)}`,
          indent: true,
          notes: { '3': '試験用の脚注の本文で、実在の文書の記述ではありません。' },
        },
        { p: `もう一つの段落です。${long('注のない段落', 2)}`, indent: true },
        {
          p: `印の付いた注※1を参照する段落です。${long('印の注の段落', 1)}`,
          indent: true,
          notes: { '※1': '印で示した試験用の注です。' },
        },
      ],
      コラム1: [
        {
          p: `参考資料は ${URLS[0]} を参照してください。関連する一覧は ${URLS[1]} にあります。問い合わせは ${URLS[2]} まで。${long('URLの段落', 1)}`,
          indent: true,
        },
      ],
      '2': [
        { p: long('ページ跨ぎ', 30), indent: true, id: 'cross' },
        { p: long('次の段落', 3), indent: true, id: 'next' },
      ],
      '3': [
        // The last line of this paragraph runs to the margin, the next starts a page: its indent says it is new.
        { p: FULL, indent: true, id: 'full' },
        { pageBreak: true },
        { p: long('ページ先頭', 2), indent: true, id: 'top' },
      ],
      付録A: [
        { p: long('付録A', 2), indent: true },
        { table: { widths: [110, 365], header: ['用語', '説明'], rows: GLOSSARY } },
      ],
      付録E: [
        { p: long('付録E', 2), indent: true },
        {
          table: {
            widths: [32, 72, 210, 110, 40],
            header: ['No.', '分類', '確認項目', '確認の観点', 'レベル'],
            rows: CHECKLIST,
          },
        },
      ],
      コラム2: [{ p: long('段組の前', 1), indent: true }, { columns: [long('左の段', 3), long('右の段', 3)] }],
    },
  });
  const { document } = await readSource(join(dir, 'text.pdf'));
  const result = detectUnits(document, meti, registry);
  units = new Map(result.units.map((u) => [u.section, u]));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paragraphs = (section: string) => units.get(section)!.text.split('\n\n');

describe('footnotes', () => {
  it('keeps a superscript reference out of the word and puts the note after its paragraph', () => {
    const [first, note, second] = paragraphs('1');
    expect(first).toMatch(/^脚注の試験です。この仕組みは後か［注3］ら追加されたものであり、/);
    expect(note).toBe('［注3］試験用の脚注の本文で、実在の文書の記述ではありません。');
    expect(second).toMatch(/^もう一つの段落です。/);
    expect(units.get('1')!.text).not.toMatch(/後か3ら|3試験用/);
  });

  it('follows a note marked ※1 to the paragraph that prints the mark', () => {
    const all = paragraphs('1');
    const at = all.findIndex((p) => p.startsWith('印の付いた注※1を参照する段落です。'));
    expect(at).toBeGreaterThan(0);
    expect(all[at + 1]).toBe('［注1］印で示した試験用の注です。');
  });
});

describe('line joins', () => {
  it('keeps wrapped URLs and mail addresses whole', () => {
    const text = units.get('コラム1')!.text.replace(/\\(.)/g, '$1');
    for (const url of URLS) expect(text).toContain(url);
    expect(text).toMatch(/^参考資料は https:/);
  });

  it('joins Japanese without a space, Latin words with one, and never splits an address (pure)', () => {
    expect(joinWords('設備の', '担当者')).toBe('設備の担当者');
    expect(joinWords('network segment or', 'remote access')).toBe('network segment or remote access');
    expect(joinWords('詳細は https://www.example.go.jp/policy/', 'index.html を参照')).toBe(
      '詳細は https://www.example.go.jp/policy/index.html を参照',
    );
    expect(joinWords('詳細は https://www.example.go.jp/netsecu', 'rity を参照')).toBe(
      '詳細は https://www.example.go.jp/netsecurity を参照',
    );
    expect(joinWords('連絡先 security@exam', 'ple.co.jp まで')).toBe('連絡先 security@example.co.jp まで');
    expect(joinWords('ISO/', 'IEC 62443')).toBe('ISO/IEC 62443');
    expect(joinWords('IEC 62443-', '3-3')).toBe('IEC 62443-3-3');
    // A URL that ended at the line end, followed by English words: a space.
    expect(joinWords('see https://example.com/a', 'and more')).toBe('see https://example.com/a and more');
    expect(joinWords('This is a test.', 'Next one')).toBe('This is a test. Next one');
  });
});

describe('paragraphs across pages', () => {
  it('keeps a paragraph that runs onto the next page as one paragraph', () => {
    const [cross, next] = paragraphs('2');
    expect(layout.at.get('next')).toBeGreaterThan(layout.at.get('cross')!);
    expect(cross).toBe(long('ページ跨ぎ', 30));
    expect(next).toBe(long('次の段落', 3));
  });

  it('starts a new paragraph at the top of a page when its first line is indented, after a full last line', () => {
    expect(layout.at.get('top')).toBe(layout.at.get('full')! + 1);
    expect(paragraphs('3')).toEqual([FULL, long('ページ先頭', 2)]);
  });
});

/** A Markdown table's rows, cells unescaped. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|( --- \|)+$/.test(l))
    .map((l) =>
      l
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((c) => c.replace(/\\(.)/g, '$1')),
    );
}

describe('tables', () => {
  it('rebuilds the glossary row by row from wrapped cells over two pages, every row kept', () => {
    const unit = units.get('付録A')!;
    expect(unit.pages[1]).toBeGreaterThan(unit.pages[0]);
    expect(tableRows(unit.text)).toEqual([['用語', '説明'], ...GLOSSARY]);
    // The pipe in a cell is escaped, so the row keeps its two cells.
    expect(unit.text).toContain('区切り記号 a\\|b も含みます。');
  });

  it('rebuilds a 5-column checklist with a repeated header on its continuation page', () => {
    const rows = tableRows(units.get('付録E')!.text);
    expect(layout.at.get(`table1:${CHECKLIST.length - 1}`)).toBeGreaterThan(layout.at.get('table1:0')!);
    expect(rows).toEqual([['No.', '分類', '確認項目', '確認の観点', 'レベル'], ...CHECKLIST]);
  });

  it('reads the checklist rows as 33 numbered items in their categories (merged category cells carried down)', () => {
    const read = readChecklist(units.get('付録E')!, categories);
    expect('rows' in read && read.rows.map((r) => [r.number, r.category, r.text])).toEqual(
      CHECKLIST.map((r, i) => [
        r[0],
        categories.find(
          (c) =>
            c.name ===
            CATEGORY_NAMES[
              PER_CATEGORY.findIndex((_, k) => i < PER_CATEGORY.slice(0, k + 1).reduce((a, b) => a + b, 0))
            ],
        )!.id,
        r[2],
      ]),
    );
  });
});

describe('two columns', () => {
  it('reads the left column before the right one, each paragraph whole', () => {
    expect(paragraphs('コラム2')).toEqual([long('段組の前', 1), long('左の段', 3), long('右の段', 3)]);
  });
});

describe('the page of each line', () => {
  it('gives every line of the text a page: a paragraph cites the page its first line is on', () => {
    const unit = units.get('2')!;
    const lines = unit.text.split('\n');
    expect(unit.linePages).toHaveLength(lines.length);
    expect(unit.linePages[lines.findIndex((l) => l.startsWith('この段落は次の段落'))]).toBe(layout.at.get('next'));
    const table = units.get('付録E')!;
    const row = table.text.split('\n').findIndex((l) => l.startsWith('| 33 |'));
    expect(table.linePages[row]).toBe(layout.at.get(`table1:${CHECKLIST.length - 1}`));
  });

  it('compresses the pages into [body line, page] pairs where a page begins (pure)', () => {
    expect(pageMap([5, 5, 5, 6, 6, 7])).toEqual([
      [1, 5],
      [5, 6],
      [7, 7],
    ]);
    expect(pageMap([3])).toEqual([[1, 3]]);
  });
});

describe('kojo import writes the page map and the checklist the gate lets through', () => {
  let content: string;
  let stdout: string;
  beforeAll(() => {
    content = join(dir, 'content');
    cpSync(join(root, 'content'), content, { recursive: true });
    rmSync(join(content, 'official'), { recursive: true, force: true });
    const r = kojo(['import', join(dir, 'text.pdf'), '--guideline', 'meti', '--content', content]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(0);
    stdout = r.stdout;
  }, 60_000);

  it('records pageLines in the unit files, and a paragraph on page N cites N', () => {
    const file = readdirUnit(content, '2');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file)!;
    const fm = parse(front!) as { pages: [number, number]; pageLines: [number, number][] };
    expect(fm.pageLines[0]).toEqual([1, fm.pages[0]]);
    const bodyLine = body!.split('\n').findIndex((l) => l.startsWith('この段落は次の段落')) + 1;
    const page = fm.pageLines.filter(([line]) => line <= bodyLine).at(-1)![1];
    expect(page).toBe(layout.at.get('next'));
  });

  it('passes kojo check', () => {
    const check = kojo(['check', '--content', content]);
    expect(check.stdout).toMatch(/meti: .*official text 25\/25 units/);
    expect(check.status).toBe(0);
  }, 60_000);

  it('takes the 33 complete official items for the checklist', () => {
    expect(stdout).toMatch(/checklist \(付録E\): 33 items read; \/checklist\/ and kojo checklist use them/);
    const checklist = JSON.parse(kojo(['checklist', '--json', '--content', content]).stdout) as {
      items: { basis: string; number?: string; text: string }[];
    };
    expect(checklist.items.map((i) => [i.basis, i.number, i.text])).toEqual(
      CHECKLIST.map((r) => ['official', r[0], r[2]]),
    );
  }, 60_000);
});

/** The unit file of a section in an import folder. */
function readdirUnit(content: string, section: string): string {
  const folder = join(content, 'official', 'meti');
  const manifest = parse(readFileSync(join(folder, 'import.yml'), 'utf8')) as {
    units: { section: string; file?: string }[];
  };
  return readFileSync(join(folder, manifest.units.find((u) => u.section === section)!.file!), 'utf8');
}

describe('the checklist gate (pure)', () => {
  const row = (number: string | undefined, category: string, text: string) => ({
    ...(number ? { number } : {}),
    category,
    text,
  });
  const complete = CHECKLIST.map((r, i) => row(r[0], i < 10 ? 'prep' : 'org', r[2]!));

  it('lets through numbered whole sentences in categories, as many as the sources report', () => {
    expect(checklistDoubt(complete, [35, 32])).toBeUndefined();
  });

  it('refuses fragments of wrapped cells, saying why', () => {
    const fragments = [
      row(undefined, 'prep', '係する部門と確かめているか。'),
      row(undefined, 'prep', 'ている。'),
      row(undefined, 'org', '工場の資産の台帳を整備し、関'),
    ];
    const reason = checklistDoubt(fragments, [35, 32])!;
    expect(reason).toMatch(/^the items read do not look complete: /);
    expect(reason).toContain('3 of 3 items carry no number (「係する部門と確かめているか。」)');
    expect(reason).toContain('2 items are not whole sentences (「ている。」)');
    expect(reason).toContain('3 items read, but the sources report 32–35');
    expect(isWholeSentence('工場の資産の台帳を整備し、関')).toBe(false);
    expect(isWholeSentence('する部門と手順を確かめているか。')).toBe(false);
    expect(isWholeSentence('関係する部門と手順を確かめているか。')).toBe(true);
  });

  it('refuses too many or too few items, repeated numbers, one category, or no count to check against', () => {
    expect(checklistDoubt(complete.slice(0, 30), [35, 32])).toContain('30 items read, but the sources report 32–35');
    expect(checklistDoubt([...complete, complete[0]!], [35, 32])).toContain('item number 1 appears twice');
    expect(
      checklistDoubt(
        complete.map((r) => ({ ...r, category: 'prep' })),
        [35, 32],
      ),
    ).toContain('all items fall in one category');
    expect(checklistDoubt(complete, [])).toContain('no source in content/checklist/facts.yml says how many items');
  });

  it('takes the counts from facts.yml claims', () => {
    const facts = parse(readFileSync(join(root, 'content', 'checklist', 'facts.yml'), 'utf8'));
    expect(reportedCounts(facts).sort()).toEqual([32, 35]);
  });
});

/** A line as pageLines makes it, for the pure tests. */
function line(page: number, y: number, x: number, text: string, more: Partial<Line> = {}): Line {
  const size = more.size ?? 10;
  const right = x + [...text].length * size;
  return { page, text, cells: [{ x, text }], spans: [{ x, right, text }], x, right, y, size, bold: false, ...more };
}

describe('line assembly (pure)', () => {
  const page = (runs: SourcePage['runs']): SourcePage => ({ number: 4, height: 842, runs });
  const run = (text: string, x: number, y: number, size = 10) => ({
    text,
    x,
    y,
    width: [...text].length * size,
    size,
    bold: false,
  });

  it('takes a raised smaller number after a word for a reference, not a character of the word', () => {
    const [l] = pageLines(page([run('後か', 60, 700), run('3', 80, 703.5, 6), run('ら追加された', 83.5, 700)]));
    expect(l!.text).toBe('後から追加された');
    expect(l!.refs).toEqual([{ at: 2, label: '3' }]);
  });

  it('starts a line after a 字下げ typed as a full-width space, as if indented', () => {
    const [l] = pageLines(page([run('　段落の最初の行です。', 60, 700)]));
    expect(l!.text).toBe('段落の最初の行です。');
    expect(l!.x).toBe(70);
  });

  it('reads a two-column page column by column, a heading across both first', () => {
    const runs = [run('見出しが二つの段をまたいで置かれています', 60, 760, 14)];
    for (let i = 0; i < 8; i++) {
      runs.push(run(`左の段の${i + 1}行目の文章です。左の段の文章`, 60, 720 - i * 16));
      runs.push(run(`右の段の${i + 1}行目の文章です。右の段の文章`, 320, 720 - i * 16));
    }
    const lines = pageLines(page(runs));
    expect(lines.map((l) => l.text.slice(0, 8))).toEqual([
      '見出しが二つの段',
      ...Array.from({ length: 8 }, (_, i) => `左の段の${i + 1}行目の`),
      ...Array.from({ length: 8 }, (_, i) => `右の段の${i + 1}行目の`),
    ]);
    expect(lines[1]!.column).toBe(0);
    expect(lines[9]!.column).toBe(1);
  });

  it('keeps a table with a narrow first column as rows, not columns', () => {
    const runs = [];
    for (let i = 0; i < 8; i++) {
      runs.push(run(`${i + 1}`, 60, 720 - i * 16));
      runs.push(run(`確認項目その${i + 1}の文章です。確認項目の説明をここに書きます。`, 100, 720 - i * 16));
    }
    expect(pageLines(page(runs)).map((l) => l.cells.length)).toEqual(Array(8).fill(2));
  });
});

describe('footnotes, tables and paragraphs (pure)', () => {
  it('takes the small numbered lines at the page foot for notes of the lines referring to them', () => {
    const lines = [
      line(5, 700, 70, '本文の一行目で、後から注を参照する行です。', { refs: [{ at: 5, label: '2' }] }),
      line(5, 684, 60, '本文の二行目です。'),
      line(5, 120, 60, '2 注の一行目で、少し長い注の本文です。', { size: 8 }),
      line(5, 110, 72, '注の二行目です。', { size: 8 }),
      line(6, 700, 60, '次のページの本文です。'),
    ];
    const out = takeFootnotes(lines);
    expect(out.map((l) => l.text)).toEqual([
      '本文の一行目で、後から注を参照する行です。',
      '本文の二行目です。',
      '次のページの本文です。',
    ]);
    expect(out[0]!.notes).toEqual([
      { label: '2', text: '注の一行目で、少し長い注の本文です。注の二行目です。', page: 5 },
    ]);
  });

  it('leaves small numbered lines alone when nothing on the page refers to them', () => {
    const lines = [line(5, 700, 60, '本文です。'), line(5, 120, 60, '1 出典の一覧', { size: 8 })];
    expect(takeFootnotes(lines)).toEqual(lines);
  });

  it('joins wrapped cells into rows, drops the header repeated on the next page, and stops at a paragraph', () => {
    const row = (page: number, y: number, cells: [number, string][]) =>
      line(page, y, cells[0]![0], cells.map((c) => c[1]).join(' '), {
        cells: cells.map(([x, text]) => ({ x, text })),
        spans: cells.map(([x, text]) => ({ x, right: x + [...text].length * 10, text })),
      });
    const lines = [
      row(3, 700, [
        [60, 'No.'],
        [100, '項目'],
        [300, '備考'],
      ]),
      row(3, 680, [
        [60, '1'],
        [100, '一つ目の項目で、折り'],
        [300, 'なし'],
      ]),
      row(3, 666, [[100, '返した続きです。']]),
      row(4, 760, [
        [60, 'No.'],
        [100, '項目'],
        [300, '備考'],
      ]),
      row(4, 740, [
        [60, '2'],
        [100, '二つ目の項目'],
        [300, '備考が長く折'],
      ]),
      row(4, 726, [[300, 'り返します']]),
      line(4, 690, 60, 'この行は表の後の段落で、表の列をまたいで長く続いていきます。'),
    ];
    const table = tableAt(lines, 0, () => false)!;
    expect(table.rows).toEqual([
      ['No.', '項目', '備考'],
      ['1', '一つ目の項目で、折り返した続きです。', 'なし'],
      ['2', '二つ目の項目', '備考が長く折り返します'],
    ]);
    expect(table.pages).toEqual([3, 3, 4]);
    expect(table.end).toBe(6);
  });

  it('carries a paragraph over a page break unless the next page starts with an indented line, and pages every line', () => {
    const options = { isHeading: () => false, rightEdge: () => 500 };
    const lines = [
      line(7, 700, 60, 'あ'.repeat(44), { right: 500 }),
      line(7, 684, 60, `${'い'.repeat(43)}。`, { right: 500 }),
      line(8, 760, 60, `${'う'.repeat(20)}。`, { right: 260 }),
      line(8, 744, 70, 'え'.repeat(43), { right: 500 }),
      line(8, 728, 60, `${'お'.repeat(10)}。`, { right: 160 }),
      line(9, 760, 70, `${'か'.repeat(10)}。`, { right: 170 }),
    ];
    const md = toPagedMarkdown(lines, options);
    expect(md.text.split('\n\n')).toEqual([
      `${'あ'.repeat(44)}${'い'.repeat(43)}。${'う'.repeat(20)}。`,
      `${'え'.repeat(43)}${'お'.repeat(10)}。`,
      `${'か'.repeat(10)}。`,
    ]);
    expect(md.pages).toEqual([7, 7, 8, 8, 9]);
  });

  it('renders a reference where its superscript was and the note after the paragraph', () => {
    const lines = [
      line(2, 700, 60, '後から追加された仕組み', {
        refs: [{ at: 2, label: '3' }],
        notes: [{ label: '3', text: '注の本文。', page: 2 }],
      }),
    ];
    expect(toPagedMarkdown(lines, { isHeading: () => false, rightEdge: () => 500 })).toEqual({
      text: '後か［注3］ら追加された仕組み\n\n［注3］注の本文。',
      pages: [2, 2, 2],
    });
  });
});
