import { createEmbedder, resolveEmbedder } from '../indexer/embedders/select.ts';
import type { Embedder, EmbedderChoice } from '../indexer/embedders/embedder.ts';
import { loadIndex, type LoadedIndex } from '../indexer/load-index.ts';
import { UserError } from './cli-error.ts';

/**
 * Loads an index and the embedder that can query it. Vectors from two embedders live in different
 * spaces, so a mismatch is an error, never a silent bad ranking.
 */
export async function openIndex(dir: string, choice: EmbedderChoice): Promise<{ index: LoadedIndex; embedder: Embedder }> {
  const index = await loadIndex(dir);
  const resolved = resolveEmbedder(choice);
  const built = index.manifest.embedder.id;
  if (resolved.id !== built) {
    throw new UserError(
      `index at ${dir} was built with embedder ${built}, but the embedder available now is ${resolved.id} (${resolved.reason}); rebuild with "kojo build-index" or query with the matching --embedder`,
    );
  }
  const embedder = await createEmbedder(resolved, index.builtin);
  if (embedder.dimension !== index.manifest.embedder.dimension) {
    throw new UserError(`index at ${dir} has ${index.manifest.embedder.dimension}-dimensional vectors, embedder ${embedder.id} makes ${embedder.dimension}; rebuild the index`);
  }
  return { index, embedder };
}
