import { INDEX_FORMAT_VERSION } from '../indexer/index-format/index.ts';
/**
 * Findings of the reliability review: what a person sees when the path, the disk, the index, the
 * other builds or the output get in the way — always one line, exit 1, never a stack or a half index.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { describeOsError, isKojoError, KojoError, osError } from '../indexer/errors/index.ts';
import { lockPath, withDirLock, writeDirAtomically } from '../indexer/fs/index.ts';
import { indexFiles } from '../indexer/index-format/node.ts';
import { outputFailure, reportError } from '../scripts/cli/report.ts';
import { kojo, root, type CliResult } from './helpers/cli.ts';
import { minimalContent } from './helpers/fixture.ts';
import { entryPath, shardPaths } from './helpers/index-files.ts';

const noModel = { KOJO_MODEL_DIR: mkdtempSync(join(tmpdir(), 'kojo-nomodel-')) };
const build = (out: string, options: { cwd?: string } = {}) =>
  kojo(['build-index', '--content', minimalContent, '--out', out, '--embedder', 'builtin'], {
    env: noModel,
    ...options,
  });
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `kojo-${name}-`));
/** Leftovers of a writer beside its target: temp or moved-aside folders, lock files. */
const leftovers = (dir: string) => readdirSync(dir).filter((e) => /^\..*\.(tmp|old)-\d+-\d+$|\.lock($|\.)/.test(e));

/** One line on stderr, exit 1, nothing on stdout, no stack. */
const expectOneLine = (r: CliResult, message: RegExp) => {
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\bat .*\.(ts|js):\d+|undefined/);
  expect(r.status).toBe(1);
};

let index: string;
beforeAll(() => {
  index = join(tmp('rel'), 'index');
  expect(build(index).status).toBe(0);
});

/** A fresh copy of the built index with `edit` applied to it. */
const damaged = (edit: (dir: string) => void) => {
  const dir = join(tmp('damaged'), 'index');
  cpSync(index, dir, { recursive: true });
  edit(dir);
  return dir;
};
const ask = (dir: string, ...args: string[]) =>
  kojo(['ask', '--index', dir, '--json', ...args, '古いOS'], { env: noModel });
const editJson = (path: string, edit: (json: any) => unknown) =>
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8')))));

describe('1. build-index refuses --out . and --out / in one line, touching nothing', () => {
  it.each([
    ['.', /^kojo: refusing to replace \.: it is the current folder; choose a folder of its own\n$/],
    ['./', /^kojo: refusing to replace \.\/: it is the current folder/],
    ['..', /^kojo: refusing to replace \.\.: it holds the current folder/],
    ['/', /^kojo: refusing to replace \/: it is the root of the file system/],
  ])('--out %s', (out, message) => {
    const parent = tmp('cwd-parent');
    const cwd = join(parent, 'work');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'manifest.json'), '{"mine": true}');
    const rootBefore = readdirSync('/');
    const r = build(out, { cwd });
    expectOneLine(r, message);
    expect(r.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual(['manifest.json']);
    expect(readFileSync(join(cwd, 'manifest.json'), 'utf8')).toBe('{"mine": true}');
    expect(readdirSync(parent)).toEqual(['work']);
    expect(readdirSync('/')).toEqual(rootBefore);
  });

  it('says so when a folder on the way is a file, before any work', () => {
    const dir = tmp('file-parent');
    writeFileSync(join(dir, 'plain'), 'x');
    expectOneLine(
      build(join(dir, 'plain', 'index')),
      /^kojo: cannot write .*plain\/index: .*plain is a file, not a folder$/m,
    );
    expect(readdirSync(dir)).toEqual(['plain']);
  });
});

describe('3. concurrent builds of one --out', () => {
  const spawnBuild = (out: string) =>
    new Promise<CliResult>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(root, 'bin', 'kojo.js'),
          'build-index',
          '--content',
          minimalContent,
          '--out',
          out,
          '--embedder',
          'builtin',
        ],
        {
          cwd: root,
          env: { ...process.env, ...noModel },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('each of 3 builds at once succeeds or refuses in one line; the index loads afterwards; nothing is left beside it', async () => {
    const parent = tmp('concurrent');
    const out = join(parent, 'index');
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all([0, 1, 2].map(() => spawnBuild(out)));
      for (const r of results) {
        if (r.status === 0) continue;
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toMatch(
          /^kojo: another kojo build is writing .* \(pid \d+\); try again when it finishes, or remove .*\.lock if no build is running$/m,
        );
        expect(r.stderr).not.toMatch(/internal error/);
      }
      expect(results.some((r) => r.status === 0)).toBe(true);
      expect(ask(out).status).toBe(0);
      expect(leftovers(parent)).toEqual([]);
    }
  });

  it('swaps one writer at a time (in one process too): every writer finishes, the last one wins', async () => {
    const parent = tmp('swap');
    const target = join(parent, 'out');
    const writers = Array.from({ length: 6 }, (_, i) =>
      writeDirAtomically(target, 'marker', async (dir) => {
        writeFileSync(join(dir, 'marker'), String(i));
        // All writers reach their swap together, where two unguarded swaps move each other's folder.
        await new Promise((r) => setTimeout(r, 30));
      }),
    );
    await Promise.all(writers);
    expect(readFileSync(join(target, 'marker'), 'utf8')).toMatch(/^[0-5]$/);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('takes over the lock of a build that died, and removes it afterwards', () => {
    const parent = tmp('stale');
    const out = join(parent, 'index');
    writeFileSync(lockPath(out), '999999999\n');
    expect(build(out).status).toBe(0);
    expect(readdirSync(parent)).toEqual(['index']);
  });

  it('refuses, in one line naming the pid, while a live build holds the lock past the wait', async () => {
    const target = join(tmp('held'), 'out');
    let release!: () => void;
    const holder = withDirLock(target, () => new Promise<void>((r) => (release = r)));
    await vi.waitFor(() => expect(existsSync(lockPath(target))).toBe(true));
    const second = await withDirLock(target, async () => 'ran', { waitMs: 150 }).catch((e: unknown) => e);
    expect(isKojoError(second, 'usage')).toBe(true);
    expect((second as Error).message).toBe(
      `another kojo build is writing ${target} (pid ${process.pid}); try again when it finishes, or remove ${lockPath(target)} if no build is running`,
    );
    release();
    await holder;
    expect(existsSync(lockPath(target))).toBe(false);
    expect(await withDirLock(target, async () => 'ran', { waitMs: 150 })).toBe('ran');
  });
});

describe('10. every file of an index is checked against the format', () => {
  it('a sparse vector shard listing a clause beyond the index is corrupt', () => {
    const dir = damaged((d) => {
      for (const path of shardPaths(d, 'dims')) {
        const bytes = readFileSync(path);
        // The first gap, after the count and each dimension's number and length.
        bytes.writeUInt32LE(1000, 4 * (1 + 2 * bytes.readUInt32LE(0)));
        writeFileSync(path, bytes);
      }
    });
    expectOneLine(
      ask(dir),
      /^kojo: index at .* is corrupt or truncated \(d\/\d+\.[0-9a-f]{16}\.bin: dimension \d+ lists clause 1001 of 7\); rebuild it with "kojo build-index"$/m,
    );
  });

  it('a clause without its title is corrupt, naming the field', () => {
    const dir = damaged((d) => shardPaths(d, 'clauses').forEach((p) => editJson(p, (j) => (delete j[0].title, j))));
    expectOneLine(
      ask(dir),
      /^kojo: index at .* is corrupt or truncated \(c\/\d+\.[0-9a-f]{16}\.json does not match the format: 0\.title: required\)/,
    );
  });

  it('clauses of a guideline the index does not have are corrupt', () => {
    const dir = damaged((d) => editJson(entryPath(d), (j) => ((j.runs[0][1] = 7), j)));
    expectOneLine(
      ask(dir),
      /^kojo: index at .* is corrupt or truncated \(entry\.json: clauses belong to guideline 8 of 2\)/,
    );
  });

  it.each(['{}', 'null', '[]', '7'])('an embedder state of %s is corrupt', (state) => {
    const dir = damaged((d) => editJson(entryPath(d), (j) => ((j.embedderState = JSON.parse(state)), j)));
    expectOneLine(
      ask(dir),
      /^kojo: index at .* is corrupt or truncated \((entry\.json does not match the format|the built-in embedder state is malformed)/,
    );
  });

  it('a term shard listing a clause beyond the index is corrupt', () => {
    const dir = damaged((d) =>
      shardPaths(d, 'terms').forEach((p) =>
        editJson(
          p,
          (j) => (Object.values(j as Record<string, { d?: number[] }>).forEach((t) => t.d && (t.d[0] = 99)), j),
        ),
      ),
    );
    expectOneLine(
      ask(dir),
      /^kojo: index at .* is corrupt or truncated \(t\/\d+\.[0-9a-f]{16}\.json: term .* lists a clause beyond the 7 of the index\)/,
    );
  });

  it('a manifest of a newer format and another shape was made by a newer kojo', () => {
    const dir = damaged((d) =>
      writeFileSync(
        join(d, indexFiles.manifest),
        JSON.stringify({ formatVersion: INDEX_FORMAT_VERSION + 1, model: { name: 'x' } }),
      ),
    );
    expectOneLine(
      ask(dir),
      new RegExp(
        `^kojo: index at .* was made by a newer kojo \\(it has format ${INDEX_FORMAT_VERSION + 1}, this kojo reads ${INDEX_FORMAT_VERSION}\\); update kojo, or rebuild the index with this one`,
      ),
    );
  });

  it('a manifest of an older format was made by an older kojo: rebuild', () => {
    const dir = damaged((d) =>
      editJson(join(d, indexFiles.manifest), (j) => ({ ...j, formatVersion: 1, embedder: 'builtin' })),
    );
    expectOneLine(
      ask(dir),
      new RegExp(
        `^kojo: index at .* was made by an older kojo \\(it has format 1, this kojo reads ${INDEX_FORMAT_VERSION}\\); rebuild it with "kojo build-index"$`,
        'm',
      ),
    );
  });

  it('a manifest of this format with a field missing says which', () => {
    const dir = damaged((d) => editJson(join(d, indexFiles.manifest), (j) => (delete j.clauseCount, j)));
    expectOneLine(
      ask(dir),
      /^kojo: index at .* is corrupt or truncated \(manifest\.json does not describe an index: clauseCount: required\)/,
    );
  });
});

describe('11. what the OS refused, said in one line', () => {
  const errno = (code: string, syscall = 'open', path = '/x/index/data.json') =>
    Object.assign(new Error(`${code}: failed, ${syscall} '${path}'`), { code, syscall, path });

  it('maps read and write refusals to one-line KojoErrors, and leaves other errors as they are', () => {
    const read = osError(errno('EACCES'), 'read', '/x/index/data.json');
    expect(isKojoError(read)).toBe(true);
    expect((read as Error).message).toBe('cannot read /x/index/data.json: permission denied');
    expect(
      (osError(errno('ENOSPC', 'write'), 'write', '/x/index', { kept: 'the previous index is unchanged' }) as Error)
        .message,
    ).toBe('disk full while writing /x/index; the previous index is unchanged');
    for (const [code, reason] of [
      ['EACCES', 'permission denied'],
      ['EPERM', 'permission denied'],
      ['EROFS', 'the file system is read-only'],
      ['EBUSY', 'it is busy (in use by another program)'],
    ]) {
      const error = osError(errno(code!, 'rename'), 'write', '/x/index');
      expect(isKojoError(error), code).toBe(true);
      expect((error as Error).message).toBe(`cannot write /x/index: ${reason}`);
    }
    const bug = errno('ENOENT', 'rename');
    expect(osError(bug, 'write', '/x/index')).toBe(bug);
    const mine = new KojoError('usage', 'already said');
    expect(osError(mine, 'read', '/x')).toBe(mine);
  });

  it('reports an OS refusal that reached the top (a content file, say) as one line, exit 1', () => {
    expect(describeOsError(errno('EACCES', 'open', 'content/meti/01.md'))).toBe(
      'cannot open content/meti/01.md: permission denied',
    );
    expect(describeOsError(errno('EACCES', 'scandir', 'content/meti'))).toBe(
      'cannot read content/meti: permission denied',
    );
    expect(describeOsError(new Error('plain'))).toBeUndefined();
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(reportError('kojo', errno('EACCES', 'open', 'content/meti/01.md'))).toBe(1);
      expect(write).toHaveBeenCalledWith('kojo: cannot open content/meti/01.md: permission denied\n');
    } finally {
      write.mockRestore();
    }
  });

  it('finds the OS refusal inside an error another tool wrapped around it (review finding)', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const wrapped = new Error('astro sync failed', { cause: errno('EACCES', 'mkdir', '/repo/.astro/collections') });
      expect(reportError('build', wrapped)).toBe(1);
      expect(write).toHaveBeenCalledWith('build: cannot create /repo/.astro/collections: permission denied\n');
    } finally {
      write.mockRestore();
    }
  });

  it('a full disk while writing keeps the previous folder whole, with nothing left beside it', async () => {
    const parent = tmp('full');
    const target = join(parent, 'index');
    await writeDirAtomically(target, 'marker', async (dir) => writeFileSync(join(dir, 'marker'), 'first'));
    const failing = (error: (dir: string) => Error) =>
      writeDirAtomically(target, 'marker', async (dir) => Promise.reject(error(dir)), undefined, 'index').catch(
        (e: unknown) => e,
      );
    const full = await failing((dir) => errno('ENOSPC', 'write', join(dir, 'vectors.f32')));
    expect(isKojoError(full)).toBe(true);
    expect((full as Error).message).toBe(`disk full while writing ${target}; the previous index is unchanged`);
    // What the filling could not read elsewhere is not a failure to write here: it keeps its own path.
    const elsewhere = errno('EACCES', 'open', '/somewhere/model.onnx');
    expect(await failing(() => elsewhere)).toBe(elsewhere);
    expect(readFileSync(join(target, 'marker'), 'utf8')).toBe('first');
    expect(readdirSync(parent)).toEqual(['index']);
  });

  it('an index file the OS will not read is said as such, not as "missing"', () => {
    const dir = damaged((d) => {
      rmSync(entryPath(d));
      mkdirSync(entryPath(d));
    });
    expectOneLine(ask(dir), /^kojo: cannot read .*\/entry\.json: it is a folder, not a file$/m);
  });

  it.skipIf(process.getuid?.() === 0)('an index without read permission: permission denied', () => {
    const dir = damaged((d) => writeFileSync(entryPath(d), '{}', { mode: 0o000 }));
    expectOneLine(ask(dir), /^kojo: cannot read .*\/entry\.json: permission denied$/m);
  });
});

describe('12. output and input at their limits', () => {
  const sh = (command: string, input?: string) =>
    spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8', input, env: { ...process.env, ...noModel } });

  it.each([
    ['list', `node bin/kojo.js list --json --content ${minimalContent} > /dev/full`],
    ['ask', `node bin/kojo.js ask --index ${'INDEX'} 古いOS > /dev/full`],
    ['ask --json -', `echo 古いOS | node bin/kojo.js ask --index ${'INDEX'} --json - > /dev/full`],
  ])('a full stdout (%s) is one line, exit 1', (_name, command) => {
    const r = sh(command.replace('INDEX', index));
    expect(r.stderr).toBe('kojo: cannot write output: no space left on device\n');
    expect(r.status).toBe(1);
  });

  it('still stops quietly when the reader closes the pipe early', () => {
    expect(outputFailure('kojo', Object.assign(new Error('EPIPE'), { code: 'EPIPE' }))).toBeNull();
  });

  it('batch: a failing line is one line on stderr too, its JSON error stays on stdout', () => {
    const r = kojo(['ask', '--index', index, '--json', '-'], { env: noModel, input: 'USBメモリ\n\n？！\n古いOS\r\n' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('kojo: line 3: the question is empty after removing punctuation and fillers\n');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['USBメモリ', '？！', '古いOS']);
    expect(lines[1]).toEqual({
      query: '？！',
      error: 'the question is empty after removing punctuation and fillers',
      code: 'empty-question',
    });
  });

  it.each(['-1', '0x5', '5.0', '1e1', '0', '51', ' 5'])('--k %s is the usual usage error', (k) => {
    for (const args of [['--k', k], [`--k=${k}`]]) {
      expectOneLine(
        kojo(['ask', '--index', index, ...args, '古いOS'], { env: noModel }),
        new RegExp(`^kojo: --k must be a whole number from 1 to 50 \\(got "${k.replace('.', '\\.')}"\\)$`, 'm'),
      );
    }
  });

  it('--k 7 and --k=7 are taken; an option given no value says so', () => {
    for (const args of [['--k', '7'], ['--k=7']]) {
      const r = kojo(['ask', '--index', index, '--json', ...args, '古いOS'], { env: noModel });
      expect(r.status).toBe(0);
      // every clause of the two guidelines (three each) and the one practice note: more than the default 5 would give
      expect(JSON.parse(r.stdout).hits).toHaveLength(7);
    }
    expectOneLine(
      kojo(['ask', '--index', index, '--k', '--json', 'x']),
      /^kojo: option '--k' needs a value \(write --k=VALUE for one that starts with -\) \(see kojo ask --help\)$/m,
    );
  });

  it('a 5 MB line is answered quickly and echoed only in part', () => {
    const line = '工場の古い端末はどうすればいい？'.repeat(330_000);
    expect(line.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const r = kojo(['ask', '--index', index, '--json', '-'], { env: noModel, input: `${line}\n` });
    const seconds = (performance.now() - started) / 1000;
    expect(r.status, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.query.length).toBeLessThanOrEqual(1000);
    expect(line.startsWith(answer.query)).toBe(true);
    expect(answer.truncated).toBe(true);
    expect(answer.hits).toHaveLength(7);
    expect(r.stdout.length).toBeLessThan(20_000);
    // A hang guard, not a benchmark: quadratic work on 5 MB would take minutes.
    expect(seconds).toBeLessThan(30);
  });

  it('a short question is echoed whole, without a truncated flag', () => {
    const answer = JSON.parse(ask(index).stdout);
    expect(answer.query).toBe('古いOS');
    expect(answer).not.toHaveProperty('truncated');
  });
});

describe("what counts as kojo's own folder (review findings)", () => {
  it('a folder with a manifest.json among other files is not an index: refused, files kept', () => {
    const dir = tmp('webapp');
    writeFileSync(join(dir, 'manifest.json'), '{"name":"my app"}');
    writeFileSync(join(dir, 'app.js'), 'precious');
    mkdirSync(join(dir, 'src'));
    expectOneLine(build(dir), /^kojo: refusing to replace .*holds files this tool did not write/);
    expect(readdirSync(dir).sort()).toEqual(['app.js', 'manifest.json', 'src']);
  });

  it('a lock and a leftover folder carrying our own pid but made by an earlier process are taken over', async () => {
    const parent = tmp('pidreuse');
    const target = join(parent, 'idx');
    // What a previous container run with the same pid would have left.
    writeFileSync(lockPath(target), `${process.pid} someone-else\n`);
    mkdirSync(join(parent, `.idx.tmp-${process.pid}-1`));
    const started = Date.now();
    await writeDirAtomically(target, 'marker', async (dir) => writeFileSync(join(dir, 'marker'), 'ok'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(readdirSync(parent)).toEqual(['idx']);
  });
});
