/**
 * Hostile input and faults (issue 24): each case is something a user or a broken surrounding can
 * do, and the test holds kojo to failing well — one line naming what is wrong, exit 1, nothing
 * left behind that a later command mistakes for good.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { E5_MODEL } from '../indexer/embedders/index.ts';
import { osError } from '../indexer/errors/index.ts';
import { whyMissing } from '../indexer/fs/index.ts';
import { kojo, kojoAsync } from './helpers/cli.ts';
import { contentTree } from './helpers/fixture.ts';

const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

/**
 * A mirror with the hub's layout that answers every file, but with `{}` for JSON and garbage for
 * ONNX — the ONNX late, so it is still arriving when the JSON has already failed the download.
 */
async function garbageMirror(): Promise<string> {
  const server = createServer((req, res) => {
    if (req.url!.includes('.json')) res.writeHead(200).end('{}');
    else setTimeout(() => res.writeHead(200).end('not an onnx model'), 500);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('kojo model fetch from a mirror serving garbage', () => {
  it('fails naming the mirror and leaves no folder that model status calls installed', async () => {
    const models = mkdtempSync(join(tmpdir(), 'kojo-models-'));
    const env = { KOJO_MODEL_DIR: models };
    const r = await kojoAsync(['model', 'fetch', '--from', await garbageMirror()], { env });
    expect(r.status).toBe(1);
    // transformers.js prints its own warnings; kojo's verdict is its one line among them.
    expect(r.stderr).toMatch(/^kojo: could not download Xenova\/multilingual-e5-small from http:\/\/127\.0\.0\.1/m);
    expect(existsSync(join(models, E5_MODEL))).toBe(false);
    expect(readdirSync(models)).toEqual([]);
    expect((await kojoAsync(['model', 'status'], { env })).stdout).toMatch(/not installed/);
  });
});

describe('kojo check on content that would not show as written', () => {
  it('refuses HTML in a clause heading and a protocol-relative link, naming file:line and rule', () => {
    const dir = contentTree({
      'meti/03.md': (s) =>
        `${s.replace('## 保護対象の整理 {#', '## 保護対象の整理<img src=x> {#')}\n[外へ](//evil.example/)\n`,
    });
    const r = kojo(['check', '--content', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toMatch(/meti\/03\.md:7 .*clause-heading-html|meti\/03\.md:7.*raw HTML/);
    expect(r.stderr + r.stdout).toMatch(/\/\/evil\.example\/.*protocol-relative/);
  });
});

describe('writing into a new folder on a read-only mount', () => {
  it('says the ancestor is read-only, not ENOENT, and names the target', async () => {
    const base = mkdtempSync(join(tmpdir(), 'kojo-ro-'));
    const target = join(base, 'new', 'idx');
    // Node's recursive mkdir under a read-only mount reports ENOENT for the missing folder.
    const enoent = Object.assign(new Error(`ENOENT: no such file or directory, mkdir '${join(base, 'new')}'`), {
      code: 'ENOENT',
      syscall: 'mkdir',
      path: join(base, 'new'),
    });
    const checked: string[] = [];
    const readOnly = (dir: string) => {
      checked.push(dir);
      throw Object.assign(new Error('EROFS'), { code: 'EROFS', syscall: 'access', path: dir });
    };
    const error = osError(whyMissing(enoent, readOnly), 'write', target, { kept: 'no index was written' });
    expect(checked).toEqual([base]);
    expect((error as Error).message).toBe(`cannot write ${target}: the file system is read-only; no index was written`);
    const other = Object.assign(new Error('ENOENT'), { code: 'ENOENT', syscall: 'rename', path: target });
    expect(whyMissing(other, readOnly)).toBe(other);
  });
});

describe('terminal output from names a user or content gave', () => {
  const esc = '\u001b[2J';
  it('shows an unknown command name escaped, on one line, exit 1', () => {
    const r = kojo([`${esc}x\nok\u202e`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^kojo: unknown command "\\u001b\[2Jx\\nok\\u202e"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain('\u001b');
  });

  it('shows a kojo list title with controls and bidi characters escaped', () => {
    const dir = contentTree({
      'meti/03.md': (s) => s.replace('## 保護対象の整理 {#', `## 保護対象の整理${esc}\u202e {#`),
    });
    const r = kojo(['list', '--content', dir]);
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(r.stdout).toContain('保護対象の整理\\u001b[2J\\u202e');
  });

  it('keeps a kojo check problem in a file whose name holds a line break on one line', () => {
    const dir = contentTree();
    writeFileSync(join(dir, 'meti', 'x\nok — forged.md'), '---\nguideline: meti\n---\n');
    const r = kojo(['check', '--content', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/meti\/x\\nok — forged\.md:\d+: error /m);
    expect(r.stdout).not.toMatch(/^ok — forged/m);
  });
});

describe('kojo checklist report on files from elsewhere', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kojo-report-'));
  const report = (name: string, bytes: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return kojo(['checklist', 'report', file]);
  };

  it('tells a Shift_JIS CSV to be saved as CSV UTF-8, in one line, exit 1', () => {
    // 確認項目ID in Shift_JIS, as Excel's plain "CSV" writes it on Japanese Windows.
    const sjis = Buffer.concat([
      Buffer.from([0x8a, 0x6d, 0x94, 0x46, 0x8d, 0x80, 0x96, 0xda]),
      Buffer.from('ID,x\r\nkojo-prep-01,2\r\n'),
    ]);
    const r = report('excel.csv', sjis);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^kojo: .*excel\.csv is not UTF-8 .*save it as "CSV UTF-8"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses 評価日 2026-13-45 naming the line and column', () => {
    const r = report('date.csv', '評価日,確認項目ID,レベル\r\n2026-13-45,kojo-prep-01,2\r\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/date\.csv:2: column 「評価日」: "2026-13-45" is not YYYY-MM-DD/);
  });

  it('summarises thousands of unknown rows instead of one warning each', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `gone-${i},2`).join('\r\n');
    const r = report('old.csv', `確認項目ID,レベル\r\nkojo-prep-01,2\r\n${rows}\r\n`);
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines.at(-1)).toMatch(/and 1995 more warnings/);
  });
});
