/**
 * `npm run bench`: index build time and peak memory, HNSW recall@10 against exact search, and the
 * warm per-query latency of `kojo ask --json -` (the batch mode tools use), p50/p95.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildIndex } from '../indexer/build.ts';
import { searchHnsw } from '../indexer/dense.ts';
import { searchExact } from '../indexer/exact.ts';
import { createEmbedder, resolveEmbedder } from '../indexer/embedders/select.ts';
import { EvalQuestion } from '../indexer/eval.ts';
import { loadIndex } from '../indexer/load-index.ts';
import { stripConversational } from '../indexer/question.ts';
import { readYamlList } from '../indexer/yaml-source.ts';
import { loadValidContent } from './load-valid-content.ts';

const contentDir = 'content';
const resolved = resolveEmbedder('builtin');
const corpus = await loadValidContent(contentDir);
const questions = (await readYamlList('tests/eval/questions.yml', 'questions.yml', EvalQuestion)).items.map((i) => i.value.q);
const dir = await mkdtemp(join(tmpdir(), 'kojo-bench-'));

const builds: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await buildIndex(corpus, { contentDir, out: dir, embedder: (s) => createEmbedder(resolved, s) });
  builds.push(performance.now() - t);
}
const peakMiB = process.resourceUsage().maxRSS / 1024;

const index = await loadIndex(dir);
const embedder = await createEmbedder(resolved, index.builtin);
let found = 0;
let wanted = 0;
for (const q of questions) {
  const v = await embedder.embedQuery(stripConversational(q));
  const exact = searchExact(index.vectors, v, 10, () => true).map((r) => r.index);
  const approx = new Set(searchHnsw(index.hnsw, v, 10, () => true, index.manifest.hnsw.efSearch, index.vectors.length).map((r) => r.index));
  found += exact.filter((i) => approx.has(i)).length;
  wanted += exact.length;
}

const latencies = await batchLatencies(dir, questions, 3);
await rm(dir, { recursive: true, force: true });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
process.stdout.write(
  [
    `kojo bench — embedder ${resolved.id}, ${corpus.clauses.length} clauses, ${questions.length} questions`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| index build (median of 3) | ${ms(pct(builds, 50))} | < 10 s |`,
    `| peak memory (build + recall run) | ${peakMiB.toFixed(0)} MiB | |`,
    `| HNSW recall@10 vs exact (efSearch ${index.manifest.hnsw.efSearch}) | ${(found / wanted).toFixed(4)} | ≥ 0.99 |`,
    `| ask --json - latency p50 (warm) | ${ms(pct(latencies, 50))} | |`,
    `| ask --json - latency p95 (warm) | ${ms(pct(latencies, 95))} | < 20 ms |`,
    '',
  ].join('\n'),
);

/** Sends questions one at a time to a running `kojo ask --json -` and times each answer line. */
async function batchLatencies(indexDir: string, qs: string[], rounds: number): Promise<number[]> {
  const child = spawn(process.execPath, ['bin/kojo.js', 'ask', '--index', indexDir, '--embedder', 'builtin', '--json', '-'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const times: number[] = [];
  // Round 0 warms the process up (module loading, JIT) and is not counted.
  for (let round = 0; round <= rounds; round++) {
    for (const q of qs) {
      const t = performance.now();
      child.stdin!.write(`${q}\n`);
      const { value } = await lines.next();
      if (!value || !JSON.parse(value).hits) throw new Error(`no answer for ${q}`);
      if (round > 0) times.push(performance.now() - t);
    }
  }
  child.stdin!.end();
  await new Promise((r) => child.on('close', r));
  return times;
}
