/**
 * `kojo`: the command line of kojo-guide. Each command lives in its own module and is loaded only
 * when asked for, so `kojo check` never pays for the embedding stack.
 */
import { reportError, UserError } from './cli-error.ts';

interface Command {
  usage: string;
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<Command>> = {
  check: () => import('./check.ts'),
  list: () => import('./list.ts'),
  map: () => import('./map.ts'),
  'build-index': () => import('./build-index.ts'),
  ask: () => import('./ask.ts'),
  model: () => import('./model.ts'),
};

async function help(): Promise<string> {
  const lines = await Promise.all(Object.values(commands).map(async (load) => `  ${(await load()).usage}`));
  return `usage: kojo <command> [options]\n\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await help());
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) throw new UserError(`unknown command "${name}" (try: ${Object.keys(commands).join(', ')})`);
  return (await load()).run(rest);
}

// `kojo list --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.exitCode = reportError('kojo', error);
}
