/**
 * Text shown in a terminal must not steer it: an escape sequence in a clause title (`\x1b[31m`) or a
 * bidi override in a question would recolour, move or reorder what the reader sees.
 */

/** C0 controls but \t and \n, DEL and C1 (ESC and CSI among them), and the bidi embedding/override/isolate controls. */
const unprintable = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text with every character that could control a terminal or reorder text removed. */
export function printable(text: string): string {
  return text.replace(unprintable, '');
}

/** The same controls, plus line breaks and tabs, which would forge or split a one-line message. */
const escapable = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The text with every control, line break and bidi character shown escaped (`\u001b`, `\n`): for a
 * name or value a user gave (a file name, an argument) echoed in a one-line message, where dropping
 * the character would misname it and keeping it would let it rewrite the terminal.
 */
export function escaped(text: string): string {
  return text.replace(escapable, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
