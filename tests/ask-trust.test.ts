/**
 * What makes an answer trustworthy, on the real corpus: "no close match" when a guideline has none
 * (CLI text and JSON), why each clause matched, snippets that start at a boundary and carry no
 * disclaimer boilerplate.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadValidContent } from '../indexer/corpus/node.ts';
import { features, isBoilerplate, makeSnippet, snippetUnits } from '../indexer/text/index.ts';
import { NO_CLOSE_MATCH } from '../indexer/search/index.ts';
import { kojo } from './helpers/cli.ts';

const noModel = { KOJO_MODEL_DIR: mkdtempSync(join(tmpdir(), 'kojo-nomodel-')) };
const index = join(mkdtempSync(join(tmpdir(), 'kojo-trust-')), 'index');

beforeAll(() => {
  expect(kojo(['build-index', '--content', 'content', '--out', index], { env: noModel }).status).toBe(0);
});

const ask = (...args: string[]) => kojo(['ask', '--index', index, ...args], { env: noModel });

describe('no close match (CLI)', () => {
  it.each(['xyzzy', '決算書の読み方', 'Excelで重複行を削除する方法'])('says so for every guideline: %s', (q) => {
    const json = ask('--json', q);
    expect(json.status).toBe(0);
    const answer = JSON.parse(json.stdout);
    // Every guideline and reference framework in registry order, and the practice notes as their own group.
    expect(Object.keys(answer.guidelines)).toEqual(['meti', 'gutp', 'csf', 'iec62443']);
    for (const g of Object.keys(answer.guidelines)) expect(answer.guidelines[g].closeMatch, g).toBe(false);
    expect(answer.notes.closeMatch).toBe(false);
    // The nearest clauses are still given, for the reader to judge.
    expect(answer.hits.length).toBeGreaterThan(0);
    const text = ask(q);
    expect(text.stdout.split(NO_CLOSE_MATCH)).toHaveLength(6);
  });

  it('answers a covered question with a close match and says why each clause matched', () => {
    const answer = JSON.parse(ask('--json', 'USBメモリの持ち込みはどうすればいい？').stdout);
    for (const g of ['meti', 'gutp']) expect(answer.guidelines[g].closeMatch, g).toBe(true);
    // The guideline's unit answers for METI; the project's note on the topic answers as a note.
    expect(answer.hits.find((h: { guideline: string }) => h.guideline === 'meti').id).toBe('meti-3-step2-2');
    const note = answer.hits.find((h: { kind: string }) => h.kind === 'note');
    expect(note.id).toBe('note-removable-media');
    expect(note.why.words).toEqual(expect.arrayContaining(['持ち込み']));
    const text = ask('古いOSの端末はどう管理すればいい？').stdout;
    // Both guidelines answer (a reference framework may still say it has nothing close).
    const guidelinesPart = text.slice(0, text.indexOf('■ NIST CSF'));
    expect(guidelinesPart).toContain('■ Edgecross');
    expect(guidelinesPart).not.toContain(NO_CLOSE_MATCH);
    expect(text).toMatch(/言い換え: 古いOS ≈ サポート(?:終了|切れ)OS/);
  });
});

describe('snippets on the real corpus', () => {
  it('start at a sentence or list-item boundary and carry no disclaimer', async () => {
    const corpus = await loadValidContent('content');
    const questions = ['USBメモリの持ち込み', 'サポート切れOS', 'リモート保守', 'パスワード', 'ゾーン', ''];
    // A reference framework's entry is an identifier, a name and two one-liners, not prose to cut.
    for (const c of corpus.clauses.filter((c) => c.basis !== 'reference')) {
      const starts = new Set(snippetUnits(c.text).map((u) => c.text.slice(u.start, u.start + 12)));
      for (const q of questions) {
        const s = makeSnippet(c.text, features(q, []).matchedForms).text;
        const body = s.replace(/^…/, '');
        expect(starts.has(body.slice(0, 12)), `${c.id} / ${q}: ${s}`).toBe(true);
        for (const piece of body.split(/ … | ／ |…$/)) expect(isBoilerplate(piece), `${c.id}: ${piece}`).toBe(false);
        expect(s).not.toContain('ガイドラインの記述ではありません');
        expect(s).not.toMatch(/未確認です|確認できていません/);
      }
    }
  });

  it('keep list items apart', () => {
    // Clause text keeps each list item on a line of its own (corpus/parse.ts).
    const s = makeSnippet('手順の例：\n台帳を紙1枚に書き出す\n機器の初期パスワードを変える', ['台帳', 'パスワード']);
    expect(s.text).toBe('…台帳を紙1枚に書き出す ／ 機器の初期パスワードを変える');
  });
});
