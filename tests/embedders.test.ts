import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG8_VALUES } from '../indexer/index-format/index.ts';
import {
  BUILTIN_DIMENSION,
  BUILTIN_ID,
  builtinEmbedder,
  e5Embedder,
  e5Id,
  E5_MODEL,
  embedBuiltin,
  fitBuiltinState,
  resolveEmbedder,
} from '../indexer/embedders/node.ts';
import { isKojoError } from '../indexer/errors/index.ts';
import { dot } from '../indexer/search/index.ts';
import { synonymGroups } from '../indexer/text/index.ts';
import { expectedTinyEmbedding, TINY_DIMENSION, writeTinyModel } from './helpers/tiny-model.ts';

const passages = [
  'サポート終了OSの端末はネットワークから分離し、USBメモリの利用を制限します。',
  'リモート保守の接続はVPNと多要素認証で守り、使うときだけ開けます。',
  'バックアップは制御網から切り離して保管し、復旧手順を訓練で確かめます。',
  'ゾーンを分けて境界で通信を絞り、DMZを経由させます。',
];
const synonyms = synonymGroups([{ id: 'eol', term: 'サポート終了OS', aliases: ['古いOS', 'EOL', 'サポート切れOS'] }]);
const state = fitBuiltinState(passages, synonyms);

describe('builtin embedder', () => {
  it('is deterministic, unit-length and of its declared dimension', () => {
    const a = embedBuiltin(passages[0]!, state);
    const b = embedBuiltin(passages[0]!, state);
    expect(a.length).toBe(BUILTIN_DIMENSION);
    expect(Array.from(a)).toEqual(Array.from(b));
    // Unit length before each component is rounded to its one-byte value (2 % steps): within a fraction of a percent after.
    expect(dot(a, a)).toBeCloseTo(1, 2);
    expect(
      Array.from(a)
        .filter((x) => x !== 0)
        .every((x) => LOG8_VALUES.includes(x)),
    ).toBe(true);
  });

  it('ranks the clause that answers the question first, via glossary synonyms', async () => {
    const e = builtinEmbedder(state);
    const vectors = await e.embedPassages(passages);
    const q = await e.embedQuery('古いOSの端末');
    const scores = vectors.map((v) => dot(q, v));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
    const withoutSynonyms = embedBuiltin('古いOSの端末', { ...state, synonyms: [] });
    expect(dot(q, vectors[0]!)).toBeGreaterThan(dot(withoutSynonyms, vectors[0]!));
  });

  it('treats full-width and half-width input alike', () => {
    expect(Array.from(embedBuiltin('ＵＳＢﾒﾓﾘ', state))).toEqual(Array.from(embedBuiltin('USBメモリ', state)));
  });
});

describe('e5 embedder (on a tiny generated model)', () => {
  const root = mkdtempSync(join(tmpdir(), 'kojo-model-'));
  writeTinyModel(root);

  it('loads from the local folder, prefixes passages, mean-pools and normalises', async () => {
    const e = await e5Embedder({ root });
    expect(e.id).toBe(e5Id(E5_MODEL));
    expect(e.dimension).toBe(TINY_DIMENSION);
    const [p] = await e.embedPassages(['factory security']);
    Array.from(p!).forEach((x, i) => expect(x).toBeCloseTo(expectedTinyEmbedding('passage: factory security')[i]!, 5));
    const q = await e.embedQuery('factory security');
    Array.from(q).forEach((x, i) => expect(x).toBeCloseTo(expectedTinyEmbedding('query: factory security')[i]!, 5));
  });

  it('embeds in batches and reports progress', async () => {
    const e = await e5Embedder({ root, batchSize: 2 });
    const seen: number[] = [];
    const vs = await e.embedPassages(['usb memory', 'old os', 'factory', 'security', 'os'], (done) => seen.push(done));
    expect(vs).toHaveLength(5);
    expect(seen).toEqual([2, 4, 5]);
  });
});

describe('embedder selection', () => {
  const empty = mkdtempSync(join(tmpdir(), 'kojo-nomodel-'));
  const full = mkdtempSync(join(tmpdir(), 'kojo-model-'));
  writeTinyModel(full);

  it('auto picks e5 when the model folder is complete, else builtin, and says why', () => {
    expect(resolveEmbedder('auto', { modelRoot: full }).plugin.id).toBe(e5Id(E5_MODEL));
    const fallback = resolveEmbedder('auto', { modelRoot: empty });
    expect(fallback.plugin.id).toBe(BUILTIN_ID);
    expect(fallback.reason).toMatch(/e5 model not found in .*; using built-in embedder/);
  });

  it('refuses an explicit e5 request without a model, naming the missing files and the fix', () => {
    const error = (() => {
      try {
        return resolveEmbedder('e5', { modelRoot: empty });
      } catch (e) {
        return e;
      }
    })();
    expect(isKojoError(error, 'embedder-unavailable')).toBe(true);
    expect((error as Error).message).toMatch(/missing config\.json, tokenizer\.json.*kojo model fetch/);
  });
});
