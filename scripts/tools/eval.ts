/**
 * `npm run eval`: per guideline and mode (hybrid, dense only, BM25 only; keyword mode with
 * `--site DIR`, see eval-keyword.ts), hit@1, hit@3 and MRR over the answerable questions, and the
 * precision and recall of "no close match" (out-of-scope questions should get it, answerable ones
 * should not) — for the Japanese set and the English one, reported apart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem } from '../../indexer/corpus/index.ts';
import { loadValidContent, readYamlList } from '../../indexer/corpus/node.ts';
import { embedderSetup, resolveEmbedder } from '../../indexer/embedders/node.ts';
import { KojoError } from '../../indexer/errors/index.ts';
import { isKojoError } from '../../indexer/errors/index.ts';
import {
  buildIndex,
  atThreshold,
  chooseThreshold,
  closeness,
  EvalQuestion,
  faqIndex,
  faqMetrics,
  isLatinQuestion,
  isOutOfScope,
  matchFaq,
  metrics,
  noMatchMetrics,
  openIndex,
  ranksByGuideline,
  type Answer,
  type CalibrationPoint,
  type Hit,
  type Metrics,
  type Mode,
  type NoMatchMetrics,
} from '../../indexer/search/node.ts';
import { reportError } from '../cli/report.ts';
import { keywordRows } from './eval-keyword.ts';
import { parseToolArgs } from '../cli/tool-args.ts';

/** One row of the closing table: a figure below its target is marked ✗. */
function summaryRow(set: string, g: string, m: Metrics, nm: NoMatchMetrics): string {
  const mark = (ok: boolean) => (ok ? '' : ' ✗');
  const hasOut = nm.outOfScope > 0;
  const falseRate = nm.answerable ? nm.falseNoMatch / nm.answerable : 0;
  return `| ${set} | ${g} | ${m.hit1.toFixed(3)}${mark(m.hit1 >= TARGET.hit1)} | ${m.hit3.toFixed(3)} | ${hasOut ? `${nm.recall.toFixed(3)}${mark(nm.recall >= TARGET.noMatchRecall)}` : '—'} | ${falseRate.toFixed(3)}${mark(falseRate <= TARGET.falseNoMatch)} (${nm.falseNoMatch}/${nm.answerable}) | ${hasOut ? nm.precision.toFixed(3) : '—'} |`;
}

/**
 * The tuning set's failures, to find their causes: each answerable question not answered first (with the
 * top 3 as shown, role and folding marked) and each wrong "no close match" verdict. Never for a held-back
 * set — listing its questions would invite tuning on them.
 */
function listMisses(
  g: string,
  questions: EvalQuestion[],
  ranks: (number | null)[],
  answers: Hit[][],
  asked: (Answer | null)[],
): void {
  const shown = (h: Hit) => `${h.section}:${h.id}${h.role === 'pointer' ? '[P]' : ''}${h.folded ? '[F]' : ''}`;
  const mine = questions.filter((q) => q.expect[g]);
  mine.forEach((q, i) => {
    const r = ranks[i];
    if (r === 1) return;
    const got = (answers[questions.indexOf(q)] ?? []).filter((h) => h.guideline === g).slice(0, 3);
    process.stderr.write(
      `  miss ${g} (rank ${r ?? '-'}): ${q.q} → want ${q.expect[g]!.join('/')}; got ${got.map(shown).join(', ')}\n`,
    );
  });
  questions.forEach((q, i) => {
    const v = asked[i]?.verdicts[g];
    const said = !v?.closeMatch;
    if (isOutOfScope(q) === said || (!isOutOfScope(q) && !q.expect[g])) return;
    const evidence = v ? `coverage ${v.coverage} words ${v.words} similarity ${v.similarity}` : 'empty';
    process.stderr.write(`  ${said ? 'false no-match' : 'missed no-match'} ${g}: ${q.q} (${evidence})\n`);
  });
}

/**
 * The calibration of "no close match" on a tuning set (issue 19), re-runnable: per guideline, the
 * threshold in use and what it gives, the threshold the set's points support (chooseThreshold: highest
 * recall within the false no-match target, mid-gap), and the scores either side of the boundary.
 */
function calibration(
  name: string,
  keys: readonly string[],
  questions: EvalQuestion[],
  asked: (Answer | null)[],
  embedder: string,
): string {
  // The set's language is its questions' majority script.
  const latin = questions.filter((q) => isLatinQuestion(q.q)).length * 2 > questions.length;
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' ');
  const lines: string[] = [];
  let inUse = 0;
  const points: CalibrationPoint[] = [];
  for (const g of keys) {
    questions.forEach((q, i) => {
      if (!isOutOfScope(q) && !q.expect[g]) return;
      const a = asked[i];
      // A question in the set's other script (xyzzy among the Japanese ones) is decided on the other scale.
      if (a && isLatinQuestion(a.normalizedQuery) !== latin) return;
      const v = a?.verdicts[g];
      // A question with nothing to search for is "no close match" whatever the threshold.
      const c = v ? closeness(v, embedder, isLatinQuestion(a.normalizedQuery)) : { score: -1, threshold: inUse };
      inUse = c.threshold;
      points.push({ score: c.score, outOfScope: isOutOfScope(q), guideline: g });
    });
    const mine = points.filter((p) => p.guideline === g);
    const now = atThreshold(mine, inUse);
    const low = mine
      .filter((p) => !p.outOfScope)
      .map((p) => p.score)
      .sort((a, b) => a - b);
    const high = mine
      .filter((p) => p.outOfScope)
      .map((p) => p.score)
      .sort((a, b) => b - a);
    lines.push(
      `  ${g}: at ${inUse.toFixed(3)} recall ${now.recall.toFixed(3)}, false ${now.falseRate.toFixed(3)}; lowest answerable ${fmt(low.slice(0, 5))}; highest out-of-scope ${fmt(high.slice(0, 6))}`,
    );
  }
  const c = chooseThreshold(points, TARGET.falseNoMatch);
  return `"No close match" on ${name}, ${embedder} embedder — the figure confidence.ts decides on, against its threshold:\n${lines.join('\n')}\n  the points support ${c.threshold.toFixed(4)} (highest recall with every guideline's false no-match ≤ ${TARGET.falseNoMatch}, mid-gap): recall ${c.recall.toFixed(3)}, false ${c.falseRate.toFixed(3)}\n\n`;
}

const modeNames: Record<Mode, string> = { hybrid: 'hybrid', dense: 'dense only', lexical: 'BM25 only' };

/**
 * The Japanese sets and the English ones, reported apart: each language is judged on its own. The
 * tuning sets are what ranking and "no close match" were calibrated on; the held-back sets were written
 * before that tuning and are never tuned on (issue 19): their figures say whether the tuning holds.
 */
const defaultSets: { name: string; file: string; heldBack?: boolean }[] = [
  { name: 'Japanese', file: 'tests/eval/questions.yml' },
  { name: 'English', file: 'tests/eval/questions-en.yml' },
  { name: 'Japanese held-back', file: 'tests/eval/held-back.yml', heldBack: true },
  { name: 'English held-back', file: 'tests/eval/held-back-en.yml', heldBack: true },
  // Written blind on 2026-12-04, before that session's calibration (a held-back set is never edited after its results are seen).
  { name: 'Japanese held-back 2', file: 'tests/eval/held-back-2.yml', heldBack: true },
  { name: 'English held-back 2', file: 'tests/eval/held-back-2-en.yml', heldBack: true },
  // Written blind on 2026-12-04 by a helper who never ran the search nor read its code or the synonyms: every chapter, appendix and column, in users' words.
  { name: 'Japanese held-back 3', file: 'tests/eval/held-back-3.yml', heldBack: true },
  { name: 'English held-back 3', file: 'tests/eval/held-back-3-en.yml', heldBack: true },
];

/** As many results per guideline as the page and `kojo ask` show: answers are arranged among these (present.ts). */
const SHOWN = 5;

/** Issue 19's targets, printed beside the figures. */
const TARGET = { hit1: 0.85, noMatchRecall: 0.85, falseNoMatch: 0.03 };

try {
  const values = parseToolArgs(
    'eval',
    'Retrieval quality per guideline: hit@1, hit@3 and MRR for hybrid, dense-only and BM25-only search.',
    {
      content: { type: 'string', default: 'content', value: 'DIR', description: 'the content folder' },
      questions: {
        type: 'string',
        value: 'FILE',
        description: 'one set of evaluation questions (default: the Japanese and the English sets, reported apart)',
      },
      embedder: { type: 'string', default: 'auto', value: 'NAME', description: 'the embedder to evaluate' },
      misses: {
        type: 'boolean',
        default: false,
        description:
          'list, for the tuning sets only, the questions hybrid search does not answer first and the wrong no-match verdicts',
      },
      site: {
        type: 'string',
        value: 'DIR',
        description: 'a built site (npm run build): also measure its keyword mode (Pagefind, in Chromium)',
      },
    },
  );
  const sets = values.questions ? [{ name: values.questions, file: values.questions }] : defaultSets;
  const corpus = await loadValidContent(values.content);
  const setup = embedderSetup();
  const { plugin, reason } = resolveEmbedder(values.embedder, setup);
  process.stderr.write(`eval: embedder ${plugin.id} — ${reason}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'kojo-eval-'));
  await buildIndex(corpus, { contentDir: values.content, out: dir, embedder: plugin, setup });
  const { engine } = await openIndex(dir, { setup });
  const keys = corpus.guidelines.keys;
  const summary: string[] = [];
  for (const set of sets) {
    const { items, problems } = await readYamlList(set.file, set.file, EvalQuestion);
    if (problems[0]) throw new KojoError('usage', formatProblem(problems[0]));
    const questions = items.map((i) => i.value);
    const modes: Mode[] = ['hybrid', 'dense', 'lexical'];
    // Without out-of-scope questions a set measures answers only: no-match figures would be empty ratios.
    const outOfScope = questions.some(isOutOfScope);
    const rows: string[] = [];
    for (const mode of modes) {
      const answers: Hit[][] = [];
      const asked: (Answer | null)[] = [];
      for (const q of questions) {
        // A question with nothing left to search for is "no close match" as the views tell it.
        const answer = await engine.ask(q.q, { k: SHOWN, mode }).catch((error: unknown) => {
          if (isKojoError(error, 'empty-question')) return null;
          throw error;
        });
        asked.push(answer);
        answers.push(answer?.hits ?? []);
      }
      if (mode === 'hybrid' && !set.heldBack)
        process.stdout.write(calibration(set.name, keys, questions, asked, plugin.name));
      for (const [g, ranks] of ranksByGuideline(keys, questions, answers)) {
        const m = metrics(ranks);
        const nm = noMatchMetrics(
          g,
          questions,
          asked.map((a) => !a || !a.verdicts[g]!.closeMatch),
        );
        if (mode === 'hybrid') summary.push(summaryRow(set.name, g, m, nm));
        rows.push(
          `| ${g} | ${modeNames[mode]} | ${m.hit1.toFixed(3)} | ${m.hit3.toFixed(3)} | ${m.mrr.toFixed(3)} | ${outOfScope ? nm.precision.toFixed(3) : '—'} | ${outOfScope ? nm.recall.toFixed(3) : '—'} |`,
        );
        if (values.misses && mode === 'hybrid' && !set.heldBack) listMisses(g, questions, ranks, answers, asked);
      }
    }
    if (values.site) rows.push(...(await keywordRows(values.site, keys, questions)));
    const faqs = faqIndex(
      corpus.faq.map((f) => ({ id: f.id, question: f.question })),
      engine.synonyms,
    );
    const faq = faqMetrics(
      questions,
      questions.map((q) => matchFaq(faqs, q.q)?.id ?? null),
    );
    const answerable = questions.filter((q) => !isOutOfScope(q)).length;
    const header =
      '| guideline | mode | hit@1 | hit@3 | MRR | no-match precision | no-match recall |\n|---|---|---|---|---|---|---|';
    rows.sort((a, b) => keys.indexOf(a.split(' | ')[0]!.slice(2)) - keys.indexOf(b.split(' | ')[0]!.slice(2)));
    process.stdout.write(
      `${set.name}: ${answerable} answerable and ${questions.length - answerable} out-of-scope questions, embedder ${plugin.id}\n\n${header}\n${rows.join('\n')}\n\n`,
    );
    if (faq.labelled) {
      process.stdout.write(
        `FAQ shown above the results: precision ${faq.precision.toFixed(3)}, recall ${faq.recall.toFixed(3)} over ${faq.labelled} questions labelled with their FAQ entry; also shown for ${faq.unlabelled} unlabelled answerable questions\n\n`,
      );
    }
  }
  process.stdout.write(
    `Hybrid search against issue 19's targets (hit@1 ≥ ${TARGET.hit1} per guideline without losing hit@3; no-match recall ≥ ${TARGET.noMatchRecall} with false no-match ≤ ${TARGET.falseNoMatch}):\n\n| set | guideline | hit@1 | hit@3 | no-match recall | false no-match | no-match precision |\n|---|---|---|---|---|---|---|\n${summary.join('\n')}\n`,
  );
  await rm(dir, { recursive: true, force: true });
} catch (error) {
  process.exitCode = reportError('eval', error);
}
