/**
 * The CLI's table read back: every command and subcommand of the registry explains every option it
 * declares, and every whole-number option refuses what is not a whole number in its range — for
 * commands added later too, since the cases come from the registry, not from a list here.
 */
import { describe, expect, it } from 'vitest';
import {
  type Command,
  defineCommand,
  type IntegerOption,
  type OptionSpec,
  parseCommandArgs,
  resolveSubcommand,
} from '../scripts/cli/command.ts';
import { commands } from '../scripts/commands/index.ts';
import { kojo } from './helpers/cli.ts';

interface Reached {
  path: string;
  command: Command;
}
const withSubcommands = (r: Reached): Reached[] => [
  r,
  ...(r.command.subcommands ?? []).flatMap((s) => withSubcommands({ path: `${r.path} ${s.name}`, command: s })),
];
const registry = (
  await Promise.all(commands.map(async (e) => ({ path: e.name, command: (await e.load()).default })))
).flatMap(withSubcommands);

const isInteger = (o: OptionSpec): o is IntegerOption => o.type === 'integer';
/** Text that is no whole number, and the whole numbers just outside the declared bounds. */
const badIntegers = (o: IntegerOption) => [
  '0x3',
  '2.0',
  '1e1',
  ' 2',
  'many',
  '',
  String(o.min - 1),
  ...(typeof o.max === 'number' ? [String(o.max + 1)] : []),
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(registry)('kojo $path', ({ path, command }) => {
  const words = path.split(' ');

  it('--help shows its usage, every declared option and every subcommand', () => {
    const r = kojo([...words, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: kojo ${escape(path)}\\b`));
    for (const [name, o] of Object.entries(command.options)) {
      const flag =
        o.type === 'boolean'
          ? `--${name}`
          : `--${name} ${o.value ?? (o.type === 'enum' ? o.choices.join('|') : 'VALUE')}`;
      expect(r.stdout).toMatch(new RegExp(`^  ${o.short ? `-${o.short}, ` : ''}${escape(flag)}  +\\S`, 'm'));
    }
    for (const sub of command.subcommands ?? []) expect(r.stdout).toMatch(new RegExp(`^  ${sub.name}  +\\S`, 'm'));
    expect(r.stdout).toMatch(/^ {2}-h, --help +show this help$/m);
  });

  for (const [name, o] of Object.entries(command.options).filter(([, o]) => isInteger(o)) as [
    string,
    IntegerOption,
  ][]) {
    it.each(badIntegers(o))(`refuses --${name} "%s" in one line naming the option and its range`, (bad) => {
      const r = kojo([...words, `--${name}=${bad}`]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const range = typeof o.max === 'undefined' ? `at least ${o.min}` : `from ${o.min} to ${escape(String(o.max))}`;
      expect(r.stderr).toMatch(
        new RegExp(`^kojo: --${name} must be a whole number ${range} \\(got "${escape(bad)}"\\)\\n$`),
      );
    });
  }
});

describe('the option table', () => {
  const tool = defineCommand({
    name: 'tool',
    operands: 'FILE...',
    description: 'a command with one option of each type',
    options: {
      tag: { type: 'string', multiple: true, value: 'TAG', description: 'a tag' },
      mode: { type: 'enum', choices: ['fast', 'exact'], default: 'exact', description: 'how' },
      n: { type: 'integer', min: -2, max: 3, value: 'N', description: 'how many' },
      dry: { type: 'boolean', description: 'write nothing' },
      name: { type: 'string', description: 'a name' },
    },
    run: async () => 0,
  });
  const parse = (argv: string[]) => parseCommandArgs({ command: tool, path: 'tool' }, argv);

  it('gives each value its type: lists, choices, whole numbers, flags, absent strings', () => {
    expect(parse(['--tag', 'a', 'x', '--tag=b', '--n', '-2', '--mode', 'fast'])).toEqual({
      values: { tag: ['a', 'b'], mode: 'fast', n: -2, dry: false, name: undefined },
      operands: ['x'],
    });
    expect(parse([])?.values).toEqual({ tag: [], mode: 'exact', n: undefined, dry: false, name: undefined });
  });

  it('refuses a choice not offered, naming the choices', () => {
    expect(() => parse(['--mode', 'slow'])).toThrow('--mode must be one of fast, exact (got "slow")');
  });

  it('refuses whole numbers outside the bounds and anything that is not one', () => {
    for (const bad of ['4', '-3', '1.0', '0x1', '+1', '9007199254740993'])
      expect(() => parse([`--n=${bad}`]), bad).toThrow(`--n must be a whole number from -2 to 3 (got "${bad}")`);
  });

  it('finds a subcommand after the options of its parent, and leaves a value that looks like one alone', () => {
    const sub = defineCommand({ name: 'report', description: 'r', options: {}, run: async () => 0 });
    const parent = { ...tool, subcommands: [sub] };
    const at = (argv: string[]) => resolveSubcommand({ command: parent, path: 'tool' }, argv);
    expect(at(['--name', 'x', 'report', 'f'])).toEqual({
      resolved: { command: sub, path: 'tool report' },
      argv: ['--name', 'x', 'f'],
    });
    expect(at(['--name', 'report', 'f']).resolved.path).toBe('tool');
  });
});
