import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kojo, root } from './helpers/cli.ts';
import { contentTree, minimalContent } from './helpers/fixture.ts';
import { writeTinyModel } from './helpers/tiny-model.ts';

const noModel = { KOJO_MODEL_DIR: mkdtempSync(join(tmpdir(), 'kojo-nomodel-')) };
const index = join(mkdtempSync(join(tmpdir(), 'kojo-cli-')), 'index');

beforeAll(() => {
  const r = kojo(['build-index', '--content', minimalContent, '--out', index], { env: noModel });
  expect(r.stderr).toMatch(/embedder: builtin-hash-v2 — e5 model not found in .*; using built-in embedder/);
  expect(r.status).toBe(0);
});

const askJson = (question: string, ...args: string[]) =>
  kojo(['ask', '--index', index, '--json', ...args, question], { env: noModel });

describe('kojo build-index', () => {
  it('shows progress and a summary on stderr, nothing on stdout', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kojo-cli-')), 'i');
    const r = kojo(['build-index', '--content', minimalContent, '--out', out, '--embedder', 'builtin'], {
      env: noModel,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/embedding \d+\/\d+/);
    expect(r.stderr).toMatch(/indexed \d+ clauses and \d+ practice notes with builtin-hash-v2/);
  });

  it('refuses --embedder e5 without a model, in one line', () => {
    const r = kojo(['build-index', '--content', minimalContent, '--out', join(tmpdir(), 'never'), '--embedder', 'e5'], {
      env: noModel,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kojo: e5 model not found in .*kojo model fetch/);
  });
});

describe('kojo ask', () => {
  it('answers in JSON from both guidelines, at least k hits each, with counterparts', () => {
    const r = askJson('古いOS端末はどうすればいい？', '--k', '3');
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({ query: '古いOS端末はどうすればいい？', embedder: 'builtin-hash-v2' });
    for (const g of ['meti', 'gutp'])
      expect(
        answer.hits.filter((h: { guideline: string; kind: string }) => h.guideline === g && h.kind === 'unit'),
      ).toHaveLength(3);
    // Notes are their own group, of no guideline, with their own verdict and the units they relate to.
    expect(Object.keys(answer.guidelines)).toEqual(['meti', 'gutp']);
    expect(answer.notes).toMatchObject({ closeMatch: expect.any(Boolean) });
    const notes = answer.hits.filter((h: { kind: string }) => h.kind === 'note');
    expect(notes.every((h: object) => !('guideline' in h))).toBe(true);
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'note',
        id: 'note-eol-os',
        url: '/notes/eol-os/',
        relates: ['meti-1-eol', 'gutp-1-eol'],
      }),
    ]);
    const top = answer.hits[0];
    expect(Object.keys(top)).toEqual(
      expect.arrayContaining([
        'guideline',
        'id',
        'chapter',
        'section',
        'title',
        'basis',
        'score',
        'url',
        'snippet',
        'related',
      ]),
    );
    expect(answer.hits.some((h: { related: unknown[] }) => h.related.length > 0)).toBe(true);
  });

  it('prints a readable answer grouped by guideline, with links', () => {
    const r = kojo(['ask', '--index', index, 'USBメモリの持ち込みについて教えてください'], { env: noModel });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^■ METI \(METI Ver 1\.0\)$[\s\S]*^■ GUTP \(GUTP v1\.00\)$/m);
    expect(r.stdout).toMatch(/【USB】|【USBメモリ】/);
    expect(r.stdout).toMatch(/\/meti\/ch1\/#meti-1-eol/);
    // The practice notes answer apart, after every guideline, under their own heading.
    expect(r.stdout).toMatch(
      /^■ GUTP[\s\S]*^■ 本サイトの実務メモ（ガイドラインの記述ではありません）$\n1\. 実務メモ 古いOS端末の守り方\n[\s\S]*\/notes\/eol-os\//m,
    );
  });

  it('notes on stderr when the content it was built from has changed since', () => {
    expect(askJson('古いOS').stderr).toBe('');
    const content = contentTree();
    const stale = join(mkdtempSync(join(tmpdir(), 'kojo-stale-')), 'index');
    kojo(['build-index', '--content', content, '--out', stale], { env: noModel });
    appendFileSync(join(content, 'meti', '01.md'), '\n追記した一文。\n');
    const r = kojo(['ask', '--index', stale, '--json', '古いOS'], { env: noModel });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^kojo: note: .*\/ has changed since the index at .* was built; run "kojo build-index --content .*" to include the changes\n$/,
    );
    expect(JSON.parse(r.stdout).hits.length).toBeGreaterThan(0);
  });

  it('limits to one guideline with --guideline', () => {
    const answer = JSON.parse(askJson('端末', '--guideline', 'gutp').stdout);
    expect(new Set(answer.hits.map((h: { guideline: string }) => h.guideline))).toEqual(new Set(['gutp']));
  });

  it('reads one question per line from stdin with -, one JSON object per line', () => {
    const r = kojo(['ask', '--index', index, '--json', '-'], {
      env: noModel,
      input: 'USBメモリの制限\n\nチェックリストって何から作る？\n',
    });
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['USBメモリの制限', 'チェックリストって何から作る？']);
  });

  it.each([
    ['very long input', '工場の古い端末'.repeat(15000)],
    ['control characters', '古い\u0000\u0007OS\u001b[31m端末'],
    ['emoji', '🏭 古いOS 😱 どうする？'],
    ['markup', '<img src=x onerror=alert(1)> USB'],
  ])('survives %s', (_name, question) => {
    // stdin, since argv cannot carry NUL bytes or 100k characters
    const r = kojo(['ask', '--index', index, '--json', '-'], { env: noModel, input: `${question}\n` });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).hits.filter((h: { kind: string }) => h.kind === 'unit').length).toBe(6);
  });

  it('takes emoji and markup on the command line too', () => {
    const r = askJson('<b>🏭</b> 古いOS');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).query).toBe('<b>🏭</b> 古いOS');
  });
});

describe('kojo ask and the index it was built with', () => {
  it("uses the index's own embedder and notes when a better one is installed", () => {
    const modelDir = mkdtempSync(join(tmpdir(), 'kojo-model-'));
    writeTinyModel(modelDir);
    const r = kojo(['ask', '--index', index, '--json', '古いOS'], { env: { KOJO_MODEL_DIR: modelDir } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).embedder).toBe('builtin-hash-v2');
    expect(r.stderr).toMatch(
      /^kojo: note: index at .* was built with builtin-hash-v2; e5:Xenova\/multilingual-e5-small is available here — run "kojo build-index --out .*" to use it/,
    );
  });

  it('finds the index the site build made when there is no default index', () => {
    const work = mkdtempSync(join(tmpdir(), 'kojo-site-index-'));
    cpSync(index, join(work, '.kojo', 'site-index'), { recursive: true });
    const r = kojo(['ask', '--json', '古いOS'], { env: noModel, cwd: work });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/kojo: note: asking the site build's index at \.kojo\/site-index/);
    expect(JSON.parse(r.stdout).hits.filter((h: { kind: string }) => h.kind === 'unit').length).toBe(6);
  });
});

describe('kojo ask errors: one line on stderr, exit 1', () => {
  const expectError = (r: ReturnType<typeof kojo>, message: RegExp) => {
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  };

  it('an empty or blank question', () => {
    expectError(askJson(''), /^kojo: the question is empty/);
    expectError(askJson('   \u3000 '), /^kojo: the question is empty/);
    expectError(askJson('？！。'), /^kojo: the question is empty after removing punctuation/);
  });

  it('a missing index', () => {
    expectError(
      kojo(['ask', '--index', '/no/such/index', '古いOS'], { env: noModel }),
      /^kojo: no index at \/no\/such\/index; run "kojo build-index" first/,
    );
  });

  it('an index asked with another embedder than the one it was built with', () => {
    const modelDir = mkdtempSync(join(tmpdir(), 'kojo-model-'));
    writeTinyModel(modelDir);
    expectError(
      kojo(['ask', '--index', index, '--embedder', 'e5', '古いOS'], { env: { KOJO_MODEL_DIR: modelDir } }),
      /^kojo: index at .* was built with embedder builtin-hash-v2, not e5; rebuild it with "kojo build-index --embedder e5"/,
    );
  });

  it('a corrupt index', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kojo-cli-')), 'index');
    kojo(['build-index', '--content', minimalContent, '--out', out], { env: noModel });
    const entry = join(out, 'browser', 'entry.json');
    writeFileSync(entry, readFileSync(entry, 'utf8').slice(0, 100));
    expectError(
      kojo(['ask', '--index', out, '古いOS'], { env: noModel }),
      /^kojo: index at .* is corrupt or truncated \(entry\.json: unreadable JSON/,
    );
  });

  it('an unknown option or bad value', () => {
    expectError(
      kojo(['ask', '--index', index, '--fast', '古いOS']),
      /^kojo: unknown option '--fast' \(see kojo ask --help\)/,
    );
    expectError(kojo(['ask', '--index', index, '--k', 'many', '古いOS']), /^kojo: --k must be a whole number/);
    expectError(
      kojo(['ask', '--index', index, '--guideline', 'nisc', '古いOS']),
      /^kojo: --guideline must be one of meti, gutp \(got "nisc"\)/,
    );
    expectError(kojo(['frobnicate']), /^kojo: unknown command "frobnicate" \(commands: check, list/);
    expectError(kojo(['chek']), /^kojo: unknown command "chek" — did you mean "check"\?/);
  });
});

describe('kojo model', () => {
  it('fails clearly without a network', () => {
    const r = kojo(['model', 'fetch'], { env: { KOJO_MODEL_DIR: mkdtempSync(join(tmpdir(), 'kojo-fetch-')) } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/kojo: could not download Xenova\/multilingual-e5-small .*needs a network/);
  });
});

describe('pipes', () => {
  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `node bin/kojo.js list --json | head -c 10`], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe('[\n  {\n    ');
    expect(r.stderr).toBe('');
  });
});
