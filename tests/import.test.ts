import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  ImportManifest,
  matchUnit,
  officialUnits,
  parseHeading,
  readText,
  detectUnits,
  type ImportResult,
} from '../indexer/import/index.ts';
import { GuidelineMeta } from '../indexer/corpus/index.ts';
import { kojo, root } from './helpers/cli.ts';
import {
  guidelineText,
  gutpSpec,
  metiSpec,
  writeGuidelinePdf,
  writeImageOnlyPdf,
  type SimpleLayout as Layout,
} from '../scripts/tools/sample-pdfs/index.ts';

const tmpRoot = join(root, 'tests', '.tmp');
let dir: string;
let content: string;
let meti: Layout;
let gutp: Layout;
const file = (name: string) => join(dir, name);
const registry = (parse(readFileSync(join(root, 'content', 'guidelines.yml'), 'utf8')) as { kind?: string }[])
  .filter((g) => g.kind !== 'reference')
  .map((g) => GuidelineMeta.parse(g));
const metiMeta = registry.find((g) => g.key === 'meti')!;

beforeAll(async () => {
  mkdirSync(tmpRoot, { recursive: true });
  dir = mkdtempSync(join(tmpRoot, 'import-'));
  // The import needs only the official table of contents: a content folder holding guidelines.yml.
  content = join(dir, 'content');
  mkdirSync(content);
  copyFileSync(join(root, 'content', 'guidelines.yml'), join(content, 'guidelines.yml'));
  [meti, gutp] = await Promise.all([
    writeGuidelinePdf(file('meti.pdf'), metiSpec(), { outline: true }),
    writeGuidelinePdf(file('gutp.pdf'), gutpSpec()),
    writeGuidelinePdf(file('meti-plain.pdf'), metiSpec()),
    writeGuidelinePdf(file('meti-1.1.pdf'), metiSpec('Ver 1.1'), { outline: true }),
    writeGuidelinePdf(file('encrypted.pdf'), metiSpec(), { userPassword: 'secret' }),
    writeImageOnlyPdf(file('scan.pdf')),
  ]);
  writeFileSync(file('meti.txt'), guidelineText(metiSpec()));
  writeFileSync(
    file('photo.jpg'),
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xc3, 0x28]),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `kojo import --json` into a fresh folder and returns the manifest and the unit files. */
function importJson(source: string, guideline: string, out = join(dir, `out-${Math.random().toString(36).slice(2)}`)) {
  const r = kojo(['import', source, '--guideline', guideline, '--content', content, '--out', out, '--json']);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.status).toBe(0);
  const report = JSON.parse(r.stdout) as ImportManifest & { out: string; contentsPages: number[] };
  const units = new Map(
    readdirSync(out)
      .filter((f) => f.endsWith('.md'))
      .map((f) => {
        const [, front, body] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(readFileSync(join(out, f), 'utf8'))!;
        const fm = parse(front!) as { chapter: string; section: string; title: string; pages: [number, number] };
        return [`${fm.chapter}/${fm.section}` as string, { ...fm, file: f, body: body! }] as const;
      }),
  );
  return { report, units, out, stderr: r.stderr };
}

/** Every official unit the fixture printed, with the page its heading is on. */
function expectedStarts(layout: Layout) {
  return layout.headings
    .filter((h) => h.unit)
    .map((h) => ({ key: `${h.unit!.chapter}/${h.unit!.section}`, page: h.page }));
}

describe('kojo import: a METI-shaped PDF with bookmarks', () => {
  let run: ReturnType<typeof importJson>;
  beforeAll(() => {
    run = importJson(file('meti.pdf'), 'meti');
  });

  it('finds every chapter, step, appendix and column of guidelines.yml at the page its heading is on', () => {
    expect(run.report.method).toBe('outline');
    expect(run.report.units.every((u) => u.found)).toBe(true);
    expect(run.report.units).toHaveLength(officialUnits(metiMeta).length);
    for (const { key, page } of expectedStarts(meti)) expect(run.units.get(key)?.pages[0], key).toBe(page);
    // A unit runs to the next unit's heading: ステップ1-3 shares page 6 with its neighbours, 付録A has a page of its own.
    expect(run.units.get('付録A/付録A')!.pages).toEqual([9, 9]);
    expect(run.units.get('3/ステップ2-2')!.title).toBe('試験用の見出しI');
    expect(run.units.get('3/ステップ1')!.title).toBe('内外要件（経営層の取組や法令等）や業務、保護対象等の整理');
  });

  it('gives each unit its own text, and a chapter only what precedes its first section', () => {
    expect(run.units.get('3/ステップ1-3')!.body).toContain('この段落はステップ1-3の試験用');
    expect(run.units.get('3/ステップ1-3')!.body).not.toContain('ステップ1-4の試験用');
    expect(run.units.get('3/3')!.body).toContain('第3章の試験用');
    // Bold boxes of an overview figure naming the steps are not where the steps start.
    expect(run.units.get('3/ステップ1')!.body).toMatch(/^この段落はステップ1の試験用/);
    expect(run.units.get('3/3')!.body).toContain('*図3-1 試験用の進め方の全体像*');
    expect(run.units.get('3/3')!.body).not.toContain('ステップ1');
  });

  it('records the file, its hash, the title and edition of its title page, and the coverage', () => {
    const manifest = ImportManifest.parse(parse(readFileSync(join(run.out, 'import.yml'), 'utf8')));
    const bytes = readFileSync(file('meti.pdf'));
    expect(manifest.source).toMatchObject({
      file: 'meti.pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      pages: meti.pages,
      title: metiMeta.title,
      edition: 'Ver 1.0',
    });
    expect(manifest.kojoImport).toBe(1);
    const step = manifest.units.find((u) => u.section === 'ステップ1-2')!;
    expect(step).toMatchObject({ chapter: '3', found: true, file: run.units.get('3/ステップ1-2')!.file });
    expect(step.chars).toBe(run.units.get('3/ステップ1-2')!.body.trim().length);
    expect(manifest.unplaced).toEqual([{ page: 8, text: '3.2.2.1 試験用の小見出し' }]);
  });

  it('drops running headers, footers and page numbers, and takes nothing from the contents page', () => {
    expect(run.report.contentsPages).toEqual([meti.contentsPage]);
    for (const [key, unit] of run.units) {
      expect(unit.body, key).not.toContain('Ver 1.0');
      expect(unit.body, key).not.toMatch(/- \d+ -|目次|\.{4}/);
      expect(unit.pages[0], key).toBeGreaterThan(meti.contentsPage);
    }
  });

  it('records why the checklist table could not become items when the content has no checklist categories', () => {
    expect(run.report.checklist).toEqual({
      chapter: '付録E',
      items: 0,
      reason: 'content/checklist/categories.yml names no categories',
    });
    expect(readdirSync(run.out)).not.toContain('checklist.yml');
  });

  it('joins lines broken by the layout and keeps lists, tables and captions as Markdown', () => {
    const ch1 = run.units.get('1/1')!.body;
    expect(ch1).toContain(
      '- 試験用の一つ目の箇条\n- 試験用の二つ目の箇条で、少し長めに書いて折り返しが起きるようにした文章です。折り返した後も同じ箇条として読まれるべきです。\n- 試験用の三つ目の箇条',
    );
    // One paragraph per paragraph: no line break inside it.
    expect(ch1.split('\n\n')[0]).toMatch(/^この段落は第1章の試験用に作られた文章であり、[^\n]*関係者へ共有します。$/);
    expect(ch1).toContain('remote access');
    expect(run.units.get('3/ステップ1-2')!.body).toContain('1. 一つ目の手順を行う。\n2. 二つ目の手順を行う。');
    expect(run.units.get('付録E/付録E')!.body).toContain(
      '| No. | 分類 | 確認項目 | レベル |\n| --- | --- | --- | --- |\n| 1 | 準備 | 試験用の確認項目その一 | 1 |',
    );
    expect(run.units.get('2/2')!.body).toContain('*図2-1 試験用の工場構成図*');
    expect(run.units.get('3/ステップ2-2')!.body).toContain('### 3.2.2.1 試験用の小見出し');
    for (const [, unit] of run.units) expect(unit.body).not.toMatch(/<[a-z]/i);
  });

  it('prints clean JSON on stdout, and no progress lines when stderr is not a terminal', () => {
    expect(run.stderr).not.toMatch(/reading pages/);
    expect(run.report.out).toBe(run.out);
  });
});

describe('kojo import: the same PDF without bookmarks, as text, and a GUTP-shaped PDF', () => {
  it('finds the same units at the same pages from the printed headings', () => {
    const withOutline = importJson(file('meti.pdf'), 'meti');
    const plain = importJson(file('meti-plain.pdf'), 'meti');
    expect(plain.report.method).toBe('headings');
    expect(plain.report.units.every((u) => u.found)).toBe(true);
    for (const [key, unit] of withOutline.units) expect(plain.units.get(key), key).toEqual(unit);
    expect(plain.report.unplaced).toEqual([{ page: 8, text: '3.2.2.1 試験用の小見出し' }]);
  });

  it('imports text copied from a viewer (form feeds between pages) through the same detection', () => {
    const text = importJson(file('meti.txt'), 'meti');
    expect(text.report.method).toBe('text');
    expect(text.report.units.every((u) => u.found)).toBe(true);
    expect(text.report.source.edition).toBe('Ver 1.0');
    const ch1 = text.units.get('1/1')!;
    expect(ch1.pages).toEqual([3, 3]);
    expect(ch1.body).toContain(
      '- 試験用の二つ目の箇条で、少し長めに書いて折り返しが起きるようにした文章です。折り返した後も同じ箇条として読まれるべきです。',
    );
    expect(ch1.body).toContain('なお network segment や remote access の扱いは');
    expect(ch1.body).not.toMatch(/- \d+ -|Ver 1\.0/);
    expect(text.units.get('付録E/付録E')!.body).toContain('| 2 | 準備 | 試験用の確認項目その二 | 2 |');
    expect(text.units.get('3/ステップ1')!.body).toMatch(/^この段落はステップ1の試験用/);
  });

  it('finds GUTP chapters printed as 第N章 and its numbered appendices', () => {
    const run = importJson(file('gutp.pdf'), 'gutp');
    expect(run.report.units.every((u) => u.found)).toBe(true);
    expect(run.report.source.edition).toBe('v1.00');
    for (const { key, page } of expectedStarts(gutp)) expect(run.units.get(key)?.pages[0], key).toBe(page);
    expect(run.units.get('4/4')!.title).toBe('対象FAシステムのセキュリティ保護対象と脅威・影響');
  });
});

describe('kojo import: refusals, one line, exit 1, nothing written', () => {
  const refused = (source: string, guideline: string, message: RegExp) => {
    const out = join(dir, `refused-${Math.random().toString(36).slice(2)}`);
    const r = kojo(['import', source, '--guideline', guideline, '--content', content, '--out', out]);
    expect(r.status).toBe(1);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('reading pages'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.refused'))).toEqual([]);
  };

  it('refuses a file that is neither a PDF nor text', () =>
    refused(
      file('photo.jpg'),
      'meti',
      /^kojo: .*photo\.jpg is neither a PDF nor a UTF-8 text file \(text in another encoding: save it as UTF-8\)$/,
    ));
  it('refuses an encrypted PDF', () =>
    refused(file('encrypted.pdf'), 'meti', /encrypted\.pdf is encrypted \(password-protected\)/));
  it('refuses a PDF without a text layer', () =>
    refused(file('scan.pdf'), 'meti', /scan\.pdf has no text layer \(scanned: run OCR first/));
  it('refuses another guideline, saying what was found', () =>
    refused(
      file('gutp.pdf'),
      'meti',
      /not METI「工場システム.*」: its title page reads 「工場セキュリティガイドライン 概要編」.*looks like gutp \(--guideline gutp\)/,
    ));
  it('refuses another edition, saying which', () =>
    refused(file('meti-1.1.pdf'), 'meti', /this is METI Ver 1\.1, but the corpus describes Ver 1\.0/));
  it('refuses a missing file', () => refused(file('nothing.pdf'), 'meti', /cannot read .*nothing\.pdf: no such file/));
  it('names the known guidelines for an unknown key', () =>
    refused(file('meti.pdf'), 'iso', /unknown guideline 'iso' \(known: meti, gutp\)/));
});

describe('kojo import: writing', () => {
  it('writes CONTENT/official/KEY by default and touches nothing else in content/', () => {
    const tree = join(dir, 'content-default');
    mkdirSync(tree);
    copyFileSync(join(content, 'guidelines.yml'), join(tree, 'guidelines.yml'));
    const dry = kojo(['import', file('meti.pdf'), '--guideline', 'meti', '--content', tree, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/25 of 25 official units found \(outline\)[\s\S]*dry run: nothing written/);
    expect(readdirSync(tree)).toEqual(['guidelines.yml']);
    const r = kojo(['import', file('meti.pdf'), '--guideline', 'meti', '--content', tree]);
    expect(r.status).toBe(0);
    expect(readdirSync(tree).sort()).toEqual(['guidelines.yml', 'official']);
    expect(readdirSync(join(tree, 'official'))).toEqual(['meti']);
    expect(readdirSync(join(tree, 'official', 'meti'))).toContain('import.yml');
    expect(readFileSync(join(tree, 'guidelines.yml'), 'utf8')).toBe(
      readFileSync(join(root, 'content', 'guidelines.yml'), 'utf8'),
    );
  });

  it('replaces a previous import as a whole, and leaves nothing beside it', () => {
    const out = join(dir, 'replace', 'meti');
    importJson(file('meti.pdf'), 'meti', out);
    writeFileSync(join(out, '099.md'), 'a unit file of an older import\n');
    const second = importJson(file('meti-plain.pdf'), 'meti', out);
    expect(second.report.source.file).toBe('meti-plain.pdf');
    expect(readdirSync(out)).not.toContain('099.md');
    expect(readdirSync(join(dir, 'replace'))).toEqual(['meti']);
  });

  it('refuses to replace a folder it did not write, and leaves it untouched', () => {
    for (const files of [
      { 'notes.md': 'mine' },
      { 'import.yml': 'kojoImport: 1\n', 'notes.txt': 'mine' },
      { 'import.yml': 'something: else\n' },
    ]) {
      const out = mkdtempSync(join(dir, 'foreign-'));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
      const r = kojo(['import', file('meti.pdf'), '--guideline', 'meti', '--content', content, '--out', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^kojo: refusing to replace .*: it holds files this tool did not write/);
      expect(r.stderr).not.toMatch(/reading pages/); // refused before the file is read
      expect(readdirSync(out).sort()).toEqual(Object.keys(files).sort());
    }
  });
});

describe('import detection (pure)', () => {
  const units = officialUnits(metiMeta);
  const label = (text: string) => {
    const u = matchUnit(parseHeading(text), units);
    return u && `${u.chapter}/${u.section}`;
  };

  it('reads numbering in any width and spacing', () => {
    expect(label('ステップ１－１ 何か')).toBe('3/ステップ1-1');
    expect(label('3.1.2　ステップ 1-2')).toBe('3/ステップ1-2');
    expect(label('第３章 セキュリティ対策企画・導入の進め方')).toBe('3/3');
    expect(label('付録 Ａ　用語/略語')).toBe('付録A/付録A');
    expect(label('コラム４ 工場におけるクラウド利用')).toBe('コラム4/コラム4');
    expect(label('はじめに')).toBe('1/1');
    expect(label('【コラム2】工場システムの目的や製造業/工場の価値から見たセキュリティ')).toBe('コラム2/コラム2');
    expect(label('(1) ステップ1-5：何か')).toBe('3/ステップ1-5');
  });

  it('does not take a bare number or a contradicting title for a unit', () => {
    expect(label('1 試験の概要')).toBeUndefined();
    expect(label('付録A チェックリスト')).toBeUndefined();
    expect(label('ステップ9 何か')).toBeUndefined();
  });

  it('escapes what Markdown would read as syntax or HTML', () => {
    expect(escapeMarkdown('<script>a*b*_c_ [x](javascript:y) | # &amp;', true)).toBe(
      '\\<script\\>a\\*b\\*\\_c\\_ \\[x\\](javascript:y) \\| \\# \\&amp;',
    );
    expect(escapeMarkdown('- not a list', true)).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list', true)).toBe('1\\. not a list');
  });

  it('splits text without form feeds at its page numbers', () => {
    const pages = [
      '工場システムにおけるサイバー・フィジカル・セキュリティ対策ガイドライン\nVer 1.0',
      '1 はじめに\n本文です。',
      '本文の続きです。',
      'コラム1 工場セキュリティを巡る動向\nコラムの本文です。',
    ];
    const doc = readText(pages.map((p, i) => `${p}\n${i + 1}`).join('\n'));
    expect(doc.pages).toHaveLength(4);
    const result: ImportResult = detectUnits(
      doc,
      {
        ...metiMeta,
        chapters: metiMeta.chapters.slice(0, 2).concat(metiMeta.chapters.filter((c) => c.label === 'コラム1')),
      },
      registry,
    );
    expect(result.units.map((u) => [u.section, u.pages, u.text])).toEqual([
      ['1', [2, 3], '本文です。本文の続きです。'],
      ['コラム1', [4, 4], 'コラムの本文です。'],
    ]);
  });
});
