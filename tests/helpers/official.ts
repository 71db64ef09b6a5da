/**
 * Official text as `kojo import` writes it (content/README.md, "Official text"), written here by hand
 * so the corpus side is tested against the format itself, whatever produced it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeUnit {
  chapter: string;
  section?: string;
  title: string;
  pages: [number, number];
  /** [body line, page] pairs: line 1 is the blank line after the closing `---`, so the body starts on line 2. */
  pageLines?: [number, number][];
  body: string;
}

export function writeOfficial(
  contentDir: string,
  guideline: string,
  units: FakeUnit[],
  source: { edition?: string; pages?: number } = {},
): string {
  const dir = join(contentDir, 'official', guideline);
  mkdirSync(dir, { recursive: true });
  const listed = units.map((u, i) => {
    const file = `${String(i + 1).padStart(3, '0')}.md`;
    const section = u.section ?? u.chapter;
    const fm = [
      `guideline: ${guideline}`,
      `chapter: "${u.chapter}"`,
      `section: "${section}"`,
      `title: "${u.title}"`,
      `pages: [${u.pages.join(', ')}]`,
      ...(u.pageLines ? [`pageLines: [${u.pageLines.map((p) => `[${p.join(', ')}]`).join(', ')}]`] : []),
    ];
    writeFileSync(join(dir, file), `---\n${fm.join('\n')}\n---\n\n${u.body}\n`);
    return `  - { chapter: "${u.chapter}", section: "${section}", found: true, file: ${file}, pages: [${u.pages.join(', ')}], chars: ${u.body.length} }`;
  });
  writeFileSync(
    join(dir, 'import.yml'),
    [
      'kojoImport: 1',
      `guideline: ${guideline}`,
      'importedAt: "2026-11-29T12:00:00.000Z"',
      'method: outline',
      'source:',
      `  file: ${guideline}.pdf`,
      `  sha256: ${'ab'.repeat(32)}`,
      '  bytes: 12345',
      `  pages: ${source.pages ?? 40}`,
      '  title: テスト用ガイドライン',
      `  edition: ${source.edition ?? 'Ver 1.0'}`,
      'units:',
      ...listed,
      'unplaced: []',
      '',
    ].join('\n'),
  );
  return dir;
}

/** Official text for the minimal fixture: METI's chapter 1 and step 1-4, GUTP's chapter 1. */
export function officialFixture(contentDir: string): void {
  writeOfficial(contentDir, 'meti', [
    {
      chapter: '1',
      title: 'はじめに',
      pages: [3, 4],
      body: '公式本文テスト：本書は工場の制御システムを対象とする手引きである。',
    },
    {
      chapter: '3',
      section: 'ステップ1-4',
      title: '保護対象の整理',
      pages: [21, 23],
      body: '公式本文テスト：保護対象を洗い出し、台帳として管理する。\n\n- 制御機器\n- 記録データ',
    },
  ]);
  writeOfficial(
    contentDir,
    'gutp',
    [{ chapter: '1', title: 'はじめに', pages: [2, 2], body: 'GUTP公式本文テスト：本書の目的と適用範囲を示す。' }],
    { edition: 'v1.00' },
  );
}
