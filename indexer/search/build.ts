/**
 * content → index folder: passages, embeddings, BM25 postings, and the vectors as their embedder
 * keeps them — sparse ones as inverted lists, dense ones in an HNSW graph (plus int8 rows for the
 * browser) — written atomically (index-format/write.ts). The embedder used is recorded in the manifest.
 */
import { resolve } from 'node:path';
import type { Corpus } from '../corpus/index.ts';
import type { EmbedderPlugin, EmbedderSetup } from '../embedders/index.ts';
import {
  assertIndexTarget,
  contentHash,
  INDEX_FORMAT_VERSION,
  searchData,
  writeIndex,
  type IndexParts,
  type Manifest,
} from '../index-format/node.ts';
import { buildHnsw, HNSW_PARAMS } from './hnsw.ts';
import { lexicalDocs } from './lexical-docs.ts';
import { buildLexical } from './lexical.ts';
import { passageText, withGlossaryAliases } from './passages.ts';
import { quantize } from './quantize.ts';
import { invertVectors } from './sparse.ts';

export interface BuildOptions {
  /** The content folder, fingerprinted so `kojo ask` can tell a stale index. */
  contentDir: string;
  out: string;
  embedder: EmbedderPlugin;
  setup: EmbedderSetup;
  onProgress?: (done: number, total: number) => void;
}

export async function buildIndex(corpus: Corpus, options: BuildOptions): Promise<Manifest> {
  const started = performance.now();
  assertIndexTarget(options.out);
  const data = searchData(corpus);
  const passages = data.clauses.map(passageText);
  const embedder = await options.embedder.create(passages, data.synonyms, options.setup);
  const texts = embedder.expandsSynonyms ? passages : passages.map((p) => withGlossaryAliases(p, data.synonyms));
  const vectors = await embedder.embedPassages(texts, options.onProgress);
  const sparse = embedder.storage === 'sparse';
  const lexical = buildLexical(lexicalDocs(data.clauses, data.synonyms));
  const stored: IndexParts['vectors'] = sparse
    ? { storage: 'sparse', dims: invertVectors(vectors) }
    : {
        storage: 'dense',
        ...quantize(vectors, embedder.dimension),
        writeHnsw: (path) => buildHnsw(vectors, embedder.dimension).writeIndexSync(path),
      };
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedder: { name: options.embedder.name, id: embedder.id, dimension: embedder.dimension },
    contentDir: resolve(options.contentDir),
    contentHash: await contentHash(options.contentDir),
    clauseCount: data.clauses.length,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - started),
    vectors: sparse ? 'sparse' : 'dense',
    hnsw: sparse ? null : HNSW_PARAMS,
  };
  await writeIndex(options.out, {
    manifest,
    data,
    faq: corpus.faq.map(({ id, question, answer }) => ({ id, question, answer })),
    embedderState: embedder.state,
    perTerm: embedder.perTerm ?? null,
    lexical,
    vectors: stored,
  });
  return manifest;
}
