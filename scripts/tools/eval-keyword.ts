/**
 * Keyword mode's quality for `npm run eval -- --site DIR`: every question typed into the built site's
 * search page in keyword mode (Pagefind, in Chromium), exactly as a person would, and the clauses it
 * lists per guideline ranked like the other modes. A guideline that lists nothing has said "no match".
 */
import { metrics, noMatchMetrics, ranksByGuideline, type EvalQuestion, type Hit } from '../../indexer/search/index.ts';
import { launchChromium } from './chromium.ts';
import { serveSite, watchedPage } from './site-session.ts';

export async function keywordRows(site: string, keys: readonly string[], questions: EvalQuestion[]): Promise<string[]> {
  const { server, origin } = await serveSite(site);
  const browser = await launchChromium();
  try {
    const w = await watchedPage(browser, origin);
    await w.page.goto(`${origin}/search/?mode=keyword`);
    const listed: { guideline: string; chapter: string; section: string }[][] = await w.page.evaluate(
      async (qs) => {
        const form = document.querySelector<HTMLFormElement>('#search-form')!;
        const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
        const out = [];
        for (const q of qs) {
          const done = new Promise((resolve) => document.addEventListener('kojo:results', resolve, { once: true }));
          input.value = q;
          form.requestSubmit();
          await done;
          out.push(
            [...document.querySelectorAll<HTMLElement>('#search-results li.result')].map((li) => ({
              guideline: li.dataset.guideline!,
              chapter: li.dataset.chapter!,
              section: li.dataset.section!,
            })),
          );
        }
        return out;
      },
      questions.map((q) => q.q),
    );
    const answers = listed as Hit[][];
    const rows: string[] = [];
    for (const [g, ranks] of ranksByGuideline(keys, questions, answers)) {
      const m = metrics(ranks);
      const nm = noMatchMetrics(
        g,
        questions,
        answers.map((hits) => !hits.some((h) => h.guideline === g)),
      );
      rows.push(
        `| ${g} | keyword (Pagefind) | ${m.hit1.toFixed(3)} | ${m.hit3.toFixed(3)} | ${m.mrr.toFixed(3)} | ${nm.precision.toFixed(3)} | ${nm.recall.toFixed(3)} |`,
      );
    }
    return rows;
  } finally {
    await browser.close();
    await server.stop();
  }
}
