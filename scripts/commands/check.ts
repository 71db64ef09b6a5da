import { checkContent } from '../../indexer/corpus/node.ts';
import { coverageLine, formatProblem, officialCoverage } from '../../indexer/corpus/index.ts';
import { defineCommand } from '../cli/command.ts';
import { contentOption } from './shared.ts';

export default defineCommand({
  name: 'check',
  description:
    'Validates all content; prints each problem as file:line: message (exit 1 if any), else a one-line summary.',
  options: { content: contentOption },
  async run({ content }) {
    const { corpus, problems } = await checkContent(content);
    for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
    if (problems.length) {
      process.stderr.write(`kojo check: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
      return 1;
    }
    const coverage = officialCoverage(corpus);
    const summary = corpus.guidelines.keys.map((key, i) => {
      const clauses = corpus.clauses.filter((c) => c.guideline === key);
      const ids = new Set(clauses.map((c) => c.id));
      const touches = (ref: string | null) => ref !== null && (ids.has(ref) || ref.startsWith(`${key}:`));
      const mappings = corpus.mappings.filter((m) => touches(m.from) || touches(m.to)).length;
      const terms = corpus.glossary.filter((t) => t.clauses.some((r) => ids.has(r))).length;
      return `${key}: ${clauses.length} clauses, ${mappings} mappings, ${terms} terms, ${coverageLine(coverage[i]!)}`;
    });
    const cited = corpus.clauses.filter((c) => c.sources.length).length;
    const items = corpus.checklist.items.length;
    process.stdout.write(
      `ok — ${summary.join('; ')}; ${corpus.notes.length} practice notes; ${corpus.sources.length} sources cited by ${cited} clauses; ${corpus.faq.length} FAQ entries${items ? `; ${items} checklist items` : ''}\n`,
    );
    return 0;
  },
});
