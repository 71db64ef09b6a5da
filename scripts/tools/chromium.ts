/**
 * Which Chromium the browser tests and `bench:site` drive, and how to start it.
 *
 * Why this exists: these machines reach the npm registry and Debian's packages, nothing else, so
 * `npx playwright install` cannot fetch a browser, and a fresh machine has no Debian chromium.
 * The npm package @sparticuz/chromium ships a headless Chromium inside the package itself
 * (brotli-packed), so `npm ci` alone brings a browser. The order of preference:
 *   1. KOJO_CHROMIUM, when set;
 *   2. Debian's /usr/bin/chromium (or /usr/bin/chromium-browser), when installed;
 *   3. the npm build, unpacked on first use (about 1.5 s, 200 MB) into
 *      <tmpdir>/kojo-chromium-<version>-uid<uid>/ and reused after that.
 * A system Chromium is taken only if it starts: `--version` must answer as Chromium within a few
 * seconds. A path that is a text file, a script that fails or a broken install (a package left
 * half-removed, a wrapper whose libraries are gone) falls through to the npm build — and which one
 * runs, and why, is said on stderr, so neither a typo nor a broken system browser goes unnoticed.
 *
 * @sparticuz/chromium is pinned exactly at 147.0.0 in package.json: it is the last release whose
 * engines field accepts Node 20 (147.0.1 and later ask for Node >= 22.17), so no caret.
 *
 * The npm build is unpacked here rather than where the package puts it by default (straight into
 * /tmp: /tmp/chromium, /tmp/fonts and five .so files) because that default is shared by every
 * user and every version, keeps a half-written binary forever if a first run is cut short, and
 * races when several test workers unpack at once. Here each run unpacks into its own private
 * folder and renames it into place whole, so the folder is either complete or absent.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

export type ChromiumSource = 'KOJO_CHROMIUM' | 'system' | 'npm';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const run = promisify(execFile);

/**
 * Flags for every source. Without the background-networking ones Chromium keeps trying hosts that
 * this closed network refuses. The npm build needs nothing more here (tried as root and as an
 * unprivileged user: no --single-process, no --no-zygote), and Playwright gives each launch a
 * fresh temporary --user-data-dir of its own and removes it on close.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a candidate may take to answer `--version`: Chromium answers in well under a second. */
const VERSION_TIMEOUT_MS = 10_000;

/** Whether a file is a Chromium that starts: its version line, or why not. */
async function startsUp(path: string): Promise<{ version: string } | { reason: string }> {
  try {
    const { stdout } = await run(path, ['--version'], { timeout: VERSION_TIMEOUT_MS, encoding: 'utf8' });
    const version = stdout.trim().split('\n')[0] ?? '';
    return /chrom/i.test(version) ? { version } : { reason: `its --version says "${version}", not Chromium` };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
    if (e.killed) return { reason: `no answer to --version within ${VERSION_TIMEOUT_MS / 1000} s` };
    if (typeof e.code === 'number') return { reason: `--version exits ${e.code}` };
    return { reason: e.code === 'ENOENT' ? 'no file is there' : `it does not run (${e.code ?? e.message})` };
  }
}

/**
 * The Chromium to drive, and where it came from; `log` hears which one and why (stderr by default).
 */
export async function chromiumExecutable(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<{ path: string; source: ChromiumSource }> {
  const candidates = env.KOJO_CHROMIUM
    ? [{ path: env.KOJO_CHROMIUM, source: 'KOJO_CHROMIUM' as const, shown: `KOJO_CHROMIUM=${env.KOJO_CHROMIUM}` }]
    : SYSTEM_CHROMIUMS.filter((p) => existsSync(p)).map((p) => ({ path: p, source: 'system' as const, shown: p }));
  const refused: string[] = [];
  for (const c of candidates) {
    const check = await startsUp(c.path);
    if ('version' in check) {
      log(`chromium: ${c.shown} (${check.version})`);
      return { path: c.path, source: c.source };
    }
    refused.push(`${c.shown} is not a Chromium that starts: ${check.reason}`);
  }
  unpacking ??= unpackNpmChromium().finally(() => (unpacking = undefined));
  const path = await unpacking;
  log(`chromium: ${[...refused, `the npm build (@sparticuz/chromium, ${path})`].join('; ')}`);
  return { path, source: 'npm' };
}

export async function launchChromium(): Promise<Browser> {
  const { path } = await chromiumExecutable();
  return chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS });
}

/** One unpacking at a time within a process; other processes are handled by the rename. */
let unpacking: Promise<string> | undefined;

async function unpackNpmChromium(): Promise<string> {
  const require = createRequire(import.meta.url);
  // build/cjs/index.cjs → the package folder (its exports field does not expose package.json).
  const root = dirname(dirname(dirname(require.resolve('@sparticuz/chromium'))));
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const uid = process.getuid?.() ?? 0;
  const target = join(tmpdir(), `kojo-chromium-${version}-uid${uid}`);
  const exe = join(target, 'chromium');

  if (await isOurs(target)) {
    if (existsSync(exe) && existsSync(join(target, 'libGLESv2.so'))) return exe;
    await rm(target, { recursive: true, force: true }); // emptied by a /tmp cleaner: unpack again
  }

  const staging = await mkdtemp(`${target}.partial-`);
  try {
    const { default: Sparticuz } = await import('@sparticuz/chromium');
    // The package unpacks into os.tmpdir(), which it reads before its first await: point it at the
    // staging folder for that synchronous part only, so nothing else in the process sees the change.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    let pending: Promise<string>;
    try {
      pending = Sparticuz.executablePath();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    const unpacked = await pending;
    if (unpacked !== join(staging, 'chromium')) {
      throw new Error(
        `@sparticuz/chromium ${version} unpacked to ${unpacked}, not ${staging}: check scripts/tools/chromium.ts against it`,
      );
    }
    try {
      await rename(staging, target);
    } catch (e) {
      // Another process got there first with its own complete copy: use that one.
      if (!['EEXIST', 'ENOTEMPTY'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (!(await isOurs(target)) || !existsSync(exe)) throw new Error(`Chromium could not be unpacked to ${target}`);
  return exe;
}

/** The folder exists, belongs to this user and only this user can write to it (the temp dir is shared). */
async function isOurs(dir: string): Promise<boolean> {
  const st = await lstat(dir).catch(() => undefined);
  if (!st) return false;
  const uid = process.getuid?.();
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) {
    throw new Error(`${dir} is not a private folder of this user: remove it, or set KOJO_CHROMIUM`);
  }
  return true;
}
