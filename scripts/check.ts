import { parseArgs } from 'node:util';
import { checkCorpus } from '../indexer/check.ts';
import { loadContent } from '../indexer/content.ts';
import { formatProblem, sortProblems } from '../indexer/problems.ts';
import { guidelineKeys } from '../indexer/schema.ts';

export const usage = 'kojo check [--content DIR]   validate all content';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { content: { type: 'string', default: 'content' } }, strict: true });
  const { corpus, problems } = await loadContent(values.content!);
  const all = sortProblems([...problems, ...checkCorpus(corpus)]);
  for (const p of all) process.stdout.write(`${formatProblem(p)}\n`);
  if (all.length) {
    process.stderr.write(`kojo check: ${all.length} problem${all.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  const summary = guidelineKeys.map((key) => {
    const clauses = corpus.clauses.filter((c) => c.guideline === key);
    const ids = new Set(clauses.map((c) => c.id));
    const mappings = corpus.mappings.filter((m) => ids.has(m.from) || (m.to && ids.has(m.to)) || m.from.startsWith(`${key}:`) || m.to?.startsWith(`${key}:`)).length;
    const terms = corpus.glossary.filter((t) => t.clauses.some((r) => ids.has(r))).length;
    return `${key}: ${clauses.length} clauses, ${mappings} mappings, ${terms} terms`;
  });
  process.stdout.write(`ok — ${summary.join('; ')}; ${corpus.faq.length} FAQ entries\n`);
  return 0;
}
