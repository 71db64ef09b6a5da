/**
 * Official text answered by the paragraph (issue 17): an imported unit is searched as passages —
 * paragraphs, list items and table rows — each citing its own page (the unit file's pageLines), its
 * snippet from that passage, its link landing on the passage's anchor on the reading page, and
 * carrying its unit's counterparts in the CLI's text and JSON alike.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadValidContent } from '../indexer/corpus/node.ts';
import { renderMarkdown } from '../site/lib/render-markdown.ts';
import { kojo } from './helpers/cli.ts';
import { contentTree } from './helpers/fixture.ts';
import { writeOfficial } from './helpers/official.ts';

/** METI's chapter 1 as an import would write it; the comment is each line's body line (the body starts on line 2). */
const body = [
  '公式本文テスト：本書は工場の制御システムを対象とする手引きである。', // 2, p.3
  '',
  '### 用語の定義', // 4, p.4
  '',
  'この手引きで使う言葉を次の表に示す。', // 6
  '',
  '| 用語 | 説明 |', // 8
  '| --- | --- |',
  '| ゾーン | 通信を区切る範囲 |', // 10
  '| 踏み台サーバ | 保守の接続を中継する専用の端末 |', // 11, p.5
  '',
  'サポートが終了したOSの端末は、更新の代わりに通信経路を絞って守る。', // 13, p.6
  '',
  '- 持ち込み媒体は検査してから使う', // 15
  '- 検査の記録を残す', // 16
].join('\n');

let dir: string;
let index: string;
beforeAll(() => {
  dir = contentTree();
  writeOfficial(dir, 'meti', [
    {
      chapter: '1',
      title: 'はじめに',
      pages: [3, 6],
      pageLines: [
        [1, 3],
        [4, 4],
        [11, 5],
        [13, 6],
      ],
      body,
    },
  ]);
  index = join(dir, '.index');
  expect(kojo(['build-index', '--content', dir, '--out', index]).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const id = 'meti-official-ch1';

describe('official text as passages', () => {
  it('cuts paragraphs, list items and table rows apart, each on the page it starts on', async () => {
    const corpus = await loadValidContent(dir);
    const unit = corpus.clauses.find((c) => c.id === id)!;
    expect(unit.passages).toEqual([
      { line: 1, pages: [3, 3], text: '公式本文テスト：本書は工場の制御システムを対象とする手引きである。' },
      // A sub-heading opens the passage after it.
      { line: 3, pages: [4, 4], text: '用語の定義\nこの手引きで使う言葉を次の表に示す。' },
      { line: 7, pages: [4, 4], text: '用語 | 説明' },
      { line: 9, pages: [4, 4], text: 'ゾーン | 通信を区切る範囲' },
      { line: 10, pages: [5, 5], text: '踏み台サーバ | 保守の接続を中継する専用の端末' },
      { line: 12, pages: [6, 6], text: 'サポートが終了したOSの端末は、更新の代わりに通信経路を絞って守る。' },
      { line: 14, pages: [6, 6], text: '持ち込み媒体は検査してから使う' },
      { line: 15, pages: [6, 6], text: '検査の記録を残す' },
    ]);
  });

  it('anchors each passage where it starts on the reading page', async () => {
    const unit = (await loadValidContent(dir)).clauses.find((c) => c.id === id)!;
    const anchors = new Map(unit.passages!.map((p, i) => [p.line, `${id}-p${i + 1}`]));
    const html = renderMarkdown(unit.markdown, undefined, anchors);
    expect(html).toContain(`<p id="${id}-p1">公式本文テスト`);
    expect(html).toContain(`<h3 id="${id}-p2">用語の定義</h3>`);
    // A table row inside the table's paragraph: an anchor at the start of its line.
    expect(html).toMatch(new RegExp(`<span id="${id}-p5" class="passage-anchor"></span>\\| 踏み台サーバ`));
    expect(html).toContain(`<li id="${id}-p7">持ち込み媒体は検査してから使う</li>`);
    for (let n = 1; n <= 8; n++) expect(html, `p${n}`).toContain(`id="${id}-p${n}"`);
  });

  it('without pageLines, every passage cites the unit’s pages', async () => {
    const plain = contentTree();
    try {
      writeOfficial(plain, 'meti', [{ chapter: '1', title: 'はじめに', pages: [3, 6], body }]);
      const unit = (await loadValidContent(plain)).clauses.find((c) => c.id === id)!;
      expect(unit.passages!.map((p) => p.pages)).toEqual(Array(8).fill([3, 6]));
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('refuses pageLines that point outside the unit’s pages', () => {
    const bad = contentTree();
    try {
      writeOfficial(bad, 'meti', [
        {
          chapter: '1',
          title: 'はじめに',
          pages: [3, 6],
          pageLines: [
            [1, 3],
            [4, 9],
          ],
          body,
        },
      ]);
      const r = kojo(['check', '--content', bad]);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/official\/meti\/001\.md:1: .*pageLines: page 9 lies outside the unit's pages 3–6/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});

type JsonHit = {
  id: string;
  unit?: string;
  guideline?: string;
  basis: string;
  pages?: number[];
  url: string;
  snippet: string;
  related: { id: string; relationship: string; title: string; url: string }[];
};
const askJson = (q: string): JsonHit[] =>
  JSON.parse(kojo(['ask', q, '--index', index, '--json', '--guideline', 'meti']).stdout).hits;

describe('answers by the paragraph', () => {
  it('answers a question about one table row with that row, its single page and its anchor', () => {
    const hits = askJson('踏み台サーバとは何か');
    const official = hits.filter((h) => h.unit === id);
    // One result per unit: its best passage.
    expect(official).toHaveLength(1);
    expect(official[0]).toMatchObject({
      id: `${id}-p5`,
      basis: 'official',
      pages: [5, 5],
      url: `/meti/ch1/#${id}-p5`,
      snippet: expect.stringContaining('踏み台サーバ | 保守の接続を中継する専用の端末'),
    });
    expect(official[0]!.snippet).not.toContain('ゾーン');
  });

  it('answers a question about one paragraph with that paragraph and its page, in text and JSON', () => {
    const q = 'サポートが終了したOSの端末は通信経路を絞る？';
    const hit = askJson(q).find((h) => h.unit === id)!;
    expect(hit).toMatchObject({ id: `${id}-p6`, pages: [6, 6] });
    expect(hit.snippet).toContain('通信経路を絞って守る');
    expect(hit.snippet).not.toContain('本書は工場');
    const text = kojo(['ask', q, '--index', index, '--guideline', 'meti']).stdout;
    expect(text).toMatch(/1章 はじめに {2}\[公式本文・公式PDF p\.6\]/);
    expect(text).toContain(`/meti/ch1/#${id}-p6`);
  });

  it("carries its unit's counterparts: those of the project's clauses on the same unit", () => {
    const hit = askJson('踏み台サーバ').find((h) => h.unit === id)!;
    expect(hit.related).toEqual([
      expect.objectContaining({ id: 'gutp-1-eol', relationship: 'equal', url: '/gutp/ch1/#gutp-1-eol' }),
    ]);
    const text = kojo(['ask', '踏み台サーバ', '--index', index, '--guideline', 'meti', '--k', '1']).stdout;
    expect(text).toMatch(/公式PDF p\.5\][\s\S]*↔ GUTP: 同等 1章 古い端末の守り方 \/gutp\/ch1\/#gutp-1-eol/);
  });
});
