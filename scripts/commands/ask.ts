import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { isKojoError, KojoError, osReason } from '../../indexer/errors/index.ts';
import { contentHash, DEFAULT_INDEX_DIR, SITE_INDEX_DIR } from '../../indexer/index-format/node.ts';
import { openIndex, type Answer, type Engine } from '../../indexer/search/node.ts';
import { MAX_QUESTION_CHARS } from '../../indexer/text/index.ts';
import { defineCommand } from '../cli/command.ts';
import { formatAnswer } from '../cli/format-answer.ts';
import { say } from '../cli/terminal.ts';
import { embedderOption, jsonOption } from './shared.ts';

export default defineCommand({
  name: 'ask',
  operands: 'QUESTION|-',
  description:
    'Answers a question from every guideline (top k each) with snippets, links and mapped counterparts. "-" reads one question per line from stdin and prints one JSON object per line.',
  options: {
    index: {
      type: 'string',
      value: 'DIR',
      description: `the index to ask (default: ${DEFAULT_INDEX_DIR}, else the site build's ${SITE_INDEX_DIR})`,
    },
    k: { type: 'integer', min: 1, max: 50, default: 5, value: 'N', description: 'answers per guideline' },
    guideline: { type: 'string', value: 'KEY', description: 'answer from this guideline only' },
    embedder: { ...embedderOption, description: "the index's own embedder (auto), or a name that must match it" },
    json: jsonOption,
  },
  async run(values, operands) {
    const { k } = values;
    const question = operands.join(' ');
    if (!question.trim())
      throw new KojoError(
        'usage',
        'the question is empty: kojo ask "古いOS端末はどうすればいい？" (or - to read questions from stdin)',
      );

    const dir =
      values.index ??
      (existsSync(DEFAULT_INDEX_DIR) || !existsSync(SITE_INDEX_DIR) ? DEFAULT_INDEX_DIR : SITE_INDEX_DIR);
    const { engine, folder, embedder, notes } = await openIndex(dir, { embedder: values.embedder });
    const keys = engine.guidelines.map((g) => g.key);
    if (values.guideline && !keys.includes(values.guideline)) {
      throw new KojoError('usage', `--guideline must be one of ${keys.join(', ')} (got "${values.guideline}")`);
    }
    if (!values.index && dir === SITE_INDEX_DIR)
      notes.push(`asking the site build's index at ${SITE_INDEX_DIR} (no ${DEFAULT_INDEX_DIR} yet)`);
    const { contentDir } = folder.manifest;
    const shown = relative(process.cwd(), contentDir) || '.';
    // The content is only consulted for this note: content the OS will not read costs the note, not the answer.
    const hash = existsSync(contentDir)
      ? await contentHash(contentDir).catch((error: unknown) => {
          const reason = osReason(error);
          if (!reason) throw error;
          notes.push(`cannot tell whether ${shown}/ has changed since the index was built: ${reason}`);
          return folder.manifest.contentHash;
        })
      : folder.manifest.contentHash;
    if (hash !== folder.manifest.contentHash) {
      const rebuild = `kojo build-index${shown === 'content' ? '' : ` --content ${shown}`}${dir === DEFAULT_INDEX_DIR ? '' : ` --out ${dir}`}`;
      notes.push(`${shown}/ has changed since the index at ${dir} was built; run "${rebuild}" to include the changes`);
    }
    for (const note of notes) say(process.stderr, `kojo: note: ${note}`);

    const answerOf = (q: string) => engine.ask(q.slice(0, KEPT_CHARS), { k, guideline: values.guideline });
    if (question === '-') return batch(answerOf, embedder.id);
    const answer = await answerOf(question);
    if (values.json) process.stdout.write(`${JSON.stringify(publicAnswer(answer, embedder.id, question), null, 2)}\n`);
    else process.stdout.write(formatAnswer(answer, engine.guidelines, { color: Boolean(process.stdout.isTTY) }));
    return 0;
  },
});

/**
 * How much of a question is kept: the search reads only MAX_QUESTION_CHARS once cleaned, and what
 * cleaning removes (spaces, control characters) is a fraction of any real text, so a margin of four
 * times that answers exactly as the whole would — without holding a pasted 75 MB document.
 */
const KEPT_CHARS = MAX_QUESTION_CHARS * 4;

/** Batch mode for tools and benchmarks: one question per line in, one JSON object per line out. */
async function batch(answerOf: (q: string) => ReturnType<Engine['ask']>, embedder: string): Promise<number> {
  let failures = 0;
  for await (const { text, number, cut } of boundedLines(process.stdin, KEPT_CHARS)) {
    if (!text.trim()) continue;
    try {
      await written(`${JSON.stringify(publicAnswer(await answerOf(text), embedder, text, cut))}\n`);
    } catch (error) {
      if (!isKojoError(error)) throw error;
      failures++;
      // stdout keeps one object per line for the program reading it; stderr tells the person.
      say(process.stderr, `kojo: line ${number}: ${error.message}`);
      await written(`${JSON.stringify({ ...echo(text, cut), error: error.message, code: error.code })}\n`);
    }
  }
  return failures ? 1 : 0;
}

/**
 * Writes a line of batch output and, when stdout's buffer is full (a reader slower than the
 * answers), waits for it to drain: the next question is read only then, so memory stays bounded.
 */
function written(line: string): Promise<void> | undefined {
  if (process.stdout.write(line)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

/**
 * Lines of a stream, each kept to its first `keep` characters (`cut` says it was longer): memory
 * stays bounded by the chunk size however long a line is. `\r\n` ends a line as `\n` does.
 */
async function* boundedLines(
  input: AsyncIterable<Buffer | string>,
  keep: number,
): AsyncGenerator<{ text: string; number: number; cut: boolean }> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  let cut = false;
  let number = 0;
  const take = (piece: string) => {
    const room = keep - text.length;
    if (piece.length > room) cut = true;
    if (room > 0) text += piece.slice(0, room);
  };
  const line = () => {
    number++;
    const ended = { text: cut ? text : text.replace(/\r$/, ''), number, cut };
    text = '';
    cut = false;
    return ended;
  };
  const split = function* (s: string) {
    let start = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
      take(s.slice(start, nl));
      start = nl + 1;
      yield line();
    }
    take(s.slice(start));
  };
  for await (const chunk of input) yield* split(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  yield* split(decoder.end());
  if (text || cut) yield line();
}

/** Echo of the question: at most MAX_QUESTION_CHARS characters, so output stays the size of a question. */
function echo(question: string, cut = false): { query: string; truncated?: true } {
  if (question.length <= MAX_QUESTION_CHARS && !cut) return { query: question };
  let end = MAX_QUESTION_CHARS;
  // Never cut a surrogate pair (an emoji) in half.
  if (/[\uD800-\uDBFF]/.test(question.charAt(end - 1))) end--;
  return { query: question.slice(0, end), truncated: true };
}

function publicAnswer(answer: Answer, embedder: string, asked: string, cut = false) {
  return {
    ...echo(asked, cut),
    normalizedQuery: answer.normalizedQuery,
    embedder,
    guidelines: answer.verdicts,
    ...(answer.notes && { notes: answer.notes }),
    hits: answer.hits,
  };
}
