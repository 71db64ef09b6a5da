import { checkContent } from '../../indexer/corpus/node.ts';
import {
  mappingsFor,
  coverageLine,
  formatProblem,
  isError,
  officialCoverage,
  problemCount,
  ruleList,
} from '../../indexer/corpus/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';
import { say } from '../cli/terminal.ts';
import { contentOption, jsonOption, printRows } from './shared.ts';

export default defineCommand({
  name: 'check',
  description: t('check.help'),
  options: {
    content: contentOption,
    json: { ...jsonOption, description: t('check.json') },
    rules: { type: 'boolean', default: false, description: t('check.rules') },
  },
  async run({ content, json, rules }) {
    if (rules) return printRows(ruleList(), json, (r) => `${r.rule}\t${r.severity}\t${r.description}`);
    const { corpus, problems } = await checkContent(content);
    const failed = problems.some(isError);
    if (json) process.stdout.write(`${JSON.stringify(problems, ['file', 'line', 'severity', 'rule', 'message'], 2)}\n`);
    // A line break in a file name would forge a line of its own (an "ok"): every problem stays one line.
    else say(process.stdout, ...problems.map(formatProblem));
    if (problems.length) process.stderr.write(`${t('check.count', { count: problemCount(problems) })}\n`);
    if (failed) return 1;
    if (json) return 0;
    const coverage = officialCoverage(corpus);
    const pairMappings = mappingsFor(corpus.mappings, corpus.guidelines, undefined);
    const summary = corpus.guidelines.keys.map((key, i) => {
      const clauses = corpus.clauses.filter((c) => c.guideline === key);
      const ids = new Set(clauses.map((c) => c.id));
      const touches = (ref: string | null) => ref !== null && (ids.has(ref) || ref.startsWith(`${key}:`));
      // Between guidelines: the crosswalk's mappings are counted with their framework below.
      const mappings = pairMappings.filter((m) => touches(m.from) || touches(m.to)).length;
      const terms = corpus.glossary.filter((t) => t.clauses.some((r) => ids.has(r))).length;
      return t('check.guideline', {
        key,
        clauses: clauses.length,
        mappings,
        terms,
        official: coverageLine(coverage[i]!),
      });
    });
    for (const g of corpus.guidelines.references) {
      const entries = corpus.clauses.filter((c) => c.guideline === g.key).length;
      const mappings = mappingsFor(corpus.mappings, corpus.guidelines, g.key).length;
      summary.push(t('crosswalk.check.summary', { key: g.key, entries, mappings }));
    }
    const cited = corpus.clauses.filter((c) => c.sources.length).length;
    const items = corpus.checklist.items.length;
    say(
      process.stdout,
      t('check.ok', {
        guidelines: summary,
        notes: corpus.notes.length,
        sources: corpus.sources.length,
        cited,
        faq: corpus.faq.length,
        items,
      }),
    );
    return 0;
  },
});
