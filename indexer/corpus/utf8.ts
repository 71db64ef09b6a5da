/**
 * Content files are UTF-8. Read any other way (`readFile(…, 'utf8')`), a Shift_JIS file turns into
 * replacement characters that pass every check and are indexed as mojibake; a strict decoder says so.
 */
import { type Problem, problem } from './problems.ts';

/** fatal: invalid bytes throw instead of becoming U+FFFD; a leading BOM is dropped (ignoreBOM is off). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { text: string; problem: null } | { text: null; problem: Problem };

/** The file's text, or the problem to report at its first line. */
export function decodeContent(bytes: Uint8Array, file: string): Decoded {
  try {
    return { text: strictUtf8.decode(bytes), problem: null };
  } catch {
    return { text: null, problem: problem('not-utf8', file, 1, 'not UTF-8 text (save it as UTF-8)') };
  }
}
