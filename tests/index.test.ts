import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../indexer/corpus/index.ts';
import { loadValidContent } from '../indexer/corpus/node.ts';
import { BUILTIN_DIMENSION, BUILTIN_ID, builtinPlugin, type EmbedderPlugin } from '../indexer/embedders/node.ts';
import { isKojoError } from '../indexer/errors/index.ts';
import { browserFiles, indexFiles, INDEX_FORMAT_VERSION, readIndex, shardNames } from '../indexer/index-format/node.ts';
import { buildIndex, openIndex } from '../indexer/search/node.ts';
import { entryOf, entryPath, shardPaths } from './helpers/index-files.ts';
import { contentTree, minimalContent } from './helpers/fixture.ts';

let corpus: Corpus;
const setup = { modelRoot: join(tmpdir(), 'kojo-no-models') };
const build = (out: string, embedder: EmbedderPlugin = builtinPlugin) =>
  buildIndex(corpus, { contentDir: minimalContent, out, embedder, setup });
const tmpIndex = (name: string) => join(mkdtempSync(join(tmpdir(), `kojo-${name}-`)), 'index');

/** The built-in plugin with its embedder altered, to watch or break what the build does. */
const alteredBuiltin = (
  alter: (e: Awaited<ReturnType<EmbedderPlugin['create']>>) => Awaited<ReturnType<EmbedderPlugin['create']>>,
): EmbedderPlugin => ({
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
    // A note belongs to no guideline: it answers in its own group, with its own verdict.
    expect(answer.hits.filter((h) => h.kind === 'note').every((h) => h.guideline === undefined)).toBe(true);
    expect(Object.keys(answer.verdicts)).toEqual(['meti', 'gutp']);
    expect(answer.notes).toMatchObject({ closeMatch: expect.any(Boolean) });
  });

  it('publishes a small entry and content-named shards, sparse vectors as inverted lists and no float copy', () => {
    const entry = entryOf(out);
    expect(entry.manifest).toMatchObject({
      embedder: { id: BUILTIN_ID },
      vectors: 'sparse',
      hnsw: null,
      clauseCount: corpus.clauses.length + corpus.notes.length,
    });
    expect(entry.guidelines.map((g) => g.key)).toEqual(['meti', 'gutp']);
    // Entries by kind: every guideline's units, then the practice notes, which belong to none.
    expect(entry.runs).toEqual([
      ['unit', 0, corpus.clauses.filter((c) => c.guideline === 'meti').length],
      ['unit', 1, corpus.clauses.filter((c) => c.guideline === 'gutp').length],
      ['note', null, corpus.notes.length],
    ]);
    // A published site must not reveal the build machine's folders.
    expect(entry.manifest).not.toHaveProperty('contentDir');
    // The idf is kept by term, beside the BM25 postings of the same term: the entry holds none of it.
    expect(entry.perTerm).toBe('idf');
    expect(entry.embedderState).toMatchObject({ idf: {} });
    expect(entry.shards.dims.count).toBeGreaterThan(0);
    expect(entry.shards.dense.count).toBe(0);
    const published = (['terms', 'dims', 'clauses', 'ids'] as const).flatMap((kind) =>
      shardNames(kind, entry.shards[kind]),
    );
    for (const f of published) expect(f).toMatch(/^[tdci]\/\d+\.[0-9a-f]{16}\.(json|bin)$/);
    expect(
      readdirSync(join(out, indexFiles.browser), { recursive: true })
        .filter((f) => String(f).includes('.'))
        .sort(),
    ).toEqual([browserFiles.entry, ...published].sort());
    expect(readdirSync(out).sort()).toEqual([indexFiles.browser, indexFiles.faq, indexFiles.manifest]);
  });

  it('keeps only its own embedder state: none for an embedder that keeps none', async () => {
    const stateless = tmpIndex('stateless');
    await build(
      stateless,
      alteredBuiltin((e) => ({ ...e, state: null })),
    );
    expect((await readIndex(stateless)).store.entry.embedderState).toBeNull();
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
        embedder: alteredBuiltin((e) => ({
          ...e,
          expandsSynonyms,
          embedPassages: async (texts) => ((seen[String(expandsSynonyms)] = texts), e.embedPassages(texts)),
        })),
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
    await expect(
      build(
        out,
        alteredBuiltin((e) => ({ ...e, embedPassages: async () => Promise.reject(new Error('interrupted')) })),
      ),
    ).rejects.toThrow('interrupted');
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
  /** Opening checks the manifest and entry; the shards are checked when a question first reads them. */
  const failure = (out: string) =>
    openIndex(out, { setup }).then(
      ({ engine }) =>
        engine.ask('サポートが切れたOSの端末はどう扱えばいい？').then(
          () => null,
          (e: unknown) => e,
        ),
      (e: unknown) => e,
    );

  it('a missing folder', async () => {
    const error = await failure('/nonexistent/kojo');
    expect(isKojoError(error, 'index-missing')).toBe(true);
    expect((error as Error).message).toMatch(/no index at \/nonexistent\/kojo; run "kojo build-index" first/);
  });

  it('truncated sparse vectors', async () => {
    const out = await fresh();
    for (const path of shardPaths(out, 'dims')) writeFileSync(path, readFileSync(path).subarray(0, 1000));
    expect(((await failure(out)) as Error).message).toMatch(
      /corrupt or truncated \(d\/\d+\.[0-9a-f]{16}\.bin: it holds 1000 bytes/,
    );
  });

  it('a garbled manifest, entry, term shard or clause shard', async () => {
    for (const [files, message] of [
      [(out: string) => [join(out, indexFiles.manifest)], /manifest\.json: unreadable JSON/],
      [(out: string) => [entryPath(out)], /entry\.json: unreadable JSON/],
      [(out: string) => shardPaths(out, 'terms'), /t\/\d+\.[0-9a-f]{16}\.json: unreadable JSON/],
      [(out: string) => shardPaths(out, 'clauses'), /c\/\d+\.[0-9a-f]{16}\.json: unreadable JSON/],
    ] as const) {
      const out = await fresh();
      for (const file of files(out)) writeFileSync(file, '{"trunc');
      const error = await failure(out);
      expect(isKojoError(error, 'index-corrupt'), String(message)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('a shard path that would lead out of the index', async () => {
    const out = await fresh();
    const entry = entryOf(out);
    entry.shards.ids.hash = '../../etc/passwd';
    writeFileSync(entryPath(out), JSON.stringify(entry));
    expect(((await failure(out)) as Error).message).toMatch(
      /entry\.json does not match the format: shards\.ids\.hash: not a content hash/,
    );
  });

  it('embedder state that does not fit its embedder', async () => {
    const out = await fresh();
    const entry = entryOf(out);
    writeFileSync(entryPath(out), JSON.stringify({ ...entry, embedderState: { idf: 3 } }));
    expect(((await failure(out)) as Error).message).toMatch(
      /corrupt or truncated \(the built-in embedder state is malformed\)/,
    );
  });

  it('an index of the previous format (separate data, vectors and BM25 files) is told to rebuild', async () => {
    const out = tmpIndex('v2');
    mkdirSync(out);
    for (const file of ['data.json', 'embedder-state.json', 'lexical.json', 'vectors.f32', 'hnsw.bin'])
      writeFileSync(join(out, file), '');
    writeFileSync(
      join(out, indexFiles.manifest),
      JSON.stringify({ formatVersion: 2, embedder: { name: 'builtin', id: BUILTIN_ID, dimension: 4096 } }),
    );
    const error = await failure(out);
    expect(isKojoError(error, 'index-format')).toBe(true);
    expect((error as Error).message).toMatch(
      new RegExp(
        `made by an older kojo \\(it has format 2, this kojo reads ${INDEX_FORMAT_VERSION}\\); rebuild it with "kojo build-index"`,
      ),
    );
    // A rebuild over it is allowed: it is recognisably a kojo index.
    await build(out);
    expect((await readIndex(out)).manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
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
