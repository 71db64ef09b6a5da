/**
 * `npm run bench:site [-- --scale N]`: the site build time, then, in Chromium (see chromium.ts)
 * against the built site on localhost: time from navigation to the first question results, the
 * gzipped bytes a question downloads on a fresh page (cold: page, scripts, index entry and the shards
 * it needs) and on a page that has answered before (warm: only shards it had not fetched yet), and
 * per-query latency (submit → results on screen) after the first.
 *
 * `--scale N` answers from a synthetic corpus N times the size of content/ (scale-corpus.ts): the
 * site is built from content/ (Astro would otherwise render a compare page for every pair of 2N
 * guidelines) and its search data replaced by the index of the synthetic corpus — the search page
 * reads guidelines and clauses from the index alone, so it answers exactly as a site of that corpus.
 *
 * At 1×, both search modes are also measured side by side (question: the shared engine; keyword:
 * Pagefind): first results, per-query latency, the gzipped bytes the mode downloads, the longest
 * main-thread task and the layout shift (CLS) of a load.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { readYamlList } from '../../indexer/corpus/node.ts';
import { indexFiles } from '../../indexer/index-format/node.ts';
import { EvalQuestion, isOutOfScope } from '../../indexer/search/index.ts';
import { siteDataDirs } from '../../site/lib/site-data.ts';
import { reportError } from '../cli/report.ts';
import { parseToolArgs } from '../cli/tool-args.ts';
import { launchChromium } from './chromium.ts';
import { percentile } from './percentile.ts';
import { scaledContent, scaleOption } from './scale-corpus.ts';
import { serveSite, watchedPage } from './site-session.ts';

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
}

async function main(): Promise<void> {
  const values = parseToolArgs(
    'bench:site',
    'The search page in Chromium: first results, bytes per question (cold and warm), latency; on content/ or a synthetic corpus N times its size.',
    {
      scale: scaleOption,
    },
  );
  const { scale } = values;
  const work = await mkdtemp(join(tmpdir(), 'kojo-bench-site-'));
  const out = join('tests', '.tmp', `bench-site-${process.pid}`);
  try {
    const t0 = performance.now();
    run('npm', ['run', 'build', '--silent', '--', '--out', out, '--index', join(work, 'site-index')]);
    const buildSeconds = (performance.now() - t0) / 1000;
    let clauses = 0;
    let indexSeconds = 0;
    if (scale > 1) {
      const content = await scaledContent('content', scale);
      const t1 = performance.now();
      run(process.execPath, [
        'bin/kojo.js',
        'build-index',
        '--embedder',
        'builtin',
        '--content',
        content.dir,
        '--out',
        join(work, 'index'),
      ]);
      indexSeconds = (performance.now() - t1) / 1000;
      await content.dispose();
      await rm(join(out, siteDataDirs.builtin), { recursive: true });
      await cp(join(work, 'index', indexFiles.browser), join(out, siteDataDirs.builtin), { recursive: true });
    }
    const questions = (await readYamlList('tests/eval/questions.yml', 'questions.yml', EvalQuestion)).items
      .map((i) => i.value)
      .filter((q) => !isOutOfScope(q))
      .map((q) => q.q);
    const { server, origin } = await serveSite(out);
    const browser = await launchChromium();
    try {
      const firstLoads: number[] = [];
      const cold: number[] = [];
      const coldData: number[] = [];
      const coldRequests: number[] = [];
      const coldKinds: Record<string, number[]> = {};
      let latencies: number[] = [];
      const warm: number[] = [];
      for (let r = 0; r < 5; r++) {
        const w = await watchedPage(browser, origin);
        // Bytes by question: 0 is the page load with its first question, then one per question asked on it.
        let current = 0;
        const bytes: number[] = [0];
        const data: number[] = [0];
        const kinds: Record<string, number> = {};
        const requests: number[] = [0];
        const bodies: Promise<void>[] = [];
        w.page.on('response', (response) => {
          const q = current;
          const path = new URL(response.url()).pathname;
          const isData = path.includes(`/${siteDataDirs.builtin}`);
          const kind = !isData
            ? ''
            : path.endsWith('/entry.json')
              ? 'entry'
              : /\/[td]\/[^/]+$/.test(path)
                ? 'ranking'
                : 'records';
          bodies.push(
            response.body().then(
              (b) => {
                const size = gzipSync(b).length;
                bytes[q] = (bytes[q] ?? 0) + size;
                if (isData) data[q] = (data[q] ?? 0) + size;
                if (kind && q === 0) kinds[kind] = (kinds[kind] ?? 0) + size;
                requests[q] = (requests[q] ?? 0) + 1;
              },
              () => undefined,
            ),
          );
        });
        await w.page.goto(`${origin}/search/?q=${encodeURIComponent(questions[r]!)}`);
        await w.page.waitForSelector('#search-results[data-state="done"]', { timeout: 60_000 });
        firstLoads.push(await w.page.evaluate(() => performance.getEntriesByName('kojo:results')[0]!.startTime));
        await Promise.all(bodies);
        cold.push(bytes[0]!);
        coldData.push(data[0]!);
        coldRequests.push(requests[0]!);
        for (const k of ['entry', 'ranking', 'records']) (coldKinds[k] ??= []).push(kinds[k] ?? 0);
        if (r === 4) {
          // Every question on one page: what a warm page downloads, and how long each answer takes.
          latencies = [];
          for (const q of questions) {
            current++;
            bytes[current] = 0;
            latencies.push(
              await w.page.evaluate(async (question) => {
                const form = document.querySelector<HTMLFormElement>('#search-form')!;
                const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
                const start = performance.now();
                const done = new Promise((resolve) =>
                  document.addEventListener('kojo:results', resolve, { once: true }),
                );
                input.value = question;
                form.requestSubmit();
                await done;
                return performance.now() - start;
              }, q),
            );
          }
          await Promise.all(bodies);
          warm.push(...bytes.slice(1));
        }
        if (w.foreign().length || w.errors.length)
          throw new Error(`the page left its origin or logged errors: ${[...w.foreign(), ...w.errors].join('; ')}`);
        await w.page.context().close();
      }
      clauses = (await (await fetch(`${origin}/${siteDataDirs.builtin}entry.json`)).json()).manifest.clauseCount;
      const kb = (x: number) => `${(x / 1024).toFixed(0)} KB`;
      process.stdout.write(
        [
          `kojo site bench — ${scale}×: ${clauses} clauses, ${questions.length} questions, Chromium headless, ${origin}`,
          '',
          '| figure | value | target |',
          '|---|---|---|',
          `| site build (npm run build, content/) | ${buildSeconds.toFixed(1)} s | < 60 s |`,
          ...(scale > 1
            ? [
                `| build-index of the ${scale}× corpus (kojo build-index, wall) | ${indexSeconds.toFixed(1)} s | ≤ 15 s at 100× |`,
              ]
            : []),
          `| page load → first results (median of 5 cold loads) | ${percentile(firstLoads, 50).toFixed(0)} ms | ≤ 1 s |`,
          `| bytes for a question on a fresh page, gzipped (median of 5; all files) | ${kb(percentile(cold, 50))} | ≤ 120 KB at 1×, ≤ 400 KB at 100× |`,
          `|   of which search data (median; requests of all kinds: ${percentile(coldRequests, 50)}) | ${kb(percentile(coldData, 50))} | |`,
          `|   … entry / ranking shards (terms, dimensions) / clause records | ${['entry', 'ranking', 'records'].map((k) => kb(percentile(coldKinds[k] ?? [0], 50))).join(' / ')} | |`,
          `| bytes per further question on a warm page, gzipped p50 / p95 | ${kb(percentile(warm, 50))} / ${kb(percentile(warm, 95))} | |`,
          `| per-query latency p50 (after the first) | ${percentile(latencies, 50).toFixed(1)} ms | |`,
          `| per-query latency p95 (after the first) | ${percentile(latencies, 95).toFixed(1)} ms | ≤ 50 ms |`,
          '',
        ].join('\n'),
      );
      if (scale === 1) {
        const question = await measure(browser, origin, 'question', questions);
        const keyword = await measure(browser, origin, 'keyword', KEYWORDS);
        const row = (name: string, f: (m: ModeFigures) => string, target: string) =>
          `| ${name} | ${f(question)} | ${f(keyword)} | ${target} |`;
        process.stdout.write(
          [
            '',
            `Each mode on its own (${questions.length} questions, ${KEYWORDS.length} keyword queries):`,
            '',
            '| figure | question mode | keyword mode | target |',
            '|---|---|---|---|',
            row(
              'page load → first results (median of 5 cold loads)',
              (m) => `${m.firstResults.toFixed(0)} ms`,
              '< 1 s',
            ),
            row('per-query latency p50 (after the first)', (m) => `${m.p50.toFixed(1)} ms`, ''),
            row('per-query latency p95 (after the first)', (m) => `${m.p95.toFixed(1)} ms`, '< 100 ms'),
            row(
              'downloaded, gzipped (whole page, this mode only)',
              (m) => `${(m.bytes / 1024).toFixed(0)} KB (${m.files.length} files)`,
              '< 300 KB',
            ),
            row('longest main-thread task (worst of 5 loads)', (m) => `${m.longestTask.toFixed(0)} ms`, '≤ 50 ms'),
            row('layout shift, CLS (worst of 5 loads)', (m) => m.cls.toFixed(3), '< 0.05'),
            '',
          ].join('\n'),
        );
        if (process.argv.includes('--files'))
          process.stderr.write(`question:\n${question.files.join('\n')}\nkeyword:\n${keyword.files.join('\n')}\n`);
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
}

const KEYWORDS = [
  'USBメモリ 持ち込み',
  'リモート保守',
  'パスワード',
  'FSIRT',
  'ゾーン',
  'バックアップ',
  'サポート切れOS',
  'SBOM',
  '資産台帳',
  'ファイアウォール',
];

interface ModeFigures {
  firstResults: number;
  p50: number;
  p95: number;
  bytes: number;
  files: string[];
  longestTask: number;
  cls: number;
}

/** Cold loads of /search/?q=… in one mode, then a run of queries submitted through the form. */
async function measure(
  b: Browser,
  origin: string,
  mode: 'question' | 'keyword',
  queries: string[],
): Promise<ModeFigures> {
  const firstLoads: number[] = [];
  const longest: number[] = [];
  const shifts: number[] = [];
  let bytes = 0;
  const files: string[] = [];
  let latencies: number[] = [];
  for (let run = 0; run < 5; run++) {
    const w = await watchedPage(b, origin);
    await w.page.addInitScript(() => {
      const w = window as unknown as { __long: number; __cls: number };
      w.__long = 0;
      w.__cls = 0;
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => (w.__long = Math.max(w.__long, e.duration))),
      ).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => {
          const shift = e as PerformanceEntry & { value: number; hadRecentInput: boolean };
          if (!shift.hadRecentInput) w.__cls += shift.value;
        }),
      ).observe({ type: 'layout-shift', buffered: true });
    });
    const bodies: Promise<void>[] = [];
    if (run === 0) {
      w.page.on('response', (r) => {
        bodies.push(
          r.body().then(
            (body) => {
              const size = gzipSync(body).length;
              bytes += size;
              files.push(`${new URL(r.url()).pathname} ${size}`);
            },
            () => undefined,
          ),
        );
      });
    }
    const params = new URLSearchParams({ q: queries[run % queries.length]! });
    if (mode === 'keyword') params.set('mode', 'keyword');
    await w.page.goto(`${origin}/search/?${params}`);
    await w.page.waitForSelector('#search-results[data-state="done"]');
    firstLoads.push(await w.page.evaluate(() => performance.getEntriesByName('kojo:results')[0]!.startTime));
    await Promise.all(bodies);
    // Let late shifts (fonts, the footer) land before reading them.
    await w.page.waitForTimeout(300);
    const { long, cls } = await w.page.evaluate(() => {
      const g = window as unknown as { __long: number; __cls: number };
      return { long: g.__long, cls: g.__cls };
    });
    longest.push(long);
    shifts.push(cls);
    if (run === 4) {
      latencies = await w.page.evaluate(async (qs) => {
        const form = document.querySelector<HTMLFormElement>('#search-form')!;
        const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
        const out: number[] = [];
        for (const q of qs) {
          const start = performance.now();
          const done = new Promise((resolve) => document.addEventListener('kojo:results', resolve, { once: true }));
          input.value = q;
          form.requestSubmit();
          await done;
          out.push(performance.now() - start);
        }
        return out;
      }, queries);
    }
    if (w.foreign().length || w.errors.length)
      throw new Error(`the page left its origin or logged errors: ${[...w.foreign(), ...w.errors].join('; ')}`);
    await w.page.context().close();
  }
  return {
    firstResults: percentile(firstLoads, 50),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    bytes,
    files,
    longestTask: Math.max(...longest),
    cls: Math.max(...shifts),
  };
}

try {
  await main();
} catch (error) {
  process.exitCode = reportError('bench:site', error);
}
