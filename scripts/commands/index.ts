/**
 * The commands of `kojo`, by name, each loaded only when run so that `kojo check` never pays for the
 * embedding stack. A new command: one module in this folder, one line here.
 */
import type { Command } from '../cli/command.ts';

type Loader = () => Promise<{ default: Command }>;

export const commands: Record<string, { summary: string; load: Loader }> = {
  check: { summary: 'validate all content', load: () => import('./check.ts') },
  list: { summary: 'list every clause', load: () => import('./list.ts') },
  map: { summary: 'list every mapping between the guidelines', load: () => import('./map.ts') },
  checklist: {
    summary: 'list the self-assessment checklist, or report on an exported assessment',
    load: () => import('./checklist.ts'),
  },
  export: {
    summary: 'export to CISO Assistant, OSCAL 1.2 or an IR 8477 CSV (and an assessment)',
    load: () => import('./export.ts'),
  },
  'build-index': { summary: 'build the search index', load: () => import('./build-index.ts') },
  ask: { summary: 'ask a question of every guideline', load: () => import('./ask.ts') },
  import: { summary: "import a guideline's official text from its PDF", load: () => import('./import.ts') },
  model: { summary: 'install or show the e5 model', load: () => import('./model.ts') },
};
