/**
 * `npm run bench:site`: the site build time, then, in Chromium (see chromium.ts) against the built site on
 * localhost: time from navigation to the first question results, per-query latency (submit → results
 * on screen) after the first, and the gzipped bytes of everything the search page loads.
 */
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readYamlList } from '../../indexer/corpus/node.ts';
import { EvalQuestion } from '../../indexer/search/index.ts';
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

const questions = (await readYamlList('tests/eval/questions.yml', 'questions.yml', EvalQuestion)).items.map((i) => i.value.q);
const { server, origin } = await serveSite();
const browser = await launchChromium();
try {
  const firstLoads: number[] = [];
  let payload = 0;
  const files: string[] = [];
  for (let run = 0; run < 5; run++) {
    const w = await watchedPage(browser, origin);
    const bodies: Promise<void>[] = [];
    if (run === 0) {
      w.page.on('response', (r) => {
        bodies.push(
          r.body().then(
            (b) => {
              payload += gzipSync(b).length;
              files.push(`${new URL(r.url()).pathname} ${gzipSync(b).length}`);
            },
            () => undefined,
          ),
        );
      });
    }
    await w.page.goto(`${origin}/search/?q=${encodeURIComponent(questions[run]!)}`);
    await w.page.waitForSelector('#search-results[data-state="done"]');
    firstLoads.push(await w.page.evaluate(() => performance.getEntriesByName('kojo:results')[0]!.startTime));
    await Promise.all(bodies);
    if (run === 4) {
      const latencies: number[] = await w.page.evaluate(async (qs) => {
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
      }, questions);
            const median = percentile(firstLoads, 50);
      process.stdout.write(
        [
          `kojo site bench — ${questions.length} questions, Chromium headless, ${origin}`,
          '',
          '| figure | value | target |',
          '|---|---|---|',
          `| site build (npm run build) | ${buildSeconds.toFixed(1)} s | < 60 s |`,
          `| page load → first results (median of 5 cold loads) | ${median.toFixed(0)} ms | < 1 s |`,
          `| per-query latency p50 (after the first) | ${percentile(latencies, 50).toFixed(1)} ms | |`,
          `| per-query latency p95 (after the first) | ${percentile(latencies, 95).toFixed(1)} ms | < 100 ms |`,
          `| search page payload, gzipped (${files.length} files) | ${(payload / 1024).toFixed(0)} KB | < 300 KB |`,
          '',
        ].join('\n'),
      );
      if (process.argv.includes('--files')) process.stderr.write(`${files.join('\n')}\n`);
    }
    await w.page.context().close();
  }
} finally {
  await browser.close();
  await server.stop();
}
