/**
 * The embedders Node can run, in order of preference, and how one is chosen. `auto` takes the first
 * that can run here and always says which: a silent fallback would hide a missing model.
 * Adding an embedder: one module exporting an EmbedderPlugin, one line in `plugins`.
 */
import { resolve } from 'node:path';
import { KojoError } from '../errors/index.ts';
import { builtinPlugin } from './builtin.ts';
import { e5Plugin } from './e5/node.ts';
import type { EmbedderPlugin, EmbedderSetup } from './embedder.ts';

export * from './index.ts';
export {
  DOWNLOAD_TIMEOUT_MS,
  e5Embedder,
  fetchE5Model,
  missingModelFiles,
  modelDamage,
  type E5Options,
} from './e5/node.ts';

const plugins: readonly EmbedderPlugin[] = [e5Plugin, builtinPlugin];

export const embedderChoices = ['auto', ...plugins.map((p) => p.name)] as const;

export function embedderSetup(env: NodeJS.ProcessEnv = process.env): EmbedderSetup {
  return { modelRoot: resolve(env.KOJO_MODEL_DIR ?? 'models') };
}

export function pluginNamed(name: string): EmbedderPlugin | undefined {
  return plugins.find((p) => p.name === name);
}

export interface Resolved {
  plugin: EmbedderPlugin;
  /** Why this one, for the announcement on stderr. */
  reason: string;
}

/** An explicit choice must be able to run; `auto` takes the first plugin that can. */
export function resolveEmbedder(choice: string, setup: EmbedderSetup = embedderSetup()): Resolved {
  if (choice === 'auto') {
    const skipped: string[] = [];
    for (const plugin of plugins) {
      const a = plugin.availability(setup);
      if (a.ok) return { plugin, reason: skipped.length ? `${skipped.join('; ')}; using ${a.detail}` : a.detail };
      skipped.push(a.reason.replace(/; run .*$/, ''));
    }
    throw new KojoError('embedder-unavailable', `no embedder can run here (${skipped.join('; ')})`);
  }
  const plugin = pluginNamed(choice);
  if (!plugin)
    throw new KojoError('usage', `--embedder must be one of ${embedderChoices.join(', ')} (got "${choice}")`);
  const a = plugin.availability(setup);
  if (!a.ok) throw new KojoError('embedder-unavailable', `${a.reason}, or use --embedder builtin`);
  return { plugin, reason: `${a.detail} (requested)` };
}
