/**
 * `npm run eval`: hit@1, hit@3 and MRR per guideline for hybrid, dense-only and BM25-only retrieval,
 * side by side, over tests/eval/questions.yml.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex } from '../indexer/build.ts';
import { createEmbedder, resolveEmbedder } from '../indexer/embedders/select.ts';
import { metrics, ranksByGuideline, EvalQuestion } from '../indexer/eval.ts';
import { loadIndex } from '../indexer/load-index.ts';
import { guidelineKeys } from '../indexer/schema.ts';
import { ask, type Hit, type Mode } from '../indexer/search.ts';
import { nodeSearchers } from '../indexer/searchers.ts';
import { readYamlList } from '../indexer/yaml-source.ts';
import { parseEmbedderChoice } from './build-index.ts';
import { reportError, UserError } from './cli-error.ts';
import { loadValidContent } from './load-valid-content.ts';

try {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      questions: { type: 'string', default: 'tests/eval/questions.yml' },
      embedder: { type: 'string', default: 'auto' },
      misses: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const { items, problems } = await readYamlList(values.questions!, values.questions!, EvalQuestion);
  if (problems.length) throw new UserError(`${problems[0]!.file}:${problems[0]!.line}: ${problems[0]!.message}`);
  const questions = items.map((i) => i.value);
  const corpus = await loadValidContent(values.content!);
  const resolved = resolveEmbedder(parseEmbedderChoice(values.embedder!));
  process.stderr.write(`eval: embedder ${resolved.id} — ${resolved.reason}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'kojo-eval-'));
  await buildIndex(corpus, { contentDir: values.content!, out: dir, embedder: (s) => createEmbedder(resolved, s) });
  const index = await loadIndex(dir);
  const searchers = nodeSearchers(index, await createEmbedder(resolved, index.builtin));
  const modes: Mode[] = ['hybrid', 'dense', 'lexical'];
  const modeNames: Record<Mode, string> = { hybrid: 'hybrid', dense: 'dense only', lexical: 'BM25 only' };
  const cells: Record<string, string[]> = { meti: [], gutp: [] };
  for (const mode of modes) {
    const answers: Hit[][] = [];
    for (const q of questions) answers.push((await ask(q.q, index.data, searchers, { k: 10, mode })).hits);
    const ranks = ranksByGuideline(questions, answers);
    for (const g of guidelineKeys) {
      const m = metrics(ranks[g]);
      cells[g]!.push(m.hit1.toFixed(3), m.hit3.toFixed(3), m.mrr.toFixed(3));
      if (values.misses && mode === 'hybrid') {
        questions.forEach((q, i) => {
          const r = ranks[g][i];
          if (r === null || r > 3) process.stderr.write(`  miss ${g} (rank ${r ?? '-'}): ${q.q} → want ${q[g].join('/')}; got ${answers[i]!.filter((h) => h.guideline === g).slice(0, 3).map((h) => `${h.section}:${h.id}`).join(', ')}\n`);
        });
      }
    }
  }
  const header = `| guideline | ${modes.map((m) => `${modeNames[m]} hit@1 | hit@3 | MRR`).join(' | ')} |`;
  const rule = `|---|${modes.map(() => '---|---|---|').join('')}`;
  const rows = guidelineKeys.map((g) => `| ${g} | ${cells[g]!.join(' | ')} |`);
  process.stdout.write(`${questions.length} questions, embedder ${resolved.id}\n\n${header}\n${rule}\n${rows.join('\n')}\n`);
  await rm(dir, { recursive: true, force: true });
} catch (error) {
  process.exitCode = reportError('eval', error);
}
