/**
 * `kojo ask` as the site answers (issue 19 item 7): the FAQ entry the question asks first, links a
 * terminal or a Markdown report can open (--base-url), counterparts one line per guideline; and
 * `kojo checklist report --base-url`.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentFile } from '../indexer/assessment/index.ts';
import type { Answer, Hit } from '../indexer/search/index.ts';
import { formatAnswer } from '../scripts/cli/format-answer.ts';
import { kojo } from './helpers/cli.ts';
import { minimalContent } from './helpers/fixture.ts';

const noModel = { KOJO_MODEL_DIR: mkdtempSync(join(tmpdir(), 'kojo-nomodel-')) };
const index = join(mkdtempSync(join(tmpdir(), 'kojo-links-')), 'index');
const base = 'https://intra.example/kojo';

beforeAll(() => {
  const r = kojo(['build-index', '--content', minimalContent, '--out', index], { env: noModel });
  expect(r.status).toBe(0);
});

const ask = (...args: string[]) => kojo(['ask', '--index', index, ...args], { env: noModel });

/** Every link of an answer: its hits' and their counterparts'. */
const linksOf = (answer: { hits: Hit[] }) => answer.hits.flatMap((h) => [h.url, ...h.related.map((r) => r.url)]);

describe('kojo ask: the FAQ entry first', () => {
  it('prints the entry the question asks above the guidelines, and gives it in --json', () => {
    const text = ask('古いOSの端末はどうすればいいですか？');
    expect(text.status).toBe(0);
    const faqAt = text.stdout.indexOf('■ よくある質問');
    expect(faqAt).toBeGreaterThan(0);
    expect(faqAt).toBeLessThan(text.stdout.indexOf('■ ', faqAt + 1));
    expect(text.stdout).toContain('A. 分離して守ります。');
    expect(text.stdout).toContain('/faq/#faq-eol-os');

    const json = JSON.parse(ask('古いOSの端末はどうすればいいですか？', '--json').stdout);
    expect(json.faq).toMatchObject({ id: 'faq-eol-os', answer: '分離して守ります。', url: '/faq/#faq-eol-os' });
    expect(json.faq.score).toBeGreaterThan(0.46);
  });

  it('answers the FAQ from the index alone: the content it was built from may be gone', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'kojo-links-copy-')), 'content');
    cpSync(minimalContent, copy, { recursive: true });
    const own = join(mkdtempSync(join(tmpdir(), 'kojo-links-own-')), 'index');
    expect(kojo(['build-index', '--content', copy, '--out', own], { env: noModel }).status).toBe(0);
    rmSync(copy, { recursive: true });
    const r = kojo(['ask', '--index', own, '--json', '古いOSの端末はどうすればいいですか？'], { env: noModel });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).faq).toMatchObject({ id: 'faq-eol-os', answer: '分離して守ります。' });
  });

  it('gives no entry for a question no entry asks', () => {
    const json = JSON.parse(ask('決算書の読み方', '--json').stdout);
    expect(json.faq).toBeNull();
    expect(ask('決算書の読み方').stdout).not.toContain('よくある質問');
  });
});

describe('--base-url', () => {
  it('makes every link of ask absolute under the address, in text and JSON', () => {
    const json = JSON.parse(ask('古いOSの端末はどうすればいいですか？', '--json', '--base-url', base).stdout);
    const links = [...linksOf(json), json.faq.url];
    expect(links.length).toBeGreaterThan(3);
    for (const url of links) expect(url).toMatch(/^https:\/\/intra\.example\/kojo\/[a-z]/);
    expect(json.faq.url).toBe('https://intra.example/kojo/faq/#faq-eol-os');

    const text = ask('古いOSの端末はどうすればいいですか？', `--base-url=${base}/`).stdout;
    // No site-relative link is left on any line.
    expect(text).not.toMatch(/(^|\s)\/(meti|gutp|notes|faq)\//m);
    expect(text).toContain(`${base}/faq/#faq-eol-os`);
  });

  it('refuses anything but an http(s) address in one line, before answering', () => {
    for (const bad of ['ftp://intra.example/', 'intra.example', 'javascript:alert(1)', 'https://']) {
      const r = ask('古いOS', '--base-url', bad);
      expect(r.status, bad).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^kojo: --base-url must be an http/)]);
    }
  });

  it('makes the links of checklist report absolute, in Markdown and JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojo-links-'));
    const file = join(dir, 'plant.json');
    const sample = {
      name: '第1工場',
      date: '2026-11-01',
      target: 3,
      answers: [{ item: 'kojo-prep-03', level: 1, note: '' }],
    };
    writeFileSync(file, JSON.stringify(assessmentFile(sample)));
    const md = kojo(['checklist', 'report', '--base-url', base, file]);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain(`](${base}/meti/ch3/#meti-3-step1-factory)`);
    expect(md.stdout).not.toMatch(/\]\(\//);
    const json = JSON.parse(kojo(['checklist', 'report', '--json', '--base-url', base, file]).stdout);
    for (const gap of json.gaps) for (const l of gap.read) expect(l.url.startsWith(`${base}/`)).toBe(true);
    expect(kojo(['checklist', 'report', '--base-url', 'file:///etc/', file]).status).toBe(1);
  });
});

describe('counterparts', () => {
  it('are printed on one line per guideline, however many units correspond', () => {
    const related = (section: string): Hit['related'][number] =>
      ({
        relationship: 'intersects',
        guideline: 'meti',
        id: `meti-${section}`,
        chapter: '3',
        section,
        title: `題 ${section}`,
        url: `/meti/ch3/#meti-${section}`,
      }) as Hit['related'][number];
    const hit = {
      kind: 'unit',
      guideline: 'gutp',
      id: 'gutp-5',
      chapter: '5',
      section: '',
      title: 'セキュリティ対策の全体像',
      basis: 'toc',
      verified: false,
      url: '/gutp/ch5/#gutp-5',
      score: 1,
      snippet: '全体を見渡す章です。',
      highlights: [],
      why: { words: [], synonyms: [] },
      related: ['ステップ2', 'ステップ2-1', 'ステップ3'].map(related),
    } as unknown as Hit;
    const answer: Answer = {
      query: 'q',
      normalizedQuery: 'q',
      hits: [hit],
      verdicts: { gutp: { closeMatch: true } as Answer['verdicts'][string] },
    };
    const guidelines = [
      { key: 'meti', label: 'METI', title: '経産省', shortTitle: '経産省', version: 'Ver 1.0' },
      { key: 'gutp', label: 'GUTP', title: 'GUTP', shortTitle: 'GUTP', version: 'v1.00' },
    ] as Parameters<typeof formatAnswer>[1];
    const lines = formatAnswer(answer, guidelines, { color: false }).split('\n');
    const counterpartLines = lines.filter((l) => l.trim().startsWith('↔'));
    expect(counterpartLines).toHaveLength(1);
    expect(counterpartLines[0]).toMatch(
      /^ {3}↔ METI: 重なり ステップ2 .*\/meti\/ch3\/#meti-ステップ2 ／ .*ステップ2-1 .* ／ .*ステップ3/,
    );
  });
});
