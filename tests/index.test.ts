import { existsSync, mkdirSync, mkdtempSync, renameSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../indexer/build.ts';
import { loadContent, type Corpus } from '../indexer/content.ts';
import { builtinEmbedder, BUILTIN_DIMENSION, BUILTIN_ID } from '../indexer/embedders/builtin.ts';
import { indexFiles, INDEX_FORMAT_VERSION } from '../indexer/index-format.ts';
import { IndexError, loadIndex } from '../indexer/load-index.ts';
import { loadLexicalIndex } from '../indexer/lexical.ts';
import { ask } from '../indexer/search.ts';
import { nodeSearchers } from '../indexer/searchers.ts';

let corpus: Corpus;
const build = (out: string, embedder = async (s: Parameters<typeof builtinEmbedder>[0]) => builtinEmbedder(s)) =>
  buildIndex(corpus, { contentDir: 'content', out, embedder });

beforeAll(async () => {
  corpus = (await loadContent('content')).corpus;
});

describe('index round trip', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'kojo-index-')), 'index');

  it('records format, embedder, content hash and clause count in the manifest', async () => {
    const manifest = await build(out);
    expect(manifest).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      embedder: { id: BUILTIN_ID, dimension: BUILTIN_DIMENSION },
      clauseCount: corpus.clauses.length,
      contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(JSON.parse(readFileSync(join(out, indexFiles.manifest), 'utf8'))).toEqual(manifest);
  });

  it('loads back and answers a question from both guidelines', async () => {
    const index = await loadIndex(out);
    const searchers = nodeSearchers(index, builtinEmbedder(index.builtin));
    const answer = await ask('サポートが切れたOSの端末はどう扱えばいい？', index.data, searchers, { k: 5 });
    for (const g of ['meti', 'gutp']) expect(answer.hits.filter((h) => h.guideline === g)).toHaveLength(5);
    expect(answer.hits.find((h) => h.guideline === 'meti')!.id).toBe('meti-note-eol-os');
    expect(answer.hits.find((h) => h.guideline === 'gutp')!.id).toBe('gutp-note-eol-os');
  });

  it('exports compact int8 vectors and metadata for the browser', () => {
    const { manifest, data, scales } = JSON.parse(readFileSync(join(out, indexFiles.browserData), 'utf8'));
    expect(manifest.embedder.id).toBe(BUILTIN_ID);
    expect(data.clauses).toHaveLength(corpus.clauses.length);
    expect(scales).toHaveLength(corpus.clauses.length);
    expect(statSync(join(out, indexFiles.browserVectors)).size).toBe(corpus.clauses.length * BUILTIN_DIMENSION);
    const lexical = loadLexicalIndex(readFileSync(join(out, indexFiles.browserLexical), 'utf8'));
    expect(lexical.documentCount).toBe(corpus.clauses.length);
  });
});

describe('passages', () => {
  it('carry glossary aliases as text only for embedders that do not match synonyms themselves', async () => {
    const seen: Record<string, string[]> = {};
    for (const expandsSynonyms of [true, false]) {
      await build(join(mkdtempSync(join(tmpdir(), 'kojo-passages-')), 'index'), async (s) => {
        const e = builtinEmbedder(s);
        return {
          ...e,
          expandsSynonyms,
          embedPassages: async (texts) => ((seen[String(expandsSynonyms)] = texts), e.embedPassages(texts)),
        };
      });
    }
    const i = corpus.clauses.findIndex((c) => c.id === 'meti-note-eol-os');
    expect(seen.true![i]).toMatch(/^3章 セキュリティ対策企画・導入の進め方 ステップ2-2 サポートが切れたOS端末の扱い\n/);
    // Aliases are appended in normalised form (lower case): the plain passage has none of them.
    expect(seen.true![i]).not.toContain('サポート切れos');
    expect(seen.false![i].startsWith(`${seen.true![i]}\n`)).toBe(true);
    expect(seen.false![i].split('\n').at(-1)).toEqual(expect.stringContaining('サポート切れos'));
  });
});

describe('atomic writes', () => {
  it('leaves the previous index usable when a build fails midway, and no temp folders', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'kojo-atomic-'));
    const out = join(parent, 'index');
    const first = await build(out);
    await expect(
      build(out, async (s) => {
        const e = builtinEmbedder(s);
        return { ...e, embedPassages: async () => Promise.reject(new Error('interrupted')) };
      }),
    ).rejects.toThrow('interrupted');
    expect((await loadIndex(out)).manifest.builtAt).toBe(first.builtAt);
    expect(readdirSync(parent)).toEqual(['index']);
  });

  it('clears what a killed build left behind, but not a running build\'s folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'kojo-atomic-'));
    const out = join(parent, 'index');
    mkdirSync(join(parent, '.index.tmp-999999999-1'));
    mkdirSync(join(parent, `.index.tmp-${process.pid}-1`));
    await build(out);
    expect(readdirSync(parent).sort()).toEqual([`.index.tmp-${process.pid}-1`, 'index']);
  });

  it('puts back a previous index a killed build had moved aside before its swap', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'kojo-atomic-'));
    const out = join(parent, 'index');
    const first = await build(out);
    renameSync(out, join(parent, '.index.old-999999999-1'));
    expect((await loadIndex(out)).manifest.builtAt).toBe(first.builtAt);
    expect(readdirSync(parent)).toEqual(['index']);
  });
});

describe('damaged indexes are refused with a clear message', () => {
  const fresh = async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kojo-bad-')), 'index');
    await build(out);
    return out;
  };

  it('a missing folder', async () => {
    await expect(loadIndex('/nonexistent/kojo')).rejects.toThrow(/no index at \/nonexistent\/kojo; run "kojo build-index" first/);
  });

  it('truncated vectors', async () => {
    const out = await fresh();
    const path = join(out, indexFiles.vectors);
    writeFileSync(path, readFileSync(path).subarray(0, 1000));
    await expect(loadIndex(out)).rejects.toThrow(/corrupt or truncated \(vectors\.f32 has 1000 bytes/);
  });

  it('a garbled manifest, data file or graph', async () => {
    for (const [file, message] of [
      [indexFiles.manifest, /manifest\.json: unreadable JSON/],
      [indexFiles.data, /data\.json: unreadable JSON/],
      [indexFiles.hnsw, /hnsw\.bin cannot be read/],
      [indexFiles.lexical, /lexical\.json cannot be read/],
    ] as const) {
      const out = await fresh();
      writeFileSync(join(out, file), '{"trunc');
      const error = await loadIndex(out).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IndexError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('an index of another format version', async () => {
    const out = await fresh();
    const path = join(out, indexFiles.manifest);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), formatVersion: 999 }));
    await expect(loadIndex(out)).rejects.toThrow(/has format 999, this kojo reads 1/);
    expect(existsSync(out)).toBe(true);
  });
});
