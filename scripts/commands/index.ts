/**
 * The registry of `kojo`'s commands: name, one-line summary, and the module holding its options,
 * subcommands and run — loaded only when that command runs, so that `kojo check` never pays for the
 * embedding stack. `kojo --help`, each `--help` and the CLI's generated tests read this table. A new
 * command: one module in this folder, one row here.
 */
import type { Command } from '../cli/command.ts';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<{ default: Command }>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'check', summary: 'validate all content', load: () => import('./check.ts') },
  { name: 'list', summary: 'list every clause', load: () => import('./list.ts') },
  { name: 'map', summary: 'list every mapping between the guidelines', load: () => import('./map.ts') },
  {
    name: 'checklist',
    summary: 'list the self-assessment checklist, or report on an exported assessment',
    load: () => import('./checklist.ts'),
  },
  { name: 'build-index', summary: 'build the search index', load: () => import('./build-index.ts') },
  { name: 'ask', summary: 'ask a question of every guideline', load: () => import('./ask.ts') },
  { name: 'import', summary: "import a guideline's official text from its PDF", load: () => import('./import.ts') },
  { name: 'model', summary: 'install or show the e5 model', load: () => import('./model.ts') },
];

export const commandNamed = (name: string): CommandEntry | undefined => commands.find((c) => c.name === name);
