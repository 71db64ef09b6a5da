import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { createInterface } from 'node:readline';
import { contentHash } from '../../indexer/corpus/node.ts';
import { KojoError, isKojoError } from '../../indexer/errors/index.ts';
import { DEFAULT_INDEX_DIR, SITE_INDEX_DIR } from '../../indexer/index-format/node.ts';
import { openIndex, type Answer, type Engine } from '../../indexer/search/node.ts';
import { defineCommand } from '../cli/command.ts';
import { formatAnswer } from '../cli/format-answer.ts';
import { embedderOption, jsonOption } from './shared.ts';

export default defineCommand({
  name: 'ask',
  operands: 'QUESTION|-',
  description:
    'Answers a question from every guideline (top k each) with snippets, links and mapped counterparts. "-" reads one question per line from stdin and prints one JSON object per line.',
  options: {
    index: { type: 'string', value: 'DIR', description: `the index to ask (default: ${DEFAULT_INDEX_DIR}, else the site build's ${SITE_INDEX_DIR})` },
    k: { type: 'string', default: '5', value: 'N', description: 'answers per guideline, 1 to 50' },
    guideline: { type: 'string', value: 'KEY', description: 'answer from this guideline only' },
    embedder: { ...embedderOption, description: "the index's own embedder (auto), or a name that must match it" },
    json: jsonOption,
  },
  async run(values, operands) {
    const k = Number(values.k);
    if (!Number.isInteger(k) || k < 1 || k > 50) throw new KojoError('usage', `--k must be a whole number from 1 to 50 (got "${values.k}")`);
    const question = operands.join(' ');
    if (!question.trim()) throw new KojoError('usage', 'the question is empty: kojo ask "古いOS端末はどうすればいい？" (or - to read questions from stdin)');

    const dir = values.index ?? (existsSync(DEFAULT_INDEX_DIR) || !existsSync(SITE_INDEX_DIR) ? DEFAULT_INDEX_DIR : SITE_INDEX_DIR);
    const { engine, folder, embedder, notes } = await openIndex(dir, { embedder: values.embedder });
    const keys = engine.data.guidelines.map((g) => g.key);
    if (values.guideline && !keys.includes(values.guideline)) {
      throw new KojoError('usage', `--guideline must be one of ${keys.join(', ')} (got "${values.guideline}")`);
    }
    if (!values.index && dir === SITE_INDEX_DIR) notes.push(`asking the site build's index at ${SITE_INDEX_DIR} (no ${DEFAULT_INDEX_DIR} yet)`);
    const { contentDir } = folder.manifest;
    if (existsSync(contentDir) && (await contentHash(contentDir)) !== folder.manifest.contentHash) {
      const shown = relative(process.cwd(), contentDir) || '.';
      const rebuild = `kojo build-index${shown === 'content' ? '' : ` --content ${shown}`}${dir === DEFAULT_INDEX_DIR ? '' : ` --out ${dir}`}`;
      notes.push(`${shown}/ has changed since the index at ${dir} was built; run "${rebuild}" to include the changes`);
    }
    for (const note of notes) process.stderr.write(`kojo: note: ${note}\n`);

    const answerOf = (q: string) => engine.ask(q, { k, guideline: values.guideline });
    if (question === '-') return batch(answerOf, embedder.id);
    const answer = await answerOf(question);
    if (values.json) process.stdout.write(`${JSON.stringify(publicAnswer(answer, embedder.id), null, 2)}\n`);
    else process.stdout.write(formatAnswer(answer, engine.data, { color: Boolean(process.stdout.isTTY) }));
    return 0;
  },
});

/** Batch mode for tools and benchmarks: one question per line in, one JSON object per line out. */
async function batch(answerOf: (q: string) => ReturnType<Engine['ask']>, embedder: string): Promise<number> {
  let failures = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    try {
      process.stdout.write(`${JSON.stringify(publicAnswer(await answerOf(line), embedder))}\n`);
    } catch (error) {
      if (!isKojoError(error)) throw error;
      failures++;
      process.stdout.write(`${JSON.stringify({ query: line, error: error.message, code: error.code })}\n`);
    }
  }
  return failures ? 1 : 0;
}

function publicAnswer(answer: Answer, embedder: string) {
  return { query: answer.query, normalizedQuery: answer.normalizedQuery, embedder, hits: answer.hits };
}
