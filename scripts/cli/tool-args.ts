/**
 * Options of the build, eval and bench tools, parsed like a command's: a mistake is a usage error
 * in one line, not an internal error.
 */
import { parseCommandArgs, type OptionSpec } from './command.ts';

export function parseToolArgs<const O extends Record<string, OptionSpec>>(name: string, options: O, argv = process.argv.slice(2)) {
  const parsed = parseCommandArgs({ name, description: '', options, run: async () => 0 }, argv, `npm run ${name} -- --help`);
  if (!parsed) {
    const flags = Object.entries(options).map(([flag, o]) => `  --${flag}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}  ${o.description}`);
    process.stdout.write(`usage: npm run ${name} -- [options]\n\n${flags.join('\n')}\n`);
    process.exit(0);
  }
  return parsed.values;
}
