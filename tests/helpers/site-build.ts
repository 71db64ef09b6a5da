/**
 * Builds a site the way `npm run build` does, but into a temporary folder with its own index, so a
 * test never rewrites dist/ or .kojo/. The folder is under tests/.tmp/ (git-ignored): Astro handles
 * an output folder outside the project badly (stray files in the site, its .astro/ folder removed).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './cli.ts';

export interface BuiltSite {
  out: string;
  index: string;
  /** Every file of the built site, relative to `out`. */
  files: string[];
  /** Removes the site and its index. */
  dispose(): void;
}

export interface SiteBuildOptions {
  /** The content folder, relative to the repository root or absolute. */
  content?: string;
  env?: Record<string, string>;
  /** More arguments for the build (`--include-official gutp`). */
  args?: string[];
}

/** A fresh folder under tests/.tmp/ for a test's sites and indexes. */
export function workFolder(prefix = 'site-'): string {
  mkdirSync(join(root, 'tests', '.tmp'), { recursive: true });
  return mkdtempSync(join(root, 'tests', '.tmp', prefix));
}

/**
 * `npm run build` (tsx scripts/tools/build-site.ts) as one process: tsx as a loader of this node rather
 * than its CLI, which would run the build in a second node process of its own. So the process a test
 * starts is the build itself: killing it stops the build, and waiting for it reaps it.
 */
function buildArgs({ content = 'content', args = [] }: SiteBuildOptions, out: string, index: string): string[] {
  return [
    '--import',
    'tsx',
    'scripts/tools/build-site.ts',
    '--content',
    content,
    '--out',
    out,
    '--index',
    index,
    ...args,
  ];
}

/** Builds into `work` (a new folder by default): the site in work/dist, its index in work/site-index. */
export function buildSite(options: SiteBuildOptions & { work?: string } = {}): BuiltSite {
  const work = options.work ?? workFolder();
  const out = join(work, 'dist');
  const index = join(work, 'site-index');
  const r = spawnSync(process.execPath, buildArgs(options, out, index), {
    cwd: root,
    encoding: 'utf8',
    env: { ...buildEnv(), ...options.env },
  });
  if (r.status !== 0) throw new Error(`site build failed:\n${r.stderr}`);
  return { out, index, files: filesOf(out), dispose: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * Starts the same build without waiting for it, in a process group of its own (so a test can kill the
 * build and whatever it started — esbuild's service, Pagefind's binary — at once: `process.kill(-pid)`).
 */
export function startSiteBuild(options: SiteBuildOptions & { work: string }): ChildProcessWithoutNullStreams {
  const out = join(options.work, 'dist');
  const index = join(options.work, 'site-index');
  return spawn(process.execPath, buildArgs(options, out, index), {
    cwd: root,
    env: { ...buildEnv(), ...options.env },
    detached: true,
  });
}

/** Every file under `dir`, relative to it. */
export function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/**
 * The environment without what vitest adds for its own Vite (DEV, MODE, SSR, NODE_ENV=test, …): an
 * Astro build that inherits them behaves like a dev server and never exits.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(?:VITEST.*|TEST|NODE_ENV|DEV|PROD|SSR|MODE|BASE_URL)$/.test(key)) delete env[key];
  return env;
}
