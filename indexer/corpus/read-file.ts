/**
 * Reading one content file (Node): what it is and how big are asked first (stat), so a FIFO named
 * guidelines.yml cannot hang a reader and a 50 MB file is refused by its size before a byte of it is
 * read or parsed; then the bytes, strictly decoded as UTF-8.
 */
import { readFile, stat } from 'node:fs/promises';
import { sizeProblem } from './limits.ts';
import { type Problem, problem } from './problems.ts';
import { decodeContent } from './utf8.ts';

export type ContentFile =
  | { bytes: Uint8Array; text: string; problem: null }
  /** Read, but not UTF-8: the bytes are kept for a lenient look at what the file meant to define. */
  | { bytes: Uint8Array; text: null; problem: Problem }
  /** Not read at all: not a regular file, or too large. */
  | { bytes: null; text: null; problem: Problem };

/** Reads `path` (shown as `file`) within the limits; rejects only with what the OS refused (ENOENT…). */
export async function readContentFile(path: string, file: string): Promise<ContentFile> {
  const info = await stat(path);
  if (!info.isFile()) {
    const what = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe (FIFO)' : 'not a regular file';
    return {
      bytes: null,
      text: null,
      problem: problem('file-not-regular', file, 1, `${what}; a content file is a regular file`),
    };
  }
  const tooLarge = sizeProblem(info.size, file);
  if (tooLarge) return { bytes: null, text: null, problem: tooLarge };
  const bytes = await readFile(path);
  // A file that grew between stat and read is judged by what was read.
  const grown = sizeProblem(bytes.length, file);
  if (grown) return { bytes: null, text: null, problem: grown };
  const decoded = decodeContent(bytes, file);
  return decoded.problem
    ? { bytes, text: null, problem: decoded.problem }
    : { bytes, text: decoded.text, problem: null };
}
