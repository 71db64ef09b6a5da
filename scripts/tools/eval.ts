/**
 * `npm run eval`: hit@1, hit@3 and MRR per guideline for hybrid, dense-only and BM25-only retrieval,
 * side by side, over tests/eval/questions.yml.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem } from '../../indexer/corpus/index.ts';
import { loadValidContent, readYamlList } from '../../indexer/corpus/node.ts';
import { embedderSetup, resolveEmbedder } from '../../indexer/embedders/node.ts';
import { KojoError } from '../../indexer/errors/index.ts';
import { buildIndex, EvalQuestion, metrics, openIndex, ranksByGuideline, type Hit, type Mode } from '../../indexer/search/node.ts';
import { reportError } from '../cli/report.ts';
import { parseToolArgs } from '../cli/tool-args.ts';

/** The Japanese set and the English one, reported apart: each language is judged on its own. */
const defaultSets = [
  { name: 'Japanese', file: 'tests/eval/questions.yml' },
  { name: 'English', file: 'tests/eval/questions-en.yml' },
];

const modeNames: Record<Mode, string> = { hybrid: 'hybrid', dense: 'dense only', lexical: 'BM25 only' };

try {
  const values = parseToolArgs('eval', 'Retrieval quality per guideline: hit@1, hit@3 and MRR for hybrid, dense-only and BM25-only search.', {
    content: { type: 'string', default: 'content', value: 'DIR', description: 'the content folder' },
    questions: { type: 'string', value: 'FILE', description: 'one set of evaluation questions (default: the Japanese and the English sets, reported apart)' },
    embedder: { type: 'string', default: 'auto', value: 'NAME', description: 'the embedder to evaluate' },
    misses: { type: 'boolean', default: false, description: 'list the questions hybrid search misses' },
  });
  const sets = values.questions ? [{ name: values.questions, file: values.questions }] : defaultSets;
  const corpus = await loadValidContent(values.content);
  const setup = embedderSetup();
  const { plugin, reason } = resolveEmbedder(values.embedder, setup);
  process.stderr.write(`eval: embedder ${plugin.id} — ${reason}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'kojo-eval-'));
  await buildIndex(corpus, { contentDir: values.content, out: dir, embedder: plugin, setup });
  const { engine } = await openIndex(dir, { setup });
  for (const set of sets) {
  const { items, problems } = await readYamlList(set.file, set.file, EvalQuestion);
  if (problems[0]) throw new KojoError('usage', formatProblem(problems[0]));
  const questions = items.map((i) => i.value);
  const keys = corpus.guidelines.keys;
  const modes: Mode[] = ['hybrid', 'dense', 'lexical'];
  const cells = new Map(keys.map((g) => [g, [] as string[]]));
  for (const mode of modes) {
    const answers: Hit[][] = [];
    for (const q of questions) answers.push((await engine.ask(q.q, { k: 10, mode })).hits);
    for (const [g, ranks] of ranksByGuideline(keys, questions, answers)) {
      const m = metrics(ranks);
      cells.get(g)!.push(m.hit1.toFixed(3), m.hit3.toFixed(3), m.mrr.toFixed(3));
      if (values.misses && mode === 'hybrid') {
        const asked = questions.filter((q) => q.expect[g]);
        asked.forEach((q, i) => {
          const r = ranks[i];
          const got = (answers[questions.indexOf(q)] ?? []).filter((h) => h.guideline === g).slice(0, 3);
          if (r === null || r === undefined || r > 3) process.stderr.write(`  miss ${g} (rank ${r ?? '-'}): ${q.q} → want ${q.expect[g]!.join('/')}; got ${got.map((h) => `${h.section}:${h.id}`).join(', ')}\n`);
        });
      }
    }
  }
  const header = `| guideline | ${modes.map((m) => `${modeNames[m]} hit@1 | hit@3 | MRR`).join(' | ')} |`;
  const rule = `|---|${modes.map(() => '---|---|---|').join('')}`;
  const rows = keys.map((g) => `| ${g} | ${cells.get(g)!.join(' | ')} |`);
  process.stdout.write(`${set.name}: ${questions.length} questions, embedder ${plugin.id}\n\n${header}\n${rule}\n${rows.join('\n')}\n\n`);
  }
  await rm(dir, { recursive: true, force: true });
} catch (error) {
  process.exitCode = reportError('eval', error);
}
