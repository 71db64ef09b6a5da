/** Options several commands share, written once so they read the same everywhere. */
import { embedderChoices } from '../../indexer/embedders/node.ts';
import { t } from '../../indexer/wording/index.ts';
import type { OptionSpec } from '../cli/command.ts';
import { say } from '../cli/terminal.ts';

export const contentOption = {
  type: 'string',
  default: 'content',
  value: 'DIR',
  description: t('option.content'),
} as const satisfies OptionSpec;
export const jsonOption = {
  type: 'boolean',
  default: false,
  description: t('option.json'),
} as const satisfies OptionSpec;
/** --base-url (scripts/cli/base-url.ts): every link printed absolute under the site's address. */
export const baseUrlOption = {
  type: 'string',
  value: 'URL',
  description: t('ask.baseUrl'),
} as const satisfies OptionSpec;
export const embedderOption = {
  type: 'enum',
  choices: embedderChoices,
  default: 'auto',
  description: t('option.embedder'),
} as const satisfies OptionSpec;

/** Prints rows as JSON, or one line per row. */
export function printRows<T>(rows: T[], json: boolean, line: (row: T) => string): number {
  if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else say(process.stdout, ...rows.map(line));
  return 0;
}
