/**
 * What a `kojo` command is: its usage, its options (each with a line of help), and what it runs.
 * `--help` is generated from the same table parseArgs reads, so the two cannot drift apart.
 */
import { parseArgs } from 'node:util';
import { KojoError } from '../../indexer/errors/index.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  default?: string | boolean;
  short?: string;
  /** The value's name in help: `DIR`, `N`. */
  value?: string;
  description: string;
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K] extends { default: string }
      ? string
      : string | undefined;
};

export interface Command<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  /** Arguments after the options, as shown in usage: `QUESTION|-`. */
  operands?: string;
  description: string;
  options: O;
  run(values: Values<O>, operands: string[]): Promise<number>;
}

export function defineCommand<const O extends Record<string, OptionSpec>>(command: Command<O>): Command<O> {
  return command;
}

export function usageLine(c: Command): string {
  return `kojo ${c.name}${Object.keys(c.options).length ? ' [options]' : ''}${c.operands ? ` ${c.operands}` : ''}`;
}

/** The help of a command (or of a tool, which names its own usage line). */
export function commandHelp(c: Command, usage = usageLine(c)): string {
  const rows = Object.entries(c.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    const fallback = o.type === 'string' && o.default !== undefined ? ` (default: ${o.default})` : '';
    return [flag, `${o.description}${fallback}`] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([f]) => f.length));
  return `usage: ${usage}\n\n${c.description}\n\noptions:\n${rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`).join('\n')}\n`;
}

/** Parses argv for a command; `null` means help was asked for. Mistakes become usage errors. */
export function parseCommandArgs<O extends Record<string, OptionSpec>>(
  c: Command<O>,
  argv: string[],
  helpHint = `kojo ${c.name} --help`,
): { values: Values<O>; operands: string[] } | null {
  // Only options ask for help: after `--`, "--help" is an operand (a question, say).
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) return null;
  const config = Object.fromEntries(
    Object.entries(c.options).map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.short ? { short: o.short } : {}),
        ...(o.default !== undefined ? { default: o.default } : {}),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: joinDashValues(c, argv),
      options: config,
      allowPositionals: Boolean(c.operands),
      strict: true,
    });
    return { values: values as Values<O>, operands: positionals };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw error;
    const quoted = /'([^']+)'/.exec(message)?.[1];
    const option = quoted?.split(' ')[0];
    const what =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option '${quoted}'`
        : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? `unexpected argument '${quoted}'`
          : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option
            ? `option '${option}' needs a value${/ambiguous/.test(message) ? ` (write ${option}=VALUE for one that starts with -)` : ''}`
            : message.split('\n')[0]!.charAt(0).toLowerCase() + message.split('\n')[0]!.slice(1).replace(/\.$/, '');
    throw new KojoError('usage', `${what} (see ${helpHint})`);
  }
}

/**
 * `--k -1` means the value -1, not an option -1: parseArgs calls it ambiguous, so a value that
 * starts with a single dash and is not one of the command's own short options is joined to its
 * option (`--k=-1`), and reaches the command's own check ("--k must be a whole number …"). A
 * `--word` after a string option stays an option: there the value was more likely forgotten.
 */
function joinDashValues(c: Command, argv: string[]): string[] {
  const shorts = new Set(['-h', ...Object.values(c.options).flatMap((o) => (o.short ? [`-${o.short}`] : []))]);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && c.options[name]?.type === 'string' && next !== undefined && /^-[^-]/.test(next) && !shorts.has(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
