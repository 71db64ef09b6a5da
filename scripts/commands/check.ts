import { checkContent } from '../../indexer/corpus/node.ts';
import {
  coverageLine,
  formatProblem,
  isError,
  officialCoverage,
  problemCount,
  ruleList,
} from '../../indexer/corpus/index.ts';
import { defineCommand } from '../cli/command.ts';
import { say } from '../cli/terminal.ts';
import { contentOption, jsonOption, printRows } from './shared.ts';

export default defineCommand({
  name: 'check',
  description:
    'Validates all content; prints each problem as file:line: severity rule: message and a count (exit 1 on any error; warnings alone pass), else a one-line summary.',
  options: {
    content: contentOption,
    json: { ...jsonOption, description: 'print the problems as a JSON array of {file, line, severity, rule, message}' },
    rules: { type: 'boolean', default: false, description: 'list the rules kojo check applies, with their severity' },
  },
  async run({ content, json, rules }) {
    if (rules) return printRows(ruleList(), json, (r) => `${r.rule}\t${r.severity}\t${r.description}`);
    const { corpus, problems } = await checkContent(content);
    const failed = problems.some(isError);
    if (json) process.stdout.write(`${JSON.stringify(problems, ['file', 'line', 'severity', 'rule', 'message'], 2)}\n`);
    // A line break in a file name would forge a line of its own (an "ok"): every problem stays one line.
    else say(process.stdout, ...problems.map(formatProblem));
    if (problems.length) process.stderr.write(`kojo check: ${problemCount(problems)}\n`);
    if (failed) return 1;
    if (json) return 0;
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
    say(
      process.stdout,
      `ok — ${summary.join('; ')}; ${corpus.notes.length} practice notes; ${corpus.sources.length} sources cited by ${cited} clauses; ${corpus.faq.length} FAQ entries${items ? `; ${items} checklist items` : ''}`,
    );
    return 0;
  },
});
