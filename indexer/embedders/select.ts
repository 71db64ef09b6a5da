/**
 * Which embedder to use. `auto` takes e5 when its model folder is complete and otherwise the
 * built-in one, and always says which: a silent fallback would hide a missing model.
 */
import type { BuiltinState } from './builtin.ts';
import { builtinEmbedder, BUILTIN_ID } from './builtin.ts';
import { e5Embedder, e5Id, E5_MODEL, missingModelFiles, modelRoot } from './e5.ts';
import type { Embedder, EmbedderChoice } from './embedder.ts';

export class EmbedderUnavailable extends Error {
  override name = 'EmbedderUnavailable';
}

export interface Resolved {
  kind: 'e5' | 'builtin';
  id: string;
  reason: string;
}

export function resolveEmbedder(choice: EmbedderChoice, root = modelRoot()): Resolved {
  const missing = missingModelFiles(root);
  if (choice === 'builtin') return { kind: 'builtin', id: BUILTIN_ID, reason: 'built-in embedder (requested)' };
  if (choice === 'e5') {
    if (missing.length) {
      throw new EmbedderUnavailable(
        `e5 model not found in ${root}/${E5_MODEL} (missing ${missing.join(', ')}); run "kojo model fetch" on a machine with a network, or use --embedder builtin`,
      );
    }
    return { kind: 'e5', id: e5Id(E5_MODEL), reason: `e5 model from ${root}` };
  }
  return missing.length
    ? { kind: 'builtin', id: BUILTIN_ID, reason: `no e5 model in ${root}/${E5_MODEL}; using the built-in embedder` }
    : { kind: 'e5', id: e5Id(E5_MODEL), reason: `e5 model found in ${root}` };
}

export async function createEmbedder(resolved: Resolved, builtinState: BuiltinState, root = modelRoot()): Promise<Embedder> {
  return resolved.kind === 'e5' ? e5Embedder({ root }) : builtinEmbedder(builtinState);
}
