/**
 * `npm run bench`: index build time and peak memory, HNSW recall@10 against exact search, the warm
 * per-query latency of `kojo ask --json -` (the batch mode tools use), and the CLI's start-up:
 * one-shot `kojo ask` and `kojo --help`, each the median of several runs; `kojo import` of a generated
 * 100-page guideline-shaped PDF (the tests' generator). Figures beside targets.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadValidContent, readYamlList } from '../../indexer/corpus/node.ts';
import { builtinPlugin, embedderSetup } from '../../indexer/embedders/node.ts';
import { stripConversational } from '../../indexer/text/index.ts';
import { buildIndex, EvalQuestion, isOutOfScope, openIndex, readHnsw, searchExact, searchHnsw } from '../../indexer/search/node.ts';
import { detectUnits, readSource } from '../../indexer/import/node.ts';
import { metiSpec, writeGuidelinePdf } from '../../tests/helpers/pdf-fixtures.ts';
import { percentile } from './percentile.ts';

const contentDir = 'content';
const kojo = join('bin', 'kojo.js');
const setup = embedderSetup();
const corpus = await loadValidContent(contentDir);
// Answerable questions only: an out-of-scope one may be nothing but fillers (an empty question).
const questions = (await readYamlList('tests/eval/questions.yml', 'questions.yml', EvalQuestion)).items.map((i) => i.value).filter((q) => !isOutOfScope(q)).map((q) => q.q);
const dir = await mkdtemp(join(tmpdir(), 'kojo-bench-'));

const builds: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await buildIndex(corpus, { contentDir, out: dir, embedder: builtinPlugin, setup });
  builds.push(performance.now() - t);
}
const peakMiB = process.resourceUsage().maxRSS / 1024;

const { folder, embedder } = await openIndex(dir, { embedder: 'builtin', setup });
const hnsw = readHnsw(folder.hnswPath, folder.manifest.embedder.dimension);
let found = 0;
let wanted = 0;
for (const q of questions) {
  const v = await embedder.embedQuery(stripConversational(q));
  const exact = searchExact(folder.vectors, v, 10, () => true).map((r) => r.index);
  const approx = new Set(searchHnsw(hnsw, v, 10, () => true, folder.manifest.hnsw.efSearch, folder.vectors.length).map((r) => r.index));
  found += exact.filter((i) => approx.has(i)).length;
  wanted += exact.length;
}

const latencies = await batchLatencies(dir, questions, 3);
const oneShot = timeRuns(['ask', '--index', dir, '--json', '古いOS端末はどうすればいい？'], 7);
const help = timeRuns(['--help'], 7);
const pdf = join(dir, 'guideline-100.pdf');
const { pages } = await writeGuidelinePdf(pdf, metiSpec(), { outline: true, pages: 100 });
const imports = timeRuns(['import', pdf, '--guideline', 'meti', '--dry-run', '--json'], 3);
// CPU time of the same work in this process: what the wall time is made of on an idle machine.
const cpuBefore = process.cpuUsage();
detectUnits((await readSource(pdf)).document, corpus.guidelines.get('meti')!, corpus.guidelines.list);
const importCpu = process.cpuUsage(cpuBefore);
await rm(dir, { recursive: true, force: true });

const ms = (x: number) => `${x.toFixed(1)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
process.stdout.write(
  [
    `kojo bench — embedder ${builtinPlugin.id}, ${corpus.clauses.length} clauses, ${questions.length} questions`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| index build (median of 3) | ${ms(percentile(builds, 50))} | < 10 s |`,
    `| peak memory (build + recall run) | ${peakMiB.toFixed(0)} MiB | |`,
    `| HNSW recall@10 vs exact (efSearch ${folder.manifest.hnsw.efSearch}) | ${(found / wanted).toFixed(4)} | ≥ 0.99 |`,
    `| ask --json - latency p50 (warm) | ${ms(percentile(latencies, 50))} | |`,
    `| ask --json - latency p95 (warm) | ${ms(percentile(latencies, 95))} | < 20 ms |`,
    `| one-shot kojo ask, wall (median of 7) | ${s(percentile(oneShot, 50))} | ≤ 0.35 s |`,
    `| kojo --help, wall (median of 7) | ${s(percentile(help, 50))} | ≤ 0.2 s |`,
    `| kojo import of a ${pages}-page PDF, wall (median of 3) | ${s(percentile(imports, 50))} | ≤ 10 s |`,
    `| the same import, CPU time (read + detect, in process) | ${s((importCpu.user + importCpu.system) / 1000)} | |`,
    '',
  ].join('\n'),
);

/** Wall time of whole `kojo` runs, as a person at the prompt waits for them. */
function timeRuns(args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [kojo, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`kojo ${args.join(' ')} failed: ${r.stderr}`);
    times.push(performance.now() - t);
  }
  return times;
}

/** Sends questions one at a time to a running `kojo ask --json -` and times each answer line. */
async function batchLatencies(indexDir: string, qs: string[], rounds: number): Promise<number[]> {
  const child = spawn(process.execPath, [kojo, 'ask', '--index', indexDir, '--json', '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const times: number[] = [];
  // Round 0 warms the process up (module loading, JIT) and is not counted.
  for (let round = 0; round <= rounds; round++) {
    for (const q of qs) {
      const t = performance.now();
      child.stdin.write(`${q}\n`);
      const { value } = await lines.next();
      if (!value || !JSON.parse(value).hits) throw new Error(`no answer for ${q}`);
      if (round > 0) times.push(performance.now() - t);
    }
  }
  child.stdin.end();
  await new Promise((r) => child.on('close', r));
  return times;
}
