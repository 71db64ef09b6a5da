import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../indexer/corpus/node.ts';
import type { Answer } from '../indexer/search/index.ts';
import { cleanInput, features, makeSnippet, printable, stripConversational } from '../indexer/text/index.ts';
import { formatAnswer } from '../scripts/cli/format-answer.ts';
import { exportRows, toCsv } from '../site/lib/mapping-export.ts';
import { contentTree } from './helpers/fixture.ts';
import { problemsOf } from './helpers/problems.ts';

/** A clause body appended to the fixture's meti chapter 3 file, whose only clause heading is at line 7; the text starts at line 11. */
const withBody = (extra: string) => ({ 'meti/03.md': (s: string) => `${s}\n${extra}\n` });

describe('content URLs are web addresses', () => {
  it('reports a javascript: guideline url at its line', async () => {
    const dir = contentTree({
      'guidelines.yml': (s) => s.replace('url: https://example.org/meti', 'url: "javascript:alert(1)"'),
    });
    // The guideline is then unusable; problems about its clauses would follow, but the url is the cause.
    expect(await problemsOf(dir)).toEqual(['guidelines.yml:8 entry-invalid']);
  });

  it('reports file: and data: urls too, and accepts http', async () => {
    const dir = contentTree({
      'guidelines.yml': (s) =>
        s
          .replace('url: https://example.org/meti', 'url: file:///etc/passwd')
          .replace('url: https://example.org/gutp', 'url: "data:text/html,<b>x</b>"'),
    });
    expect(await problemsOf(dir)).toEqual(['guidelines.yml:8 entry-invalid', 'guidelines.yml:21 entry-invalid']);
    expect(
      await problemsOf(
        contentTree({ 'guidelines.yml': (s) => s.replace('https://example.org/meti', 'http://example.org/meti') }),
      ),
    ).toEqual([]);
  });

  it('reports a javascript: link in a clause body at its line, and accepts web and site links', async () => {
    const dir = contentTree(
      withBody(
        '[公式](https://example.org/) と [前の条項](/meti/ch1/#meti-1) と [ここ](#meti-3-step1-4)。\n\n[押して](javascript:alert(1))',
      ),
    );
    expect(await problemsOf(dir)).toEqual(['meti/03.md:13 link-scheme']);
  });
});

describe('raw HTML in clause bodies', () => {
  it('is reported at its line, block and inline alike, once a line', async () => {
    const dir = contentTree(withBody('<div onclick="x">台帳</div>\n\n台帳は<b>毎年</b>見直します。'));
    expect(await problemsOf(dir)).toEqual(['meti/03.md:11 body-raw-html', 'meti/03.md:13 body-raw-html']);
  });

  it('allows HTML comments, which are neither shown nor searched', async () => {
    const dir = contentTree(withBody('<!-- 編集メモ: 公式PDFと照合する -->\n\n台帳は毎年<!-- 要確認 -->見直します。'));
    const { corpus, problems } = await checkContent(dir);
    expect(problems).toEqual([]);
    const clause = corpus.clauses.find((c) => c.id === 'meti-3-step1-4')!;
    expect(clause.text).not.toMatch(/編集メモ|要確認/);
    expect(clause.text).toMatch(/台帳は毎年見直します。/);
  });
});

describe('nothing from the content steers the terminal', () => {
  it('printable() drops C0 (but tab and newline), C1 and bidi controls', () => {
    expect(printable('\u001b[31m赤\u001b[0m\u0007\u009b2J\t行\n\u202e逆\u202c\u2066隔\u2069')).toBe(
      '[31m赤[0m2J\t行\n逆隔',
    );
  });

  const hit = {
    guideline: 'meti',
    id: 'meti-1',
    chapter: '1',
    section: '1',
    title: '\u001b]0;乗っ取り\u0007目的\u001b[2J',
    basis: 'official-toc' as const,
    verified: false,
    url: '/meti/ch1/#meti-1\u001b[8m',
    kind: 'unit' as const,
    score: 1,
    // The escape code sits before the match: stripping must not shift the highlight.
    snippet: '\u001b[31m古い\u202eOSの端末',
    highlights: [
      [8, 10],
      [11, 13],
    ] as [number, number][],
    related: [
      {
        id: 'gutp-1',
        relationship: 'equal' as const,
        guideline: 'gutp',
        chapter: '1',
        section: '1',
        title: '対応\u009b31m先',
        url: '/gutp/ch1/#gutp-1',
      },
    ],
    why: { words: ['古い\u001b[1m'], synonyms: [{ asked: '古いOS', found: 'EOL\u001b[7m' }] },
  };
  const answer: Answer = {
    query: 'OS',
    normalizedQuery: 'os\u001b[5m',
    hits: [hit],
    verdicts: { meti: { closeMatch: true, coverage: 1, similarity: 0.5, agreement: true } },
  };
  const guidelines = [
    { key: 'meti', label: 'METI', title: 'テスト', shortTitle: 'METI\u001b[41m', version: 'Ver 1.0' },
  ];

  it('formatAnswer prints no control character the content or the question carried', () => {
    const out = formatAnswer(answer, guidelines, { color: false });
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(out).toContain('1. 1章 ]0;乗っ取り目的[2J');
    expect(out).toContain('   [31m古い【OS】の【端末】\n');
    expect(out).toContain('↔ gutp: 同等 1章 対応31m先 /gutp/ch1/#gutp-1');
  });

  it('with colour, the only escape codes are its own marks', () => {
    const out = formatAnswer(answer, guidelines, { color: true });
    const codes = out.match(/\u001b\[[0-9;]*m/g) ?? [];
    expect(codes.every((c) => ['\u001b[1;33m', '\u001b[2m', '\u001b[0m'].includes(c))).toBe(true);
    expect(out).toContain('[31m古い\u001b[1;33mOS\u001b[0mの\u001b[1;33m端末\u001b[0m');
  });
});

describe('questions never carry bidi controls', () => {
  it('cleanInput removes them without splitting words', () => {
    expect(cleanInput('古い\u202eSO\u202c端末\u2067は？\u2069')).toBe('古いSO端末は？');
    expect(stripConversational('\u202d古いOS端末はどうすればいい？')).toBe('古いOS端末');
  });
});

describe('CSV export is not run as formulas', () => {
  const row = (rationale: string, from = 'meti:1') => ({
    from,
    to: 'gutp:1',
    level: 'chapter' as const,
    relationship: 'equal' as const,
    rationaleType: 'semantic' as const,
    confidence: 'stated' as const,
    rationale,
  });

  it('prefixes = + - @ tab and CR with a quote, and leaves other fields alone', () => {
    const csv = toCsv(
      exportRows(
        [
          row('=HYPERLINK("http://x","y")'),
          row('+1'),
          row('-2'),
          row('@SUM(A1)', '\tmeti:1'),
          row('\r=1'),
          row('ふつうの理由。a=b'),
        ].map((r) => ({ ...r, file: 'f', line: 1 })),
      ),
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`meti:1,,gutp:1,,chapter,equal,semantic,stated,"'=HYPERLINK(""http://x"",""y"")"`);
    expect(lines[2]!.endsWith(",'+1")).toBe(true);
    expect(lines[3]!.endsWith(",'-2")).toBe(true);
    expect(lines[4]).toBe(`'\tmeti:1,,gutp:1,,chapter,equal,semantic,stated,'@SUM(A1)`);
    expect(lines[5]!.endsWith(`,"'\r=1"`)).toBe(true);
    expect(lines[6]).toBe('meti:1,,gutp:1,,chapter,equal,semantic,stated,ふつうの理由。a=b');
  });
});

describe('long clauses', () => {
  it('features() of a 300 KB Japanese text is linear (regression guard, not a benchmark)', () => {
    const sentences = [
      'サポートが切れたOSの端末は制御ネットワークから分離し、USBメモリの持ち込みを制限します。',
      '保護対象を洗い出して台帳にまとめ、毎年見直します\n',
      '（リモート保守の経路）を限定する',
    ];
    const textOf = (chars: number) => {
      let text = '';
      for (let i = 0; text.length < chars; i++) text += sentences[i % sentences.length];
      return text;
    };
    // Ten times the text may take ten times as long, not a hundred: compared in the same run, so a
    // loaded machine slows both sides alike.
    const timed = (text: string) => {
      const started = performance.now();
      const f = features(text, []);
      makeSnippet(text, f.matchedForms.slice(0, 10));
      return { f, ms: performance.now() - started };
    };
    timed(textOf(3_000));
    const small = timed(textOf(30_000));
    const large = timed(textOf(300_000));
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(40);
    expect(large.f.words.length).toBeGreaterThan(50_000);
  });

  it('segments long text into the same words as short text', () => {
    const sentence = 'サポートが切れたOSの端末は、制御ネットワークから分離します。';
    const once = features(sentence, []).words;
    expect(features(sentence.repeat(500), []).words).toEqual(Array.from({ length: 500 }, () => once).flat());
  });

  it('reports a clause body over 100000 characters at its heading', async () => {
    const dir = contentTree(withBody('守るべき機器を洗い出します。'.repeat(8000)));
    expect(await problemsOf(dir)).toEqual(['meti/03.md:7 body-too-long']);
  });
});

describe('content files are UTF-8', () => {
  it('reports a Shift_JIS clause file at line 1', async () => {
    const dir = contentTree();
    const sjis = Buffer.concat([
      Buffer.from('---\nguideline: meti\nchapter: "3"\nbasis: reported\n---\n\n## '),
      Buffer.from([0x82, 0xa0]),
      Buffer.from(' {#meti-3-step1-4}\n\n本文\n'),
    ]);
    writeFileSync(join(dir, 'meti/03.md'), sjis);
    // The chapter then has no clause, and references to its clause fail: consequences, not said again.
    expect(await problemsOf(dir)).toEqual(['meti/03.md:1 not-utf8']);
  });

  it('reports a Shift_JIS YAML file at line 1', async () => {
    const dir = contentTree();
    writeFileSync(
      join(dir, 'glossary/terms.yml'),
      Buffer.concat([
        Buffer.from('- id: eol\n  term: '),
        Buffer.from([0x82, 0xa0]),
        Buffer.from('\n  definition: x\n'),
      ]),
    );
    expect(await problemsOf(dir)).toEqual(['glossary/terms.yml:1 not-utf8']);
  });

  it('tolerates and ignores a byte order mark', async () => {
    const dir = contentTree({
      'meti/03.md': (s) => `\uFEFF${s}`,
      'guidelines.yml': (s) => `\uFEFF${s}`,
      'faq/faq.yml': (s) => `\uFEFF${s}`,
    });
    expect(await problemsOf(dir)).toEqual([]);
  });
});

describe('bidi marks too (review finding)', () => {
  it('drops LRM, RLM and ALM from terminal output and questions', () => {
    expect(printable('a\u200Eb\u200Fc\u061Cd')).toBe('abcd');
    expect(cleanInput('古い\u200FOS')).toBe('古いOS');
  });
});
