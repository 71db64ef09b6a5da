/**
 * `npm run bench [-- --scale N]`: index build time and peak memory, index size, the exact sparse
 * search against a scan over every vector (recall@10), the warm per-query latency of
 * `kojo ask --json -` (the batch mode tools use), and the CLI's start-up: one-shot `kojo ask` and
 * `kojo --help`, each the median of several runs; at 1×, `kojo import` of a generated 100-page
 * guideline-shaped PDF (the tests' generator). `--scale N` builds a synthetic corpus N times the
 * size of content/ (scale-corpus.ts) in a temporary folder first. Figures beside the targets of issue 12.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadValidContent, readYamlList } from '../../indexer/corpus/node.ts';
import type { Corpus } from '../../indexer/corpus/index.ts';
import { builtinPlugin, embedderSetup } from '../../indexer/embedders/node.ts';
import { readIndex, searchData } from '../../indexer/index-format/node.ts';
import { stripConversational } from '../../indexer/text/index.ts';
import {
  buildIndex,
  EvalQuestion,
  isOutOfScope,
  nonZeros,
  passageText,
  scoreSparse,
  searchExact,
  topExact,
} from '../../indexer/search/node.ts';
import { parseToolArgs } from '../cli/tool-args.ts';
import { reportError } from '../cli/report.ts';
import { detectUnits, readSource } from '../../indexer/import/node.ts';
import { layoutNamed, samplePdf } from './sample-pdfs/index.ts';
import { percentile } from './percentile.ts';
import { scaledContent, scaleOption } from './scale-corpus.ts';

const kojo = join('bin', 'kojo.js');

async function main(): Promise<void> {
  const values = parseToolArgs(
    'bench',
    'CLI and index figures next to their targets, on content/ or a synthetic corpus N times its size.',
    {
      scale: scaleOption,
    },
  );
  const { scale } = values;
  const big = scale >= 50;
  const setup = embedderSetup();
  const content =
    scale === 1 ? { dir: 'content', dispose: async () => undefined } : await scaledContent('content', scale);
  const dir = await mkdtemp(join(tmpdir(), 'kojo-bench-'));
  try {
    const corpus = await loadValidContent(content.dir);
    const questions = (await readYamlList('tests/eval/questions.yml', 'questions.yml', EvalQuestion)).items
      .map((i) => i.value)
      .filter((q) => !isOutOfScope(q))
      .map((q) => q.q);
    process.stderr.write(`bench: ${corpus.clauses.length} clauses (${scale}×), building the index …\n`);

    const builds: number[] = [];
    for (let i = 0; i < (big ? 1 : 3); i++) {
      const t = performance.now();
      await buildIndex(corpus, { contentDir: content.dir, out: dir, embedder: builtinPlugin, setup });
      builds.push(performance.now() - t);
    }
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    const size = await folderBytes(dir);

    process.stderr.write('bench: exact sparse search against a scan over every vector …\n');
    const { store } = await readIndex(dir);
    const data = searchData(corpus);
    const embedder = await builtinPlugin.create(data.clauses.map(passageText), data.synonyms, setup);
    const vectors = await embedder.embedPassages(data.clauses.map(passageText));
    const all = data.clauses.map((_, i) => i);
    let found = 0;
    let wanted = 0;
    for (const q of questions) {
      const v = await embedder.embedQuery(stripConversational(q));
      await store.loadDims(nonZeros(v));
      const exact = searchExact(vectors, v, 10, () => true).map((r) => r.index);
      const indexed = new Set(
        topExact(
          scoreSparse(v, (d) => store.dim(d), data.clauses.length),
          all,
          10,
        ).map((r) => r.index),
      );
      found += exact.filter((i) => indexed.has(i)).length;
      wanted += exact.length;
    }
    vectors.length = 0;

    process.stderr.write('bench: kojo ask, warm and one-shot …\n');
    const latencies = await batchLatencies(dir, questions, big ? 1 : 3);
    // Interleaved with a bare `node -e 0`, so both see the same machine: the ratio is the figure.
    const { oneShot, bare } = startUp(['ask', '--index', dir, '--json', '古いOS端末はどうすればいい？'], big ? 3 : 7);
    const help = timeRuns(['--help'], 7);
    // Import does not depend on the corpus: timed at 1× only.
    const imported = scale === 1 ? await importFigures(dir, corpus) : null;

    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
    process.stdout.write(
      [
        `kojo bench — ${scale}×: ${corpus.clauses.length} clauses and ${corpus.notes.length} practice notes, ${corpus.guidelines.list.length} guidelines, embedder ${builtinPlugin.id}, ${questions.length} questions`,
        '',
        '| figure | value | target |',
        '|---|---|---|',
        `| build-index (median of ${builds.length}) | ${s(percentile(builds, 50))} | ≤ 15 s at 100× |`,
        `| peak memory (build + recall run) | ${peakMiB.toFixed(0)} MiB | |`,
        `| index on disk | ${(size / 1024 / 1024).toFixed(1)} MB | ≤ 60 MB at 100× |`,
        `| exact sparse search vs scan over every vector, recall@10 | ${(found / wanted).toFixed(4)} | 1.0 |`,
        `| ask --json - latency p50 (warm) | ${ms(percentile(latencies, 50))} | ≤ 2 ms at 1× |`,
        `| ask --json - latency p95 (warm) | ${ms(percentile(latencies, 95))} | ≤ 20 ms at 100× |`,
        `| one-shot kojo ask, wall (median of ${oneShot.length}) | ${s(percentile(oneShot, 50))} | ≤ 0.35 s at 1× |`,
        `| bare node -e 0, wall (median of ${bare.length}, same run) | ${s(percentile(bare, 50))} | |`,
        `| one-shot kojo ask ÷ bare node | ${(percentile(oneShot, 50) / percentile(bare, 50)).toFixed(1)}× | ≤ 3× |`,
        `| kojo --help, wall (median of 7) | ${s(percentile(help, 50))} | ≤ 0.2 s |`,
        ...(imported
          ? [
              `| kojo import of a ${imported.pages}-page PDF, wall (median of 3) | ${s(percentile(imported.wall, 50))} | ≤ 5 s |`,
              `| the same import, CPU time (read + detect, in process) | ${s(imported.cpuMs)} | |`,
            ]
          : []),
        '',
      ].join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    await content.dispose();
  }
}

/**
 * `kojo import` of a generated 100-page METI-shaped Word export (full-width numbering, a contents
 * page with a number column, running headers with the chapter title, footnotes, tables, bookmarks):
 * wall time, and the CPU time of the same work in this process.
 */
async function importFigures(_dir: string, corpus: Corpus): Promise<{ pages: number; wall: number[]; cpuMs: number }> {
  const layout = {
    ...layoutNamed('meti-fullwidth-bold-body'),
    name: 'bench-100',
    pages: 100,
    bookmarks: 'exact' as const,
  };
  const { path: pdf, truth } = await samplePdf(layout);
  const pages = truth.pages;
  const wall = timeRuns(['import', pdf, '--guideline', 'meti', '--dry-run', '--json'], 3);
  // What the wall time is made of on an idle machine.
  const before = process.cpuUsage();
  detectUnits((await readSource(pdf)).document, corpus.guidelines.get('meti')!, corpus.guidelines.list);
  const cpu = process.cpuUsage(before);
  return { pages, wall, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  return total;
}

/** Wall time of whole `kojo` runs, as a person at the prompt waits for them. */
function timeRuns(args: string[], runs: number): number[] {
  return Array.from({ length: runs }, () => wall([kojo, ...args]));
}

/** One run of node with these arguments, in milliseconds of wall time. */
function wall(argv: string[]): number {
  const t = performance.now();
  // At 100× an answer (every guideline's five) is megabytes of JSON: more than spawnSync's 1 MB default.
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
}

/** A one-shot `kojo` run and a bare `node -e 0` in turn, each `runs` times: start-up beside node's own. */
function startUp(args: string[], runs: number): { oneShot: number[]; bare: number[] } {
  const oneShot: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(wall(['-e', '0']));
    oneShot.push(wall([kojo, ...args]));
  }
  return { oneShot, bare };
}

/** Sends questions one at a time to a running `kojo ask --json -` and times each answer line. */
async function batchLatencies(indexDir: string, qs: string[], rounds: number): Promise<number[]> {
  const child = spawn(process.execPath, [kojo, 'ask', '--index', indexDir, '--json', '-'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const times: number[] = [];
  // Round 0 warms the process up (module loading, JIT, the shards its questions read) and is not counted.
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

try {
  await main();
} catch (error) {
  process.exitCode = reportError('bench', error);
}
