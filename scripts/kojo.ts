/**
 * `kojo`: the command line of kojo-guide. Compiled to bin/dist/ when the package is installed (see
 * package.json "prepare"), so it starts without compiling TypeScript.
 */
import { KojoError } from '../indexer/errors/index.ts';
import { t } from '../indexer/wording/index.ts';
import pkg from '../package.json' with { type: 'json' };
import { commandHelp, parseCommandArgs, resolveSubcommand, usageLine } from './cli/command.ts';
import { outputFailure, reportError } from './cli/report.ts';
import { commandNamed, commands } from './commands/index.ts';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    t('cli.overview.usage'),
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    t('cli.overview.version'),
    '',
  ].join('\n');
}

/** The command a typo most likely meant: within two edits, or the only one it starts. */
function didYouMean(name: string, names: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++)
        row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
      prev = row;
    }
    return prev[b.length]!;
  };
  const [best] = names.map((n) => [n, distance(name, n)] as const).sort((a, b) => a[1] - b[1]);
  if (best && best[1] <= 2) return best[0];
  const prefixed = names.filter((n) => n.startsWith(name));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

async function main(argv: string[]): Promise<number> {
  // `kojo help checklist report` is `kojo checklist report --help`.
  const [name, ...rest] = argv[0] === 'help' && argv[1] && commandNamed(argv[1]) ? [...argv.slice(1), '--help'] : argv;
  if (name === '--version' || name === '-v') {
    process.stdout.write(`kojo ${pkg.version}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(overview());
    return name ? 0 : 1;
  }
  const entry = commandNamed(name);
  if (!entry) {
    const names = commands.map((c) => c.name);
    const guess = didYouMean(name, names);
    throw new KojoError('usage', t('cli.error.unknownCommand', { got: name, guess, commands: names }));
  }
  const { resolved, argv: own } = resolveSubcommand({ command: (await entry.load()).default, path: name }, rest);
  const args = parseCommandArgs(resolved, own);
  if (!args) {
    process.stdout.write(commandHelp(resolved));
    return 0;
  }
  const { command } = resolved;
  if (!command.operands && args.operands.length)
    throw new KojoError('usage', t('cli.error.noArguments', { usage: usageLine(resolved) }));
  return command.run(args.values, args.operands);
}

// `kojo list --json | head` closes the pipe early: that is the reader's choice, not an error. Any
// other failure to write (`> /dev/full`) is one line on stderr and exit 1, never a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  const line = outputFailure('kojo', error);
  if (line === null) process.exit(process.exitCode ?? 0);
  process.stderr.write(line);
  process.exit(1);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.exitCode = reportError('kojo', error);
}
