/**
 * `npm run build` is atomic on its output: a build killed half-way (Ctrl-C, OOM killer, power loss)
 * leaves the previous site complete and serving, and does not stand in the way of the next build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalContent } from '../helpers/fixture.ts';
import { buildSite, filesOf, startSiteBuild, workFolder } from '../helpers/site-build.ts';

const complete = ['index.html', 'search/index.html', 'search-data/entry.json', 'pagefind/pagefind.js', '.kojo-site'];

/** Every file of a site with a hash of its content. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesOf(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm run build, killed during the Astro stage', () => {
  const work = workFolder('atomic-');
  const out = join(work, 'dist');
  const leftovers = () => readdirSync(work).filter((e) => e.startsWith('.dist.'));

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps the previous site complete, and the next build replaces it', async () => {
    buildSite({ content: minimalContent, work });
    for (const f of complete) expect(existsSync(join(out, f)), f).toBe(true);
    const before = snapshot(out);

    // The second build, killed with SIGKILL (no chance to clean up) while Astro is writing.
    const child = startSiteBuild({ content: minimalContent, work });
    let stderr = '';
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    const astroStarted = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('build: astro build …')) resolve(true);
      });
      void exited.then(() => resolve(false));
    });
    expect(astroStarted, stderr).toBe(true);
    // Half-way through: Astro has begun to fill the new site's temporary folder.
    const tmpEntries = () =>
      leftovers()
        .filter((e) => e.startsWith('.dist.tmp-'))
        .flatMap((e) => readdirSync(join(work, e)));
    for (let t = Date.now(); !tmpEntries().length && child.exitCode === null && Date.now() - t < 60_000; )
      await new Promise((r) => setTimeout(r, 20));
    // The whole process group: the build and whatever it started (esbuild's service).
    process.kill(-child.pid!, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stderr).not.toContain('astro build done');
    expect(tmpEntries().length).toBeGreaterThan(0);

    // It was killed half-way: its temporary folder is still there, named after a process now gone.
    // (Besides it, possibly the lock file the killed build held, holding that pid too.)
    expect(leftovers().filter((e) => e.startsWith('.dist.tmp-'))).toEqual([
      expect.stringMatching(new RegExp(`^\\.dist\\.tmp-${child.pid}-\\d+$`)),
    ]);
    expect(isRunning(child.pid!)).toBe(false);

    // The previous site is untouched: every file, byte for byte.
    for (const f of complete) expect(existsSync(join(out, f)), f).toBe(true);
    expect(snapshot(out)).toEqual(before);

    // A third build succeeds, replaces the site, and clears away what the killed build left.
    const third = buildSite({ content: minimalContent, work });
    for (const f of complete) expect(third.files, f).toContain(f);
    expect(snapshot(out)).not.toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 180_000);
});
