/**
 * What a `kojo` command is: its usage, its typed options (each with a line of help), its
 * subcommands, and what it runs. `--help` is generated from the same table the parser reads, and a
 * value is checked against its type (a whole number within bounds, one of a list) before `run`
 * sees it, so neither the help nor the checks can drift from the declaration.
 */
import { parseArgs } from 'node:util';
import { KojoError } from '../../indexer/errors/index.ts';
import { t } from '../../indexer/wording/index.ts';

interface OptionBase {
  short?: string;
  /** The value's name in help: `DIR`, `N`. */
  value?: string;
  description: string;
}
export type BooleanOption = OptionBase & { type: 'boolean'; default?: boolean };
export type StringOption = OptionBase & { type: 'string'; default?: string; multiple?: false };
/** Given any number of times (`--x a --x b`); the command sees every value, in order. */
export type RepeatedOption = OptionBase & { type: 'string'; multiple: true };
/**
 * Plain decimal digits only (an optional minus): "0x5", "5.0", "1e1" and " 5" are refused. `max` is
 * a number, or what the bound is when only `run` can know it ("the checklist's highest level"):
 * then `run` checks it with integerError, and the parser says it in words.
 */
export type IntegerOption = OptionBase & { type: 'integer'; min: number; max?: number | string; default?: number };
export type EnumOption = OptionBase & { type: 'enum'; choices: readonly string[]; default?: string };
export type OptionSpec = BooleanOption | StringOption | RepeatedOption | IntegerOption | EnumOption;
export type Options = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S extends BooleanOption
  ? boolean
  : S extends RepeatedOption
    ? string[]
    : S extends IntegerOption
      ? number
      : S extends { type: 'enum'; choices: readonly (infer C)[] }
        ? C
        : string;

/** What `run` receives: a flag is always a boolean, a repeated option a list, others absent unless given or defaulted. */
export type Values<O extends Options> = {
  [K in keyof O]: O[K] extends BooleanOption | RepeatedOption | { default: unknown }
    ? ValueOf<O[K]>
    : ValueOf<O[K]> | undefined;
};

export interface Command<O extends Options = Options> {
  name: string;
  /** One line for the list of subcommands (a top-level command's lives in the registry). */
  summary?: string;
  /** Arguments after the options, as shown in usage: `QUESTION|-`. */
  operands?: string;
  description: string;
  options: O;
  /** Commands of their own, named right after this one: `kojo checklist report FILE`. */
  subcommands?: Command[];
  run(values: Values<O>, operands: string[]): Promise<number>;
}

export function defineCommand<const O extends Options>(command: Command<O>): Command<O> {
  return command;
}

/** A command with the words that reach it: `checklist report`. */
export interface Resolved {
  command: Command;
  path: string;
}

export function usageLine({ command: c, path }: Resolved): string {
  return `kojo ${path}${Object.keys(c.options).length ? ' [options]' : ''}${c.operands ? ` ${c.operands}` : ''}`;
}

/** The subcommand named first among `argv`'s operands, and the arguments left for it. */
export function resolveSubcommand(parent: Resolved, argv: string[]): { resolved: Resolved; argv: string[] } {
  const subs = parent.command.subcommands ?? [];
  const at = firstOperand(argv, [parent.command, ...subs]);
  const sub = at < 0 ? undefined : subs.find((s) => s.name === argv[at]);
  if (!sub) return { resolved: parent, argv };
  const resolved = { command: sub, path: `${parent.path} ${sub.name}` };
  return resolveSubcommand(resolved, [...argv.slice(0, at), ...argv.slice(at + 1)]);
}

/** Where the first operand before any `--` is: not an option, nor the value of one that takes a value. */
function firstOperand(argv: string[], commands: Command[]): number {
  const valued = new Set(
    commands.flatMap((c) =>
      Object.entries(c.options).flatMap(([name, o]) =>
        o.type === 'boolean' ? [] : [`--${name}`, ...(o.short ? [`-${o.short}`] : [])],
      ),
    ),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return -1; // what follows is operands only, never a subcommand
    if (!arg.startsWith('-') || arg === '-') return i;
    if (valued.has(arg)) i++;
  }
  return -1;
}

/** The help of a command (or of a tool, which names its own usage line). */
export function commandHelp(r: Resolved, usage = usageLine(r)): string {
  const c = r.command;
  const rows = Object.entries(c.options).map(([name, o]) => [flagOf(name, o), describe(o)] as const);
  rows.push(['-h, --help', t('cli.help.help')]);
  const subs = (c.subcommands ?? []).map((s) => [s.name, s.summary ?? ''] as const);
  const table = (list: (readonly [string, string])[]) => {
    const width = Math.max(...list.map(([f]) => f.length));
    return list.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`).join('\n');
  };
  const usages = [usage, ...(c.subcommands ?? []).map((s) => usageLine({ command: s, path: `${r.path} ${s.name}` }))];
  return [
    t('cli.help.usage', { lines: usages }),
    '',
    c.description,
    ...(subs.length ? ['', t('cli.help.subcommands', { path: r.path }), table(subs)] : []),
    '',
    t('cli.help.options'),
    table(rows),
    '',
  ].join('\n');
}

function flagOf(name: string, o: OptionSpec): string {
  const value = o.type === 'boolean' ? '' : ` ${o.value ?? (o.type === 'enum' ? o.choices.join('|') : 'VALUE')}`;
  return `${o.short ? `-${o.short}, ` : ''}--${name}${value}`;
}

/** The option's help line, with what the table knows added: its range, that it repeats, its default. */
function describe(o: OptionSpec): string {
  const notes = [
    ...(o.type === 'integer' ? [rangeText(o)] : []),
    ...(o.type === 'string' && o.multiple ? [t('cli.help.repeatable')] : []),
    ...(o.type !== 'boolean' && 'default' in o && o.default !== undefined && o.default !== ''
      ? [t('cli.help.default', { value: o.default })]
      : []),
  ];
  return `${o.description}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

type Range = Pick<IntegerOption, 'min' | 'max'>;

const rangeText = ({ min, max }: Range) =>
  max === undefined ? t('cli.help.atLeast', { min }) : t('cli.help.range', { min, max });

/** The one line refusing a whole number out of its range (a command whose bound only `run` knows uses it too). */
export function integerError(name: string, got: string, { min, max }: Range): KojoError {
  return new KojoError('usage', t('cli.error.integer', { name, min, max, got }));
}

function choiceError(name: string, got: string, choices: readonly string[]): KojoError {
  return new KojoError('usage', t('cli.error.choice', { name, choices, got }));
}

function integerOf(name: string, raw: string, o: IntegerOption): number {
  const n = /^-?[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < o.min || (typeof o.max === 'number' && n > o.max))
    throw integerError(name, raw, o);
  return n;
}

/** Checks and converts what parseArgs read as text: whole numbers, choices, absent flags and lists. */
function typedValues(options: Options, raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(options).map(([name, o]) => {
      const v = raw[name];
      if (o.type === 'boolean') return [name, v ?? o.default ?? false];
      if (o.type === 'string' && o.multiple) return [name, v ?? []];
      if (v === undefined) return [name, o.default];
      if (o.type === 'integer') return [name, integerOf(name, v as string, o)];
      if (o.type === 'enum' && !o.choices.includes(v as string)) throw choiceError(name, v as string, o.choices);
      return [name, v];
    }),
  );
}

/**
 * Parses argv for a command; `null` means help was asked for. Mistakes become usage errors in one
 * line pointing at `helpHint`.
 */
export function parseCommandArgs<O extends Options>(
  r: Resolved & { command: Command<O> },
  argv: string[],
  helpHint = `kojo ${r.path} --help`,
): { values: Values<O>; operands: string[] } | null {
  const c = r.command;
  // Only options ask for help: after `--`, "--help" is an operand (a question, say).
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) return null;
  const config = Object.fromEntries(
    Object.entries(c.options).map(([name, o]) => [
      name,
      {
        type: o.type === 'boolean' ? ('boolean' as const) : ('string' as const),
        ...(o.short ? { short: o.short } : {}),
        ...(o.type === 'string' && o.multiple ? { multiple: true } : {}),
      },
    ]),
  );
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: joinDashValues(c, argv),
      options: config,
      allowPositionals: Boolean(c.operands),
      strict: true,
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw error;
    const quoted = /'([^']+)'/.exec(message)?.[1];
    const option = quoted?.split(' ')[0];
    const subs = c.subcommands?.map((s) => s.name);
    const what =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? t('cli.error.unknownOption', { option: quoted ?? '' })
        : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? subs?.length
            ? t('cli.error.unknownSubcommand', { got: quoted ?? '', path: r.path, subcommands: subs })
            : t('cli.error.unexpectedArgument', { got: quoted ?? '' })
          : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option
            ? t('cli.error.needsValue', { option, dashed: /ambiguous/.test(message) })
            : message.split('\n')[0]!.charAt(0).toLowerCase() + message.split('\n')[0]!.slice(1).replace(/\.$/, '');
    throw new KojoError('usage', t('cli.error.seeHelp', { what, hint: helpHint }));
  }
  return { values: typedValues(c.options, parsed.values) as Values<O>, operands: parsed.positionals };
}

/**
 * `--k -1` means the value -1, not an option -1: parseArgs calls it ambiguous, so a value that
 * starts with a single dash and is not one of the command's own short options is joined to its
 * option (`--k=-1`), and reaches the type check ("--k must be a whole number …"). A `--word` after
 * an option that takes a value stays an option: there the value was more likely forgotten.
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
    const o = name === undefined ? undefined : c.options[name];
    if (o && o.type !== 'boolean' && next !== undefined && /^-[^-]/.test(next) && !shorts.has(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
