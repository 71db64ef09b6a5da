/**
 * The checklist: its content (every item explains itself in every guideline), `kojo check` on broken
 * checklist data, the shared scoring and file formats, and `kojo checklist [report FILE]`.
 */
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentCsv,
  assessmentFile,
  checklistData,
  compareAssessments,
  gapList,
  parseAssessmentFile,
  readStoredState,
  scoreAssessment,
  STORAGE_VERSION,
  type Assessment,
  type ChecklistData,
} from '../indexer/assessment/index.ts';
import type { Corpus } from '../indexer/corpus/index.ts';
import { checkContent, loadValidContent } from '../indexer/corpus/node.ts';
import { kojo } from './helpers/cli.ts';
import { contentTree } from './helpers/fixture.ts';
import { problemsOf } from './helpers/problems.ts';

let corpus: Corpus;
let data: ChecklistData;
beforeAll(async () => {
  corpus = await loadValidContent('content');
  data = checklistData(corpus);
});

const tmp = () => mkdtempSync(join(tmpdir(), 'kojo-checklist-'));
const write = (dir: string, name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const sample: Assessment = {
  name: '第1工場',
  date: '2026-11-01',
  target: 3,
  answers: [
    { item: 'kojo-prep-01', level: 2, note: '予算は来期' },
    { item: 'kojo-prep-03', level: 1, note: '' },
    { item: 'kojo-org-01', level: 4, note: '' },
    { item: 'kojo-tech-01', level: 'na', note: '外部接続なし' },
    { item: 'kojo-supply-01', level: 2, note: '=HYPERLINK("http://x")' },
  ],
};

describe('checklist content', () => {
  it('has the five sourced categories, 準備 first, and levels 1–4 named with sources, level 5 marked unsourced', () => {
    const { checklist } = corpus;
    expect(checklist.categories.map((c) => c.name)).toEqual([
      '準備',
      '組織的対策',
      '運用的対策',
      '技術的対策',
      '工場システムサプライチェーン管理',
    ]);
    expect(checklist.categories.every((c) => c.sources.includes('S5'))).toBe(true);
    expect(checklist.levels.map((l) => (l.basis === 'reported' ? l.name : null))).toEqual([
      '未実施',
      '一部実施',
      '実施済み',
      '実施済みで、管理手順を文書化・自動化し、定期的に対策を見直している',
      null,
    ]);
    expect(checklist.levels[4]).toMatchObject({
      basis: 'unsourced',
      note: expect.stringContaining('確認できていません'),
    });
    const count = checklist.facts.find((f) => f.id === 'item-count')!;
    expect(count.claims).toEqual([
      { value: '35項目', sources: ['S5'] },
      { value: '32項目', sources: ['S11', 'S18'] },
    ]);
  });

  it("holds 25–35 of the project's own items, none numbered like the official ones", () => {
    expect(corpus.checklist.items.length).toBeGreaterThanOrEqual(25);
    expect(corpus.checklist.items.length).toBeLessThanOrEqual(35);
    for (const item of corpus.checklist.items) {
      expect(item.basis).toBe('editorial');
      expect(item.id).toMatch(/^kojo-[a-z]+-\d{2}$/);
      expect(item.text).not.toMatch(/^E-?\d/);
    }
  });

  it('links every item to at least one clause of each guideline, or says why not', () => {
    const guidelineOf = new Map(corpus.clauses.map((c) => [c.id, c.guideline]));
    const unexplained = corpus.checklist.items.flatMap((item) =>
      corpus.guidelines.keys
        .filter((key) => !item.clauses.some((id) => guidelineOf.get(id) === key) && !item.gaps[key]?.trim())
        .map((key) => `${item.id} → ${key}`),
    );
    expect(unexplained).toEqual([]);
    // And the reasons are real: at least one item uses one (physical measures, unsourced in GUTP).
    expect(corpus.checklist.items.some((i) => Object.keys(i.gaps).length)).toBe(true);
  });
});

describe('kojo check on checklist data', () => {
  function treeWith(items: string): string {
    const dir = contentTree();
    mkdirSync(join(dir, 'checklist'));
    // The facts cite the project's one source registry (sources.yml at the content root).
    appendFileSync(
      join(dir, 'sources.yml'),
      '- { id: S5, publisher: p, title: t, url: "https://example.org/", establishes: e }\n',
    );
    write(join(dir, 'checklist'), 'categories.yml', '- { id: prep, name: 準備, basis: reported, sources: [S5] }\n');
    write(
      join(dir, 'checklist'),
      'levels.yml',
      '- { level: 1, name: 未実施, basis: reported, sources: [S5] }\n- { level: 2, basis: unsourced, note: 未確認 }\n',
    );
    write(join(dir, 'checklist'), 'items-1.yml', items);
    return dir;
  }

  it('accepts items that link both guidelines or say why not', async () => {
    const dir = treeWith(
      '- { id: kojo-prep-01, category: prep, text: 問い, clauses: [meti-1, gutp-1] }\n- { id: kojo-prep-02, category: prep, text: 問い, clauses: [meti-1], gaps: { gutp: 情報源がない } }\n',
    );
    expect(await problemsOf(dir)).toEqual([]);
  });

  it('reports unknown clauses, unknown categories and items that explain nothing in a guideline', async () => {
    const dir = treeWith(
      [
        '- { id: kojo-prep-01, category: prep, text: 問い, clauses: [meti-1, gutp-nope] }',
        '- { id: kojo-org-01, category: org, text: 問い, clauses: [meti-1, gutp-1] }',
        '- { id: kojo-prep-02, category: prep, text: 問い, clauses: [meti-1, gutp-1], gaps: { gutp: なし } }',
        '- { id: E-1, category: prep, text: 問い, clauses: [meti-1, gutp-1] }',
        '',
      ].join('\n'),
    );
    expect(await problemsOf(dir)).toEqual([
      'checklist/items-1.yml:1 checklist-unknown-ref',
      'checklist/items-1.yml:2 checklist-category-unknown',
      'checklist/items-1.yml:3 checklist-gap-contradicts',
      'checklist/items-1.yml:4 entry-invalid',
    ]);
  });

  it("reads imported official items in place of the project's (the seam for kojo import)", async () => {
    const dir = treeWith('- { id: kojo-prep-01, category: prep, text: 問い, clauses: [meti-1, gutp-1] }\n');
    mkdirSync(join(dir, 'official', 'meti'), { recursive: true });
    write(
      join(dir, 'official', 'meti'),
      'checklist.yml',
      '- { id: meti-e-1, basis: official, guideline: meti, category: prep, text: 公式の文言, pages: [120, 120] }\n',
    );
    const { corpus: c, problems } = await checkContent(dir);
    expect(problems.filter((p) => p.file.includes('checklist'))).toEqual([]);
    expect(c.checklist.items.map((i) => [i.id, i.basis])).toEqual([['meti-e-1', 'official']]);
    expect(c.checklist.replaced.map((i) => i.id)).toEqual(['kojo-prep-01']);
  });
});

describe('scoring, gaps and comparison (shared by the page and the CLI)', () => {
  it('scores each category over rated items, leaving 対象外 and unanswered out of the mean', () => {
    const s = scoreAssessment(data, sample);
    const prep = s.categories.find((c) => c.id === 'prep')!;
    expect(prep).toMatchObject({ name: '準備', rated: 2, notApplicable: 0, average: 1.5, atTarget: 0 });
    expect(s.categories.find((c) => c.id === 'tech')).toMatchObject({ rated: 0, notApplicable: 1, average: null });
    expect(s.overall).toMatchObject({
      items: data.items.length,
      rated: 4,
      notApplicable: 1,
      unanswered: data.items.length - 5,
      average: 2.25,
      atTarget: 1,
    });
  });

  it('lists gaps below the target by category order, then lowest level first', () => {
    expect(gapList(data, sample).map((g) => [g.item.id, g.level])).toEqual([
      ['kojo-prep-03', 1],
      ['kojo-prep-01', 2],
      ['kojo-supply-01', 2],
    ]);
    expect(gapList(data, sample, 5).map((g) => g.item.id)).toContain('kojo-org-01');
  });

  it('compares before and after per category and lists changed items', () => {
    const after: Assessment = {
      ...sample,
      answers: sample.answers.map((a) => (a.item === 'kojo-prep-03' ? { ...a, level: 3 } : a)),
    };
    const c = compareAssessments(data, sample, after);
    expect(c.categories.find((x) => x.id === 'prep')).toMatchObject({ before: 1.5, after: 2.5, delta: 1 });
    expect(c.changed.map((x) => [x.item.id, x.before, x.after])).toEqual([['kojo-prep-03', 1, 3]]);
  });
});

describe('assessment files', () => {
  it('round-trips through JSON and through CSV (BOM, Japanese headers, formula cells guarded)', () => {
    const json = JSON.stringify(assessmentFile(sample));
    const fromJson = parseAssessmentFile(json, 'a.json', data);
    expect(fromJson).toEqual({ ok: true, value: sample, warnings: [] });

    const csv = assessmentCsv(data, sample);
    expect(csv.startsWith('\uFEFF評価名,評価日,目標レベル,分類,確認項目ID,確認項目,レベル,レベルの意味,メモ\r\n')).toBe(
      true,
    );
    expect(csv).toContain('第1工場,2026-11-01,3,準備,kojo-prep-01,');
    expect(csv).toContain(`,対象外,,外部接続なし\r\n`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.split('\r\n').length - 2).toBe(data.items.length);
    expect(parseAssessmentFile(csv, 'a.csv', data)).toEqual({ ok: true, value: sample, warnings: [] });
  });

  it('names the file and the line or field of a mistake', () => {
    const bad = (text: string, file = 'x.json') => {
      const r = parseAssessmentFile(text, file, data);
      return r.ok ? 'accepted' : r.error;
    };
    expect(bad('{\n "kojoAssessment": 1,\n "name": "a",,\n}')).toMatch(/^x\.json:3: not valid JSON/);
    expect(bad('{"name": "a"}')).toMatch(/^x\.json: not a kojo assessment/);
    expect(bad('{"kojoAssessment": 1, "name": "a", "answers": [{"item": "kojo-prep-01", "level": "high"}]}')).toBe(
      'x.json: field answers[0].level: must be a level number, "na" (対象外) or null (not answered)',
    );
    expect(bad('{"kojoAssessment": 1, "name": "a", "answers": [{"item": "kojo-prep-01", "level": 7}]}')).toBe(
      'x.json: field answers[0]: level 7 is above the highest level (5)',
    );
    expect(bad('確認項目ID,レベル\r\nkojo-prep-01,2\r\nkojo-prep-02,たくさん\r\n', 'x.csv')).toBe(
      'x.csv:3: column 「レベル」: "たくさん" is not a level number or 対象外',
    );
    expect(bad('確認項目ID,レベル\r\nkojo-prep-01,9\r\n', 'x.csv')).toBe(
      'x.csv:2: level 9 is above the highest level (5)',
    );
    expect(bad('"確認項目ID,レベル\r\n', 'x.csv')).toBe('x.csv:1: a quoted cell is never closed');
    expect(bad('項目,レベル\r\n', 'x.csv')).toMatch(/^x\.csv:1: no column 「確認項目ID」/);
  });

  it('keeps answers to items the checklist no longer has out, with a warning', () => {
    const r = parseAssessmentFile(
      JSON.stringify({ kojoAssessment: 1, name: 'a', answers: [{ item: 'kojo-gone-01', level: 2 }] }),
      'old.json',
      data,
    );
    expect(r).toEqual({
      ok: true,
      value: { name: 'a', date: '', target: 3, answers: [] },
      warnings: ['old.json: field answers[0]: item "kojo-gone-01" is not in this checklist; its answer is ignored'],
    });
  });
});

describe("the page's saved state", () => {
  it('upgrades an older layout step by step and refuses a newer or broken one', () => {
    const now = { version: STORAGE_VERSION, current: null, compareWith: null, assessments: [] };
    expect(readStoredState(null)).toMatchObject({ ok: true, migrated: false });
    expect(readStoredState(JSON.stringify(now))).toEqual({ ok: true, state: now, migrated: false });
    expect(readStoredState(JSON.stringify({ ...now, version: STORAGE_VERSION + 1 }))).toMatchObject({
      ok: false,
      reason: 'newer',
    });
    expect(readStoredState('{oops')).toMatchObject({ ok: false, reason: 'invalid' });
    // A layout one version older, and the step that upgrades it.
    const older = { version: STORAGE_VERSION - 1, open: 'a1', list: [{ id: 'a1', name: 'x', answers: [] }] };
    const steps = { [STORAGE_VERSION - 1]: (o: Record<string, unknown>) => ({ current: o.open, assessments: o.list }) };
    expect(readStoredState(JSON.stringify(older), steps)).toEqual({
      ok: true,
      migrated: true,
      state: {
        version: STORAGE_VERSION,
        current: 'a1',
        compareWith: null,
        assessments: [{ id: 'a1', name: 'x', date: '', target: 3, answers: [] }],
      },
    });
    expect(readStoredState(JSON.stringify(older))).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('kojo checklist', () => {
  it('lists the items by category with the clauses of both guidelines', () => {
    const r = kojo(['checklist']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^本サイトの確認項目（ガイドラインの項目そのものではありません） — \d+項目\n\n準備\n {2}kojo-prep-01 {2}/,
    );
    expect(r.stdout).toContain('      METI: 組織の状況の整理  /meti/ch3/#meti-3-step1-1\n');
    expect(r.stdout).toMatch(/GUTP: （対応する条項なし）概要編の物理面の対策/);
  });

  it('prints the checklist as JSON with --json', () => {
    const r = kojo(['checklist', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as ChecklistData;
    expect(json.items.length).toBe(data.items.length);
    expect(json.levels[4]).toEqual({ level: 5, name: null, label: '5（定義未確認）' });
    expect(json.items[0]!.links[0]).toEqual({
      id: 'meti-3-step1-1',
      kind: 'unit',
      guideline: 'meti',
      title: '組織の状況の整理',
      url: '/meti/ch3/#meti-3-step1-1',
    });
  });

  it('reports on an exported assessment as Markdown, JSON and from CSV', () => {
    const dir = tmp();
    const file = write(dir, 'plant.json', JSON.stringify(assessmentFile(sample)));
    const md = kojo(['checklist', 'report', file]);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('# 自己評価の結果：第1工場（2026-11-01）');
    expect(md.stdout).toContain('| 準備 | 1.50 | 2/6 | 0 | 0 | 4 |');
    expect(md.stdout).toContain('## 目標レベル未満の項目（3件）');
    expect(md.stdout).toMatch(
      /- \*\*kojo-prep-03\*\*（レベル 1 未実施）.*\n {2}- 読む：\[METI 工場の環境の整理（ステップ1-2〜1-7）\]\(\/meti\/ch3\/#meti-3-step1-factory\)/,
    );

    const json = JSON.parse(kojo(['checklist', 'report', '--json', '--target', '4', file]).stdout);
    expect(json.target).toBe(4);
    expect(json.gaps.map((g: { item: string }) => g.item)).toEqual(['kojo-prep-03', 'kojo-prep-01', 'kojo-supply-01']);
    expect(json.gaps[0].read[0].url).toBe('/meti/ch3/#meti-3-step1-factory');

    const csv = write(dir, 'plant.csv', assessmentCsv(data, sample));
    expect(JSON.parse(kojo(['checklist', 'report', '--json', csv]).stdout).overall).toEqual(json.overall);
  });

  it('refuses a malformed file in one line naming the file and line or field', () => {
    const dir = tmp();
    const broken = write(dir, 'broken.json', '{\n  "kojoAssessment": 1,\n  "name": "a"\n  "answers": []\n}\n');
    const r = kojo(['checklist', 'report', broken]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`kojo: ${broken}:4: not valid JSON (export it again from the checklist page)\n`);

    const wrong = write(
      dir,
      'wrong.json',
      JSON.stringify({ kojoAssessment: 1, name: 'a', answers: [{ item: 'kojo-prep-01', level: 9 }] }),
    );
    expect(kojo(['checklist', 'report', wrong]).stderr).toBe(
      `kojo: ${wrong}: field answers[0]: level 9 is above the highest level (5)\n`,
    );
    expect(kojo(['checklist', 'report', join(dir, 'missing.json')])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^kojo: cannot read .*missing\.json: .*\n$/),
    });
    expect(kojo(['checklist', 'report'])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^kojo: kojo checklist report takes one FILE/),
    });
  });
});
