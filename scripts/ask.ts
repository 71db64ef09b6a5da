import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { contentHash } from '../indexer/content-hash.ts';
import { parseArgs } from 'node:util';
import { DEFAULT_INDEX_DIR } from '../indexer/index-format.ts';
import { guidelineKeys, type GuidelineKey } from '../indexer/schema.ts';
import { ask, EmptyQuestion, type Answer, type AskOptions } from '../indexer/search.ts';
import { nodeSearchers } from '../indexer/searchers.ts';
import { UserError } from './cli-error.ts';
import { parseEmbedderChoice } from './build-index.ts';
import { openIndex } from './open-index.ts';
import { formatAnswer } from './format-answer.ts';

export const usage = 'kojo ask [--index DIR] [--k N] [--guideline meti|gutp] [--embedder auto|e5|builtin] [--json] QUESTION|-   ask a question';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      index: { type: 'string', default: DEFAULT_INDEX_DIR },
      k: { type: 'string', default: '5' },
      guideline: { type: 'string' },
      embedder: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new UserError(`--k must be a whole number from 1 to 50 (got "${values.k}")`);
  const guideline = values.guideline as GuidelineKey | undefined;
  if (guideline && !guidelineKeys.includes(guideline)) throw new UserError(`--guideline must be meti or gutp (got "${guideline}")`);
  const question = positionals.join(' ');
  if (!question.trim()) throw new UserError('the question is empty: kojo ask "古いOS端末はどうすればいい？" (or - to read questions from stdin)');

  const { index, embedder } = await openIndex(values.index!, parseEmbedderChoice(values.embedder!));
  if (existsSync('content') && (await contentHash('content')) !== index.manifest.contentHash) {
    process.stderr.write(`kojo: note: content/ has changed since the index at ${values.index} was built; run "kojo build-index" to include the changes\n`);
  }
  const searchers = nodeSearchers(index, embedder);
  const options: AskOptions = { k, guideline };
  const answerOf = async (q: string): Promise<Answer> => {
    try {
      return await ask(q, index.data, searchers, options);
    } catch (error) {
      if (error instanceof EmptyQuestion) throw new UserError('the question is empty after removing punctuation and fillers');
      throw error;
    }
  };

  if (question === '-') {
    // Batch mode for tools and benchmarks: one question per line in, one JSON object per line out.
    let failures = 0;
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      try {
        process.stdout.write(`${JSON.stringify(publicAnswer(await answerOf(line), embedder.id))}\n`);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        failures++;
        process.stdout.write(`${JSON.stringify({ query: line, error: error.message })}\n`);
      }
    }
    return failures ? 1 : 0;
  }
  const answer = await answerOf(question);
  if (values.json) process.stdout.write(`${JSON.stringify(publicAnswer(answer, embedder.id), null, 2)}\n`);
  else process.stdout.write(formatAnswer(answer, index.data, { color: Boolean(process.stdout.isTTY) }));
  return 0;
}

function publicAnswer(answer: Answer, embedder: string) {
  return { query: answer.query, normalizedQuery: answer.normalizedQuery, embedder, hits: answer.hits };
}
