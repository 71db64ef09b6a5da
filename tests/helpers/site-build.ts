/**
 * Builds a site the way `npm run build` does, but into a temporary folder with its own index, so a
 * test never rewrites dist/ or .kojo/ in the working tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './cli.ts';

export interface BuiltSite {
  out: string;
  index: string;
  /** Every file of the built site, relative to `out`. */
  files: string[];
}

export function buildSite({ content = 'content', env = {} }: { content?: string; env?: Record<string, string> } = {}): BuiltSite {
  const work = mkdtempSync(join(tmpdir(), 'kojo-site-'));
  const out = join(work, 'dist');
  const index = join(work, 'site-index');
  const r = spawnSync('npx', ['tsx', 'scripts/tools/build-site.ts', '--content', content, '--out', out, '--index', index], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`site build failed:\n${r.stderr}`);
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(out.length + 1));
  return { out, index, files };
}
