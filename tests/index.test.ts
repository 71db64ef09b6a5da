import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../indexer/corpus/index.ts';
import { loadValidContent } from '../indexer/corpus/node.ts';
import { BUILTIN_DIMENSION, BUILTIN_ID, builtinPlugin, type EmbedderPlugin } from '../indexer/embedders/node.ts';
import { isKojoError } from '../indexer/errors/index.ts';
import { browserFiles, indexFiles, INDEX_FORMAT_VERSION, readIndex } from '../indexer/index-format/node.ts';
import { buildIndex, loadLexicalIndex, openIndex } from '../indexer/search/node.ts';
import { contentTree, minimalContent } from './helpers/fixture.ts';

let corpus: Corpus;
const setup = { modelRoot: join(tmpdir(), 'kojo-no-models') };
const build = (out: string, embedder: EmbedderPlugin = builtinPlugin) => buildIndex(corpus, { contentDir: minimalContent, out, embedder, setup });
const tmpIndex = (name: string) => join(mkdtempSync(join(tmpdir(), `kojo-${name}-`)), 'index');

/** The built-in plugin with its embedder altered, to watch or break what the build does. */
const alteredBuiltin = (alter: (e: Awaited<ReturnType<EmbedderPlugin['create']>>) => Awaited<ReturnType<EmbedderPlugin['create']>>): EmbedderPlugin => ({
  ...builtinPlugin,
  create: async (...args) => alter(await builtinPlugin.create(...args)),
});

beforeAll(async () => {
  corpus = await loadValidContent(minimalContent);
});

describe('index round trip', () => {
  const out = tmpIndex('index');

  it('records format, embedder, content hash and clause count in the manifest', async () => {
    const manifest = await build(out);
    expect(manifest).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      embedder: { name: 'builtin', id: BUILTIN_ID, dimension: BUILTIN_DIMENSION },
      clauseCount: corpus.clauses.length + corpus.notes.length,
      contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(JSON.parse(readFileSync(join(out, indexFiles.manifest), 'utf8'))).toEqual(manifest);
  });

  it('loads back and answers a question from every guideline', async () => {
    const { engine } = await openIndex(out, { setup });
    const answer = await engine.ask('サポートが切れたOSの端末はどう扱えばいい？', { k: 2 });
    for (const g of ['meti', 'gutp']) expect(answer.hits.filter((h) => h.guideline === g)).toHaveLength(2);
    expect(answer.hits.find((h) => h.guideline === 'meti')!.id).toBe('meti-1-eol');
    expect(answer.hits.find((h) => h.guideline === 'gutp')!.id).toBe('gutp-1-eol');
    expect(answer.hits.filter((h) => h.kind === 'note').map((h) => h.id)).toEqual(['note-eol-os']);
    expect(answer.hits.filter((h) => h.kind === 'unit').every((h) => h.guideline !== 'notes')).toBe(true);
  });

  it('exports compact int8 vectors, metadata and the embedder state for the browser', () => {
    const { manifest, data, scales, embedderState } = JSON.parse(readFileSync(join(out, indexFiles.browser, browserFiles.data), 'utf8'));
    expect(manifest.embedder.id).toBe(BUILTIN_ID);
    expect(data.guidelines.map((g: { key: string }) => g.key)).toEqual(['meti', 'gutp']);
    const entries = corpus.clauses.length + corpus.notes.length;
    expect(data.clauses).toHaveLength(entries);
    expect(scales).toHaveLength(entries);
    expect(embedderState).toHaveProperty('idf');
    // A published site must not reveal the build machine's folders.
    expect(manifest).not.toHaveProperty('contentDir');
    expect(statSync(join(out, indexFiles.browser, browserFiles.vectors)).size).toBe(entries * BUILTIN_DIMENSION);
    expect(loadLexicalIndex(JSON.parse(readFileSync(join(out, indexFiles.browser, browserFiles.lexical), 'utf8'))).documentCount).toBe(entries);
  });

  it('stores only its own embedder state: none for an embedder that keeps none', async () => {
    expect(existsSync(join(out, indexFiles.embedderState))).toBe(true);
    const stateless = tmpIndex('stateless');
    await build(stateless, alteredBuiltin((e) => ({ ...e, state: null })));
    expect(existsSync(join(stateless, indexFiles.embedderState))).toBe(false);
    expect((await readIndex(stateless)).embedderState).toBeNull();
  });
});

describe('passages', () => {
  it('carry glossary aliases as text only for embedders that do not match synonyms themselves', async () => {
    const seen: Record<string, string[]> = {};
    const content = contentTree({ 'meti/01.md': (s) => s.replace('更新できない端末は', 'サポート切れOSの端末は') });
    const withAlias = await loadValidContent(content);
    for (const expandsSynonyms of [true, false]) {
      await buildIndex(withAlias, {
        contentDir: content,
        out: tmpIndex('passages'),
        setup,
        embedder: alteredBuiltin((e) => ({ ...e, expandsSynonyms, embedPassages: async (texts) => ((seen[String(expandsSynonyms)] = texts), e.embedPassages(texts)) })),
      });
    }
    const i = corpus.clauses.findIndex((c) => c.id === 'meti-1-eol');
    expect(seen.true![i]).toMatch(/^1章 はじめに サポートが切れたOS端末の扱い\n/);
    // Aliases are appended in normalised form (lower case): the plain passage has none of them.
    expect(seen.true![i]).not.toContain('古いos');
    expect(seen.false![i]!.startsWith(`${seen.true![i]}\n`)).toBe(true);
    expect(seen.false![i]!.split('\n').at(-1)).toEqual(expect.stringContaining('古いos'));
  });
});

describe('atomic writes', () => {
  it('leaves the previous index usable when a build fails midway, and no temp folders', async () => {
    const out = tmpIndex('atomic');
    const first = await build(out);
    await expect(build(out, alteredBuiltin((e) => ({ ...e, embedPassages: async () => Promise.reject(new Error('interrupted')) })))).rejects.toThrow('interrupted');
    expect((await readIndex(out)).manifest.builtAt).toBe(first.builtAt);
    expect(readdirSync(join(out, '..'))).toEqual(['index']);
  });

  it("clears what a killed build left behind, but not a running build's folder", async () => {
    const out = tmpIndex('atomic');
    const parent = join(out, '..');
    mkdirSync(join(parent, '.index.tmp-999999999-1'));
    mkdirSync(join(parent, `.index.tmp-${process.ppid}-1`));
    await build(out);
    expect(readdirSync(parent).sort()).toEqual([`.index.tmp-${process.ppid}-1`, 'index']);
  });

  it('puts back a previous index a killed build had moved aside before its swap', async () => {
    const out = tmpIndex('atomic');
    const first = await build(out);
    renameSync(out, join(out, '..', '.index.old-999999999-1'));
    expect((await readIndex(out)).manifest.builtAt).toBe(first.builtAt);
    expect(readdirSync(join(out, '..'))).toEqual(['index']);
  });
});

describe('damaged indexes are refused with a clear message', () => {
  const fresh = async () => {
    const out = tmpIndex('bad');
    await build(out);
    return out;
  };
  const failure = (out: string) => openIndex(out, { setup }).then(() => null, (e: unknown) => e);

  it('a missing folder', async () => {
    const error = await failure('/nonexistent/kojo');
    expect(isKojoError(error, 'index-missing')).toBe(true);
    expect((error as Error).message).toMatch(/no index at \/nonexistent\/kojo; run "kojo build-index" first/);
  });

  it('truncated vectors', async () => {
    const out = await fresh();
    const path = join(out, indexFiles.vectors);
    writeFileSync(path, readFileSync(path).subarray(0, 1000));
    expect(((await failure(out)) as Error).message).toMatch(/corrupt or truncated \(vectors\.f32 has 1000 bytes/);
  });

  it('a garbled manifest, data file, embedder state, graph or BM25 index', async () => {
    for (const [file, message] of [
      [indexFiles.manifest, /manifest\.json: unreadable JSON/],
      [indexFiles.data, /data\.json: unreadable JSON/],
      [indexFiles.embedderState, /embedder-state\.json: unreadable JSON/],
      [indexFiles.hnsw, /hnsw\.bin cannot be read/],
      [indexFiles.lexical, /lexical\.json cannot be read/],
    ] as const) {
      const out = await fresh();
      writeFileSync(join(out, file), '{"trunc');
      const error = await failure(out);
      expect(isKojoError(error, 'index-corrupt'), file).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('embedder state that does not fit its embedder', async () => {
    const out = await fresh();
    writeFileSync(join(out, indexFiles.embedderState), '{"idf": 3}');
    expect(((await failure(out)) as Error).message).toMatch(/corrupt or truncated \(the built-in embedder state is malformed\)/);
  });

  it('an index of another format version', async () => {
    const out = await fresh();
    const path = join(out, indexFiles.manifest);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), formatVersion: 999 }));
    const error = await failure(out);
    expect(isKojoError(error, 'index-format')).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`has format 999, this kojo reads ${INDEX_FORMAT_VERSION}`));
    expect(existsSync(out)).toBe(true);
  });
});
