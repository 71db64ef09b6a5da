/**
 * Guidelines are data: a content tree with a third guideline — a folder and a guidelines.yml entry,
 * no code — goes through check, build-index and ask, and every guideline answers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kojo } from './helpers/cli.ts';
import { threeGuidelines } from './helpers/fixture.ts';

const noModel = { KOJO_MODEL_DIR: mkdtempSync(join(tmpdir(), 'kojo-nomodel-')) };
const index = join(mkdtempSync(join(tmpdir(), 'kojo-three-')), 'index');

beforeAll(() => {
  const r = kojo(['build-index', '--content', threeGuidelines, '--out', index], { env: noModel });
  expect(r.stderr).toMatch(/indexed 11 clauses and 1 practice notes/);
});

describe('a corpus of three guidelines', () => {
  it('passes kojo check, counting each guideline', () => {
    const r = kojo(['check', '--content', threeGuidelines]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok — meti: 3 clauses, .*; gutp: 3 clauses, .*; ipa: 5 clauses, /);
  });

  it('answers from all three, grouped in guidelines.yml order', () => {
    const r = kojo(['ask', '--index', index, '--json', '--k', '2', '古いOSの端末はどうすればいい？'], { env: noModel });
    expect(r.status).toBe(0);
    const hits: { guideline?: string; kind: string; id: string }[] = JSON.parse(r.stdout).hits;
    expect(hits.map((h) => h.guideline ?? h.kind)).toEqual(['meti', 'meti', 'gutp', 'gutp', 'ipa', 'ipa', 'note']);
    expect(hits.find((h) => h.guideline === 'ipa')?.id).toBe('ipa-note-eol-os');
  });

  it('prints a group per guideline with its name from guidelines.yml, and counterparts across all of them', () => {
    const r = kojo(['ask', '--index', index, '--k', '1', 'USBメモリの持ち込み'], { env: noModel });
    expect(r.stdout.match(/^■ /gm)).toHaveLength(4);
    expect(r.stdout).toMatch(/■ テスト用制御システムセキュリティ手引き|■ .*\(IPA 第1版\)/);
  });

  it('accepts the third key for --guideline', () => {
    const r = kojo(['ask', '--index', index, '--json', '--guideline', 'ipa', 'リモート保守のVPN'], { env: noModel });
    const hits: { guideline: string; id: string }[] = JSON.parse(r.stdout).hits;
    expect(new Set(hits.map((h) => h.guideline))).toEqual(new Set(['ipa']));
    expect(hits[0]?.id).toBe('ipa-2-remote');
  });
});
