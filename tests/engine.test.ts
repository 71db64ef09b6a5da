/**
 * The engine's three phases over an index's lazy store: ranking reads no record, the records of the
 * results shown are fetched in one batch, and each is read once — no placeholder, no second pass.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadValidContent } from '../indexer/corpus/node.ts';
import { builtinPlugin } from '../indexer/embedders/node.ts';
import { readIndex, type IndexStore } from '../indexer/index-format/node.ts';
import { buildIndex, createEngine, termLookup } from '../indexer/search/node.ts';
import { contentTree } from './helpers/fixture.ts';
import { officialFixture } from './helpers/official.ts';

const setup = { modelRoot: join(tmpdir(), 'kojo-no-models') };
let dir: string;
let out: string;

beforeAll(async () => {
  dir = contentTree();
  officialFixture(dir);
  out = join(mkdtempSync(join(tmpdir(), 'kojo-engine-')), 'index');
  await buildIndex(await loadValidContent(dir), { contentDir: dir, out, embedder: builtinPlugin, setup });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The store with every record read and every batch of record loads counted. */
function counted(store: IndexStore) {
  const reads: string[] = [];
  const batches: number[][] = [];
  const wrapped: IndexStore = {
    ...store,
    loadClauses: (indexes) => {
      batches.push([...indexes]);
      return store.loadClauses(indexes);
    },
    clause: (index) => {
      const record = store.clause(index);
      reads.push(record?.id ?? `unloaded ${index}`);
      return record;
    },
  };
  return { wrapped, reads, batches };
}

describe('a question in three phases', () => {
  it.each([
    ['hybrid', '古いOSの端末はどうすればいい？'],
    ['lexical', '保護対象の台帳'],
    ['dense', 'USBメモリの持ち込み'],
  ] as const)('reads each result record once, in one batch (%s)', async (mode, q) => {
    const { store } = await readIndex(out);
    const { wrapped, reads, batches } = counted(store);
    const embedder = await builtinPlugin.open(store.entry.embedderState, setup, termLookup(store));
    const engine = createEngine(wrapped, embedder);
    const answer = await engine.ask(q, { k: 3, mode });
    expect(answer.hits.length).toBeGreaterThan(0);
    // Every guideline answers, then the notes: all from one batch of records.
    expect(batches).toHaveLength(1);
    expect(reads).toEqual(answer.hits.map((h) => h.id));
    expect(new Set(reads).size).toBe(reads.length);
    // Asked again, nothing more is fetched than the records it shows, read once more each.
    reads.length = 0;
    await engine.ask(q, { k: 3, mode });
    expect(reads).toEqual(answer.hits.map((h) => h.id));
  });

  it('answers from the entry file’s groups: each guideline, then the notes as a kind of their own', async () => {
    const { store } = await readIndex(out);
    const engine = createEngine(store, await builtinPlugin.open(store.entry.embedderState, setup, termLookup(store)));
    expect(engine.groups).toEqual([
      { kind: 'unit', guideline: 'meti' },
      { kind: 'unit', guideline: 'gutp' },
      { kind: 'note' },
    ]);
    const answer = await engine.ask('古いOSの端末はどうすればいい？', { k: 2 });
    expect(Object.keys(answer.verdicts)).toEqual(['meti', 'gutp']);
    expect(answer.notes).toBeDefined();
    expect(answer.hits.map((h) => h.guideline ?? h.kind)).toEqual(['meti', 'meti', 'gutp', 'gutp', 'note']);
  });
});
