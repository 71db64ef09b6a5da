/**
 * Options of the build, eval and bench tools, parsed like a command's: a mistake is a usage error
 * in one line, not an internal error.
 */
import { commandHelp, type Options, parseCommandArgs } from './command.ts';

/** A tool run as `npm run NAME -- [options]`: its help is a command's, with its own usage line. */
export function parseToolArgs<const O extends Options>(
  name: string,
  description: string,
  options: O,
  argv = process.argv.slice(2),
) {
  const tool = { command: { name, description, options, run: async () => 0 }, path: name };
  const parsed = parseCommandArgs(tool, argv, `npm run ${name} -- --help`);
  if (!parsed) {
    process.stdout.write(commandHelp(tool, `npm run ${name} -- [options]`));
    process.exit(0);
  }
  return parsed.values;
}
