import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { isKojoError, KojoError, osReason } from '../../indexer/errors/index.ts';
import {
  contentHashWithin,
  DEFAULT_INDEX_DIR,
  SITE_INDEX_DIR,
  STALENESS_LIMITS,
} from '../../indexer/index-format/node.ts';
import { indexSession, openIndex, type Answer } from '../../indexer/search/node.ts';
import { MAX_QUESTION_CHARS } from '../../indexer/text/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { linkMaker } from '../cli/base-url.ts';
import { defineCommand } from '../cli/command.ts';
import { faqFor, type FaqAnswer } from '../cli/faq.ts';
import { formatAnswer } from '../cli/format-answer.ts';
import { say } from '../cli/terminal.ts';
import { baseUrlOption, embedderOption, jsonOption } from './shared.ts';

export default defineCommand({
  name: 'ask',
  operands: 'QUESTION|-',
  description: t('ask.help'),
  options: {
    index: {
      type: 'string',
      value: 'DIR',
      description: t('ask.option.index', { index: DEFAULT_INDEX_DIR, site: SITE_INDEX_DIR }),
    },
    k: { type: 'integer', min: 1, max: 50, default: 5, value: 'N', description: t('ask.option.k') },
    guideline: { type: 'string', value: 'KEY', description: t('ask.option.guideline') },
    embedder: { ...embedderOption, description: t('ask.option.embedder') },
    'base-url': baseUrlOption,
    json: jsonOption,
  },
  async run(values, operands) {
    const { k } = values;
    const link = linkMaker(values['base-url']);
    const question = operands.join(' ');
    if (!question.trim()) throw new KojoError('usage', t('ask.emptyQuestion'));

    const dir =
      values.index ??
      (existsSync(DEFAULT_INDEX_DIR) || !existsSync(SITE_INDEX_DIR) ? DEFAULT_INDEX_DIR : SITE_INDEX_DIR);
    const opened = await openIndex(dir, { embedder: values.embedder });
    const { engine, folder, embedder, notes } = opened;
    const keys = engine.guidelines.map((g) => g.key);
    if (values.guideline && !keys.includes(values.guideline)) {
      throw new KojoError('usage', t('cli.error.choice', { name: 'guideline', choices: keys, got: values.guideline }));
    }
    if (!values.index && dir === SITE_INDEX_DIR)
      notes.push(t('ask.siteIndex', { site: SITE_INDEX_DIR, index: DEFAULT_INDEX_DIR }));
    const { contentDir } = folder.manifest;
    const shown = relative(process.cwd(), contentDir) || '.';
    // The content is only consulted for this note: content the OS will not read costs the note, not the
    // answer, and a folder far larger than any content (a manifest naming / ) is not read at all.
    const hash = existsSync(contentDir)
      ? await contentHashWithin(contentDir).then(
          (h) => {
            if (h === null) notes.push(t('ask.contentTooLarge', { shown, ...STALENESS_LIMITS }));
            return h ?? folder.manifest.contentHash;
          },
          (error: unknown) => {
            const reason = osReason(error);
            if (!reason) throw error;
            notes.push(t('ask.cannotTell', { shown, reason }));
            return folder.manifest.contentHash;
          },
        )
      : folder.manifest.contentHash;
    if (hash !== folder.manifest.contentHash) {
      const rebuild = `kojo build-index${shown === 'content' ? '' : ` --content ${shown}`}${dir === DEFAULT_INDEX_DIR ? '' : ` --out ${dir}`}`;
      notes.push(t('ask.stale', { shown, dir, rebuild }));
    }
    for (const note of notes) say(process.stderr, t('cli.note', { note }));

    const options = { k, guideline: values.guideline };
    // The FAQ entry the question asks comes first, as on the site (matched by the same function).
    const answerOf = async (now: Pick<typeof opened, 'engine' | 'folder'>, q: string): Promise<Asked> => {
      const kept = q.slice(0, KEPT_CHARS);
      const [answer, faq] = await Promise.all([
        now.engine.ask(kept, options),
        faqFor(now.folder, now.engine.synonyms, kept),
      ]);
      return { answer: linked(answer, link), faq: faq && { ...faq, url: link(faq.url) } };
    };
    if (question === '-') {
      // A session outlives rebuilds of its index: each question asks the index as it is now.
      const session = indexSession(dir, opened, { embedder: values.embedder });
      return batch((q) => session.run(async (now) => ({ ...(await answerOf(now, q)), embedder: now.embedder.id })));
    }
    const { answer, faq } = await answerOf(opened, question);
    if (values.json)
      process.stdout.write(`${JSON.stringify(publicAnswer(answer, faq, embedder.id, question), null, 2)}\n`);
    else process.stdout.write(formatAnswer(answer, engine.guidelines, { color: Boolean(process.stdout.isTTY), faq }));
    return 0;
  },
});

/**
 * How much of a question is kept: the search reads only MAX_QUESTION_CHARS once cleaned, and what
 * cleaning removes (spaces, control characters) is a fraction of any real text, so a margin of four
 * times that answers exactly as the whole would — without holding a pasted 75 MB document.
 */
const KEPT_CHARS = MAX_QUESTION_CHARS * 4;

interface Asked {
  answer: Answer;
  faq: FaqAnswer | null;
}

/** The answer with every link (hits and their counterparts) made by `link`. */
function linked(answer: Answer, link: (path: string) => string): Answer {
  return {
    ...answer,
    hits: answer.hits.map((h) => ({
      ...h,
      url: link(h.url),
      related: h.related.map((r) => ({ ...r, url: link(r.url) })),
    })),
  };
}

/** Batch mode for tools and benchmarks: one question per line in, one JSON object per line out. */
async function batch(answerOf: (q: string) => Promise<Asked & { embedder: string }>): Promise<number> {
  let failures = 0;
  for await (const { text, number, cut } of boundedLines(process.stdin, KEPT_CHARS)) {
    if (!text.trim()) continue;
    try {
      const { answer, faq, embedder } = await answerOf(text);
      await written(`${JSON.stringify(publicAnswer(answer, faq, embedder, text, cut))}\n`);
    } catch (error) {
      if (!isKojoError(error)) throw error;
      failures++;
      // stdout keeps one object per line for the program reading it; stderr tells the person.
      say(process.stderr, t('ask.lineError', { line: number, message: error.message }));
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

function publicAnswer(answer: Answer, faq: FaqAnswer | null, embedder: string, asked: string, cut = false) {
  return {
    ...echo(asked, cut),
    normalizedQuery: answer.normalizedQuery,
    embedder,
    faq,
    guidelines: answer.verdicts,
    ...(answer.notes && { notes: answer.notes }),
    hits: answer.hits,
  };
}
