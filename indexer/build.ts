/**
 * content → index folder: passages, embeddings, HNSW graph, BM25 index, and the browser export,
 * written atomically. The embedder used is recorded in the manifest.
 */
import { writeFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDirAtomically } from './atomic-dir.ts';
import { contentHash } from './content-hash.ts';
import type { Corpus } from './content.ts';
import { buildHnsw, HNSW_PARAMS } from './dense.ts';
import { fitBuiltinState } from './embedders/builtin.ts';
import type { Embedder } from './embedders/embedder.ts';
import { INDEX_FORMAT_VERSION, indexFiles, type Manifest } from './index-format.ts';
import { lexicalDocs } from './lexical-docs.ts';
import { buildLexicalIndex } from './lexical.ts';
import { chapterTitleOf, passageText, withGlossaryAliases } from './passages.ts';
import { quantize } from './quantize.ts';
import { relatedIndex } from './related.ts';
import type { SearchClause, SearchData } from './search.ts';
import { synonymGroups } from './synonyms.ts';
import type { BuiltinState } from './embedders/builtin.ts';
import { clauseUrl } from './urls.ts';

export interface BuildOptions {
  contentDir: string;
  out: string;
  /** Picks the embedder once the corpus statistics the built-in one needs are known. */
  embedder: (builtinState: BuiltinState) => Promise<Embedder>;
  onProgress?: (done: number, total: number) => void;
}

export function searchData(corpus: Corpus): SearchData {
  const clauses: SearchClause[] = corpus.clauses.map((c) => ({
    id: c.id,
    guideline: c.guideline,
    chapter: c.chapter,
    chapterTitle: chapterTitleOf(corpus.guidelines, c.guideline, c.chapter),
    section: c.section,
    title: c.title,
    basis: c.basis,
    verified: c.verified,
    url: clauseUrl(c),
    text: c.text,
  }));
  return { clauses, related: relatedIndex(corpus.mappings), synonyms: synonymGroups(corpus.glossary) };
}

export async function buildIndex(corpus: Corpus, options: BuildOptions): Promise<Manifest> {
  const started = performance.now();
  const data = searchData(corpus);
  const passages = data.clauses.map(passageText);
  const builtin = fitBuiltinState(passages, data.synonyms);
  const embedder = await options.embedder(builtin);
  const texts = embedder.expandsSynonyms ? passages : passages.map((p) => withGlossaryAliases(p, data.synonyms));
  const vectors = await embedder.embedPassages(texts, options.onProgress);
  const hnsw = buildHnsw(vectors, embedder.dimension);
  const lexical = buildLexicalIndex(lexicalDocs(data.clauses, data.synonyms));
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedder: { id: embedder.id, dimension: embedder.dimension },
    contentHash: await contentHash(options.contentDir),
    clauseCount: data.clauses.length,
    builtAt: new Date().toISOString(),
    buildMs: 0,
    hnsw: HNSW_PARAMS,
  };

  const flat = new Float32Array(vectors.length * embedder.dimension);
  vectors.forEach((v, i) => flat.set(v, i * embedder.dimension));
  const { bytes, scales } = quantize(vectors, embedder.dimension);

  await writeDirAtomically(options.out, async (dir) => {
    await mkdir(join(dir, 'browser'));
    hnsw.writeIndexSync(join(dir, indexFiles.hnsw));
    await writeFile(join(dir, indexFiles.vectors), new Uint8Array(flat.buffer));
    await writeFile(join(dir, indexFiles.data), JSON.stringify(data));
    await writeFile(join(dir, indexFiles.builtin), JSON.stringify(builtin));
    const lexicalJson = JSON.stringify(lexical);
    await writeFile(join(dir, indexFiles.lexical), lexicalJson);
    await writeFile(join(dir, indexFiles.browserLexical), lexicalJson);
    await writeFile(join(dir, indexFiles.browserVectors), new Uint8Array(bytes.buffer));
    manifest.buildMs = Math.round(performance.now() - started);
    await writeFile(join(dir, indexFiles.browserData), JSON.stringify({ manifest, data, builtin, scales }));
    // The manifest goes last: a folder without one was never finished.
    await writeFile(join(dir, indexFiles.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  });
  return manifest;
}
