/**
 * `npm run bench:site`: the site build time, then, in Chromium (see chromium.ts) against the built site on
 * localhost, for each search mode separately (question: the shared engine; keyword: Pagefind): time from
 * navigation to the first results, per-query latency (submit → results on screen) after the first, the
 * gzipped bytes the mode downloads, the longest main-thread task and the layout shift (CLS) of a load.
 */
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { readYamlList } from '../../indexer/corpus/node.ts';
import { EvalQuestion, isOutOfScope } from '../../indexer/search/index.ts';
import { serveSite, watchedPage } from './site-session.ts';
import { launchChromium } from './chromium.ts';
import { percentile } from './percentile.ts';

const t0 = performance.now();
const built = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8' });
if (built.status !== 0) {
  process.stderr.write(built.stderr);
  process.exit(1);
}
const buildSeconds = (performance.now() - t0) / 1000;

const questions = (await readYamlList('tests/eval/questions.yml', 'questions.yml', EvalQuestion)).items.map((i) => i.value).filter((q) => !isOutOfScope(q)).map((q) => q.q);
const keywords = ['USBメモリ 持ち込み', 'リモート保守', 'パスワード', 'FSIRT', 'ゾーン', 'バックアップ', 'サポート切れOS', 'SBOM', '資産台帳', 'ファイアウォール'];
const { server, origin } = await serveSite();
const browser = await launchChromium();

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
async function measure(b: Browser, mode: 'question' | 'keyword', queries: string[]): Promise<ModeFigures> {
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
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__long = Math.max(w.__long, e.duration)))).observe({ type: 'longtask', buffered: true });
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
    await w.page.context().close();
  }
  return { firstResults: percentile(firstLoads, 50), p50: percentile(latencies, 50), p95: percentile(latencies, 95), bytes, files, longestTask: Math.max(...longest), cls: Math.max(...shifts) };
}

try {
  const question = await measure(browser, 'question', questions);
  const keyword = await measure(browser, 'keyword', keywords);
  const row = (name: string, f: (m: ModeFigures) => string, target: string) => `| ${name} | ${f(question)} | ${f(keyword)} | ${target} |`;
  process.stdout.write(
    [
      `kojo site bench — ${questions.length} questions and ${keywords.length} keyword queries, Chromium headless, ${origin}`,
      '',
      `site build (npm run build): ${buildSeconds.toFixed(1)} s (target < 60 s)`,
      '',
      '| figure | question mode | keyword mode | target |',
      '|---|---|---|---|',
      row('page load → first results (median of 5 cold loads)', (m) => `${m.firstResults.toFixed(0)} ms`, '< 1 s'),
      row('per-query latency p50 (after the first)', (m) => `${m.p50.toFixed(1)} ms`, ''),
      row('per-query latency p95 (after the first)', (m) => `${m.p95.toFixed(1)} ms`, '< 100 ms'),
      row('downloaded, gzipped (whole page, this mode only)', (m) => `${(m.bytes / 1024).toFixed(0)} KB (${m.files.length} files)`, '< 300 KB'),
      row('longest main-thread task (worst of 5 loads)', (m) => `${m.longestTask.toFixed(0)} ms`, '≤ 50 ms'),
      row('layout shift, CLS (worst of 5 loads)', (m) => m.cls.toFixed(3), '< 0.05'),
      '',
    ].join('\n'),
  );
  if (process.argv.includes('--files')) process.stderr.write(`question:\n${question.files.join('\n')}\nkeyword:\n${keyword.files.join('\n')}\n`);
} finally {
  await browser.close();
  await server.stop();
}
