/**
 * The built-in embedder's vectors are searched with inverted lists: exactly, so the index must return
 * what a scan over every vector returns, clause for clause and score for score, on the real corpus.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../indexer/corpus/index.ts';
import { loadValidContent, readYamlList } from '../indexer/corpus/node.ts';
import { builtinPlugin } from '../indexer/embedders/node.ts';
import { openStore, readIndex, searchData } from '../indexer/index-format/node.ts';
import {
  buildIndex,
  buildLexical,
  createEngine,
  EvalQuestion,
  nonZeros,
  openIndex,
  passageText,
  scoreSparse,
  searchExact,
  termLookup,
  topExact,
} from '../indexer/search/node.ts';
import { stripConversational } from '../indexer/text/index.ts';

const setup = { modelRoot: join(tmpdir(), 'kojo-no-models') };
let corpus: Corpus;
let out: string;
let questions: string[];

beforeAll(async () => {
  corpus = await loadValidContent('content');
  out = join(mkdtempSync(join(tmpdir(), 'kojo-sparse-')), 'index');
  await buildIndex(corpus, { contentDir: 'content', out, embedder: builtinPlugin, setup });
  questions = (await readYamlList('tests/eval/questions.yml', 'questions.yml', EvalQuestion)).items.map(
    (i) => i.value.q,
  );
});

describe('exact sparse search', () => {
  it('equals a scan over every vector for every evaluation question, every guideline and any k (recall 1.0)', async () => {
    const data = searchData(corpus);
    const embedder = await builtinPlugin.create(data.clauses.map(passageText), data.synonyms, setup);
    const vectors = await embedder.embedPassages(data.clauses.map(passageText));
    const { store } = await readIndex(out);
    let compared = 0;
    for (const q of questions) {
      const v = await embedder.embedQuery(stripConversational(q));
      await store.loadDims(nonZeros(v));
      const scores = scoreSparse(v, (d) => store.dim(d), data.clauses.length);
      for (const g of data.guidelines) {
        const members = data.clauses.flatMap((c, i) => (c.guideline === g.key ? [i] : []));
        // Beyond the clauses sharing a dimension with the question too: zeros and negatives rank as a scan ranks them.
        for (const k of [5, 20, members.length]) {
          const brute = searchExact(vectors, v, k, (i) => data.clauses[i]!.guideline === g.key);
          expect(topExact(scores, members, k), `${q} / ${g.key} / k=${k}`).toEqual(brute);
          compared++;
        }
      }
    }
    expect(compared).toBe(questions.length * data.guidelines.length * 3);
  });
});

describe('lazy reading', () => {
  it('answers a question reading only part of the index, as the fully read index answers', async () => {
    const { folder, embedder } = await openIndex(out, { setup });
    const read: string[] = [];
    const files = new Map<string, Uint8Array>();
    const { readFile, readdir } = await import('node:fs/promises');
    const published = join(out, 'browser');
    for (const f of await readdir(published, { recursive: true, withFileTypes: true })) {
      if (f.isFile())
        files.set(join(f.parentPath, f.name).slice(published.length + 1), await readFile(join(f.parentPath, f.name)));
    }
    const store = await openStore(out, async (file) => (read.push(file), files.get(file) ?? null));
    const engine = createEngine(store, await builtinPlugin.open(store.entry.embedderState, setup, termLookup(store)));
    const full = (await openIndex(out, { setup })).engine;
    for (const q of questions.slice(0, 8)) {
      const lazy = await engine.ask(q, { k: 5 });
      expect(lazy, q).toEqual(await full.ask(q, { k: 5 }));
      expect(
        lazy.hits.every((h) => h.title && h.url && h.snippet),
        q,
      ).toBe(true);
    }
    expect(read.length).toBeLessThan(files.size);
    expect(folder.manifest.vectors).toBe('sparse');
    expect(embedder.id).toBe(builtinPlugin.id);
  });
});

describe('BM25 pruning', () => {
  it('keeps no postings for a term in most clauses, but still the clauses that hold it ("no close match" weighs words by them)', () => {
    const doc = (index: number, body: string) => ({ index, guideline: 'g', title: '', body });
    const lexical = buildLexical([doc(0, 'common rare'), doc(1, 'common'), doc(2, 'common other'), doc(3, 'other')]);
    expect(lexical.get('common')).toEqual({ docs: [], values: [], holders: [0, 1, 2] });
    expect(lexical.get('rare')).toMatchObject({ docs: [0] });
    expect(lexical.get('rare')).not.toHaveProperty('holders');
  });
});
