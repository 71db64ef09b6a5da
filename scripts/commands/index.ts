/**
 * The registry of `kojo`'s commands: name, one-line summary, and the module holding its options,
 * subcommands and run — loaded only when that command runs, so that `kojo check` never pays for the
 * embedding stack. `kojo --help`, each `--help` and the CLI's generated tests read this table. A new
 * command: one module in this folder, one row here.
 */
import { t } from '../../indexer/wording/index.ts';
import type { Command } from '../cli/command.ts';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<{ default: Command }>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'check', summary: t('command.check'), load: () => import('./check.ts') },
  { name: 'list', summary: t('command.list'), load: () => import('./list.ts') },
  { name: 'map', summary: t('command.map'), load: () => import('./map.ts') },
  {
    name: 'checklist',
    summary: t('command.checklist'),
    load: () => import('./checklist.ts'),
  },
  { name: 'export', summary: t('command.export'), load: () => import('./export.ts') },
  { name: 'build-index', summary: t('command.build-index'), load: () => import('./build-index.ts') },
  { name: 'ask', summary: t('command.ask'), load: () => import('./ask.ts') },
  { name: 'import', summary: t('command.import'), load: () => import('./import.ts') },
  {
    name: 'suggest-mappings',
    summary: t('command.suggest-mappings'),
    load: () => import('./suggest-mappings.ts'),
  },
  { name: 'model', summary: t('command.model'), load: () => import('./model.ts') },
];

export const commandNamed = (name: string): CommandEntry | undefined => commands.find((c) => c.name === name);
