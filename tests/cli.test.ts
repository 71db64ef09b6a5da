import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../scripts/commands/index.ts';
import { kojo, root } from './helpers/cli.ts';
import { minimalContent } from './helpers/fixture.ts';
import pkg from '../package.json' with { type: 'json' };

describe('kojo helps', () => {
  it('lists every command with --help, and exits 1 with the same list when given nothing', () => {
    const r = kojo(['--help']);
    expect(r.status).toBe(0);
    for (const { name, summary } of commands) {
      const line = r.stdout.split('\n').find((l) => l.trimStart().startsWith(`${name} `));
      expect(line?.replace(/^ {2}\S+ +/, ''), name).toBe(summary);
    }
    const bare = kojo([]);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toBe(r.stdout);
  });

  it('shows the defaults and value names of options', () => {
    const r = kojo(['ask', '--help']);
    expect(r.stdout).toMatch(/--k N\s+answers per guideline \(1 to 50, default: 5\)$/m);
    expect(r.stdout).toMatch(/--embedder auto\|e5\|builtin\s/);
    expect(r.stdout).toMatch(/--index DIR/);
  });

  it('prints its version', () => {
    expect(kojo(['--version']).stdout).toBe(`kojo ${pkg.version}\n`);
  });

  it('refuses arguments a command does not take, in one line', () => {
    const r = kojo(['check', 'extra']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("kojo: unexpected argument 'extra' (see kojo check --help)\n");
  });
});

describe('kojo never deletes what it did not write', () => {
  it('refuses to build an index over a file or a folder of other files, and leaves them as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojo-precious-'));
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'keep me');
    for (const out of [file, dir]) {
      const r = kojo(['build-index', '--content', minimalContent, '--out', out, '--embedder', 'builtin']);
      expect(r.status, out).toBe(1);
      expect(r.stderr).toMatch(/^kojo: refusing to replace .*(it is a file|holds files this tool did not write)/m);
      expect(r.stderr).not.toMatch(/embedding/);
    }
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('replaces its own previous index, and builds into an empty folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'kojo-empty-'));
    for (let i = 0; i < 2; i++)
      expect(kojo(['build-index', '--content', minimalContent, '--out', out, '--embedder', 'builtin']).status).toBe(0);
  });
});

describe('kojo reads its arguments as a person means them', () => {
  it('kojo help ask is kojo ask --help, for subcommands too', () => {
    expect(kojo(['help', 'ask']).stdout).toBe(kojo(['ask', '--help']).stdout);
    expect(kojo(['help', 'checklist', 'report']).stdout).toBe(kojo(['checklist', 'report', '--help']).stdout);
  });

  it("takes a subcommand after its parent's options, and refuses an unknown one naming the known", () => {
    expect(kojo(['checklist', '--content', 'no/such/dir', 'report', 'x.json']).stderr).toBe(
      'kojo: content folder not found: no/such/dir\n',
    );
    expect(kojo(['model', 'frob'])).toMatchObject({
      status: 1,
      stderr: "kojo: unknown subcommand 'frob' of kojo model: use fetch or status (see kojo model --help)\n",
    });
    expect(kojo(['checklist', '--target', '3']).stderr).toBe(
      "kojo: unknown option '--target' (see kojo checklist --help)\n",
    );
  });

  it('takes what follows -- as the question, even "--help"', () => {
    const r = kojo(['ask', '--index', '/no/such/index', '--', '--help']);
    expect(r.stderr).toMatch(/^kojo: no index at \/no\/such\/index/);
  });

  it('says a content path that is a file is not a folder', () => {
    const r = kojo(['check', '--content', 'README.md']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('kojo: content folder is a file, not a folder: README.md\n');
  });

  it('reports a mistyped option of the build tool as a usage error, not an internal one', () => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/tools/build-site.ts', '--contnet', 'x'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("build: unknown option '--contnet' (see npm run build -- --help)\n");
  });
});
