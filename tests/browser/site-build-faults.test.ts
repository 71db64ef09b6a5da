/**
 * Faults in the site build's last stage (issue 24 point 12): Pagefind's binary stopping on a full
 * disk used to print a Rust backtrace and leave the build hanging until Node gave up (exit 13), with
 * the lock and the half-written folder left beside the site. A fake Pagefind binary stands in for the
 * full disk (PAGEFIND_EXTENDED_BINARY_PATH is Pagefind's own override), as a tmpfs cannot be sized
 * for one stage.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalContent } from '../helpers/fixture.ts';
import { startSiteBuild, workFolder } from '../helpers/site-build.ts';

describe('npm run build when Pagefind stops on a full disk', () => {
  const work = workFolder('pagefind-fault-');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('says so in one line, exits 1, removes its lock and temporary folder, and keeps the old site', async () => {
    // The previous site: recognisably ours (its marker), to be left exactly as it is.
    const out = join(work, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, '.kojo-site'), '');
    writeFileSync(join(out, 'index.html'), '<p>previous site</p>');
    const fake = join(work, 'pagefind-full-disk.sh');
    writeFileSync(
      fake,
      [
        '#!/bin/sh',
        'echo "thread \'main\' panicked at pagefind/src/output/mod.rs:95:18:" >&2',
        'echo "called \\`Result::unwrap()\\` on an \\`Err\\` value: Os { code: 28, kind: StorageFull, message: \\"No space left on device\\" }" >&2',
        'echo "stack backtrace:" >&2',
        'echo "   0: rust_begin_unwind" >&2',
        'exit 101',
        '',
      ].join('\n'),
    );
    chmodSync(fake, 0o755);
    const child = startSiteBuild({ content: minimalContent, work, env: { PAGEFIND_EXTENDED_BINARY_PATH: fake } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(1);
    const last = stderr.trim().split('\n').at(-1);
    expect(last).toBe(`build: disk full while writing ${out}; the previous site is unchanged`);
    expect(stderr).not.toMatch(/panicked|backtrace|rust_begin_unwind|unsettled top-level await/i);
    expect(readdirSync(work).filter((e) => e.startsWith('.dist'))).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['.kojo-site', 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>previous site</p>');
  }, 300_000);
});
