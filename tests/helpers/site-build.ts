/**
 * Builds a site the way `npm run build` does, but into a temporary folder with its own index, so a
 * test never rewrites dist/ or .kojo/. The folder is under tests/.tmp/ (git-ignored): Astro handles
 * an output folder outside the project badly (stray files in the site, its .astro/ folder removed).
 */
import { spawnSync } from 'node:child_process';
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

export function buildSite({ content = 'content', env = {} }: { content?: string; env?: Record<string, string> } = {}): BuiltSite {
  mkdirSync(join(root, 'tests', '.tmp'), { recursive: true });
  const work = mkdtempSync(join(root, 'tests', '.tmp', 'site-'));
  const out = join(work, 'dist');
  const index = join(work, 'site-index');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/tools/build-site.ts', '--content', content, '--out', out, '--index', index], {
    cwd: root,
    encoding: 'utf8',
    env: { ...buildEnv(), ...env },
  });
  if (r.status !== 0) throw new Error(`site build failed:\n${r.stderr}`);
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(out.length + 1));
  return { out, index, files, dispose: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * The environment without what vitest adds for its own Vite (DEV, MODE, SSR, NODE_ENV=test, …): an
 * Astro build that inherits them behaves like a dev server and never exits.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(?:VITEST.*|TEST|NODE_ENV|DEV|PROD|SSR|MODE|BASE_URL)$/.test(key)) delete env[key];
  return env;
}
