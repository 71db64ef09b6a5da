/**
 * The one way the CLI puts text in front of a person: every line it writes to stdout or stderr for
 * reading (messages, rows, summaries) goes through `say`, which shows control, line-break and bidi
 * characters escaped (`\u001b`, `\n`, `\u202e`). A file name, a title from content, an argument or a
 * library's message can then neither clear the screen, recolour or reorder text, nor forge a line
 * of its own ("ok …") by holding a line break. JSON for programs is written as it is.
 */
import { escaped } from '../../indexer/text/index.ts';

/** Writes each line, escaped, with its own line ending; a tab stays a tab (it separates columns, it cannot forge a line). */
export function say(stream: NodeJS.WritableStream, ...lines: string[]): void {
  stream.write(lines.map((line) => `${line.split('\t').map(escaped).join('\t')}\n`).join(''));
}

/**
 * An error's message as one line. A file error says its path, which may hold a line break: cutting
 * at the first one would lose the reason after it, so Node's own message is taken up to the path it
 * repeats (`ENOENT: no such file or directory`), the caller naming the file. Other errors keep their
 * first line (libraries add stacks below it).
 */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const { syscall, path } = (error ?? {}) as { syscall?: unknown; path?: unknown };
  if (typeof syscall === 'string' && typeof path === 'string') {
    const at = message.indexOf(`, ${syscall} '`);
    return at > 0 ? message.slice(0, at) : message.replace(/\n/g, ' ');
  }
  return message.split('\n')[0]!;
}
