/**
 * The embedders a browser can run, by plugin name: the built-in one always; e5 only on sites built
 * with KOJO_BUNDLE_MODEL=1, so that its transformers.js chunk is not even emitted otherwise.
 */
import { openBuiltin } from './builtin.ts';
import type { Embedder, TermLookup } from './embedder.ts';

/** Opens the query side of an embedder from an exported index's state; `base` is the site root. */
export type BrowserEmbedder = (
  state: unknown,
  base: string,
  terms: TermLookup,
) => Promise<Pick<Embedder, 'id' | 'dimension' | 'embedQuery' | 'queryDims'>>;

export const browserEmbedders: Record<string, BrowserEmbedder> = {
  builtin: async (state, _base, terms) => openBuiltin(state, terms),
  ...(import.meta.env.KOJO_E5 === '1'
    ? { e5: async (_state: unknown, base: string) => (await import('./e5/browser.ts')).openE5InBrowser(base) }
    : {}),
};
