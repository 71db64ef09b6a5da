/**
 * The built-in embedder: no weights to download, the same code in Node and in the browser.
 * Japanese features (words, kanji/katakana bigrams, glossary synonym markers), weighted by how rare
 * they are in the corpus, hashed into a fixed-size vector (the "hashing trick"). Deterministic.
 */
import { z } from 'zod';
import { KojoError } from '../errors/index.ts';
import { roundLog8 } from '../index-format/index.ts';
import { features, fnv1a, type Features } from '../text/index.ts';
import { l2normalize, type Embedder, type EmbedderPlugin, type TermLookup } from './embedder.ts';

/** v2: components rounded to one-byte values (index-format roundLog8), so the index keeps the vectors exactly. */
export const BUILTIN_ID = 'builtin-hash-v2';
/** Wide enough that hashed features rarely collide (eval: 768 → 4096 dims lifts dense hit@3 by ~0.08). */
export const BUILTIN_DIMENSION = 4096;

/** Corpus statistics the embedder needs: inverse document frequency of the features seen twice or more. */
export const BuiltinState = z.object({
  synonyms: z.array(z.object({ id: z.string(), forms: z.array(z.string()) })),
  idf: z.record(z.number()),
  /** Weight of a feature absent from `idf` (seen once, or never): the rarest there is. */
  defaultIdf: z.number(),
});
export type BuiltinState = z.infer<typeof BuiltinState>;

/** Bigrams carry Japanese compounds that segmentation splits inconsistently; synonyms bridge vocabularies. */
const kindWeight = { word: 1, bigram: 0.5, synonym: 1.5 } as const;

/**
 * Each feature key with its weight, words then bigrams then synonyms (the order sums are taken in).
 * A callback rather than a list of pairs: at 100× building the index made millions of them.
 */
function eachWeighted(f: Features, take: (key: string, weight: number) => void): void {
  for (const w of f.words) take(w, kindWeight.word);
  for (const b of f.bigrams) take(`#${b}`, kindWeight.bigram);
  for (const s of f.synonyms) take(s, kindWeight.synonym);
}

/** The keys a text's vector is made of (the same strings as its lexical tokens). */
export function termKeys(text: string, synonyms: BuiltinState['synonyms']): string[] {
  const keys = new Set<string>();
  eachWeighted(features(text, synonyms), (key) => keys.add(key));
  return [...keys];
}

/** Learns feature weights from the passages the index will hold. */
export function fitBuiltinState(texts: string[], synonyms: BuiltinState['synonyms']): BuiltinState {
  const df = new Map<string, number>();
  for (const text of texts) {
    for (const key of termKeys(text, synonyms)) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const n = texts.length;
  const idfOf = (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const idf: Record<string, number> = {};
  for (const [key, count] of [...df].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (count >= 2) idf[key] = Math.round(idfOf(count) * 1000) / 1000;
  }
  return { synonyms, idf, defaultIdf: Math.round(idfOf(1) * 1000) / 1000 };
}

export function embedBuiltin(text: string, state: BuiltinState, dimension = BUILTIN_DIMENSION): Float32Array {
  const counts = new Map<string, number>();
  eachWeighted(features(text, state.synonyms), (key, weight) => counts.set(key, (counts.get(key) ?? 0) + weight));
  const v = new Float32Array(dimension);
  for (const [key, tf] of counts) {
    const h = fnv1a(key);
    const sign = fnv1a(key, 0x9747b28c) & 1 ? 1 : -1;
    v[h % dimension]! +=
      sign * (1 + Math.log(tf)) * (Object.hasOwn(state.idf, key) ? state.idf[key]! : state.defaultIdf);
  }
  return roundLog8(l2normalize(v));
}

/**
 * `terms`: for an embedder reopened from an index, which keeps the idf by term; the idf of a
 * question's terms is looked up (once per term) before it is embedded, so a question reads a few
 * entries rather than the corpus' whole vocabulary.
 */
export function builtinEmbedder(state: BuiltinState, terms?: TermLookup): Embedder {
  const looked = new Set<string>();
  const idf = { ...state.idf };
  const own = { ...state, idf };
  return {
    id: BUILTIN_ID,
    dimension: BUILTIN_DIMENSION,
    expandsSynonyms: true,
    storage: 'sparse',
    perTerm: 'idf',
    state,
    async embedPassages(texts, onProgress) {
      return texts.map((t, i) => {
        const v = embedBuiltin(t, own);
        onProgress?.(i + 1, texts.length);
        return v;
      });
    },
    queryDims: (text) => [...new Set(termKeys(text, state.synonyms).map((k) => fnv1a(k) % BUILTIN_DIMENSION))],
    async embedQuery(text) {
      if (terms) {
        const missing = termKeys(text, state.synonyms).filter((k) => !looked.has(k));
        if (missing.length) {
          const found = await terms(missing);
          for (const k of missing) {
            looked.add(k);
            const w = found.get(k);
            if (w !== undefined) idf[k] = w;
          }
        }
      }
      return embedBuiltin(text, own);
    },
  };
}

/** Reopens the embedder from an index's stored state, in Node or in the browser. */
export function openBuiltin(state: unknown, terms?: TermLookup): Embedder {
  const parsed = BuiltinState.safeParse(state);
  if (!parsed.success) throw new KojoError('index-corrupt', 'the built-in embedder state is malformed');
  return builtinEmbedder(parsed.data, terms);
}

export const builtinPlugin: EmbedderPlugin = {
  name: 'builtin',
  id: BUILTIN_ID,
  availability: () => ({ ok: true, detail: 'built-in embedder, no model needed' }),
  create: async (passages, synonyms) => builtinEmbedder(fitBuiltinState(passages, synonyms)),
  open: async (state, _setup, terms) => openBuiltin(state, terms),
};
