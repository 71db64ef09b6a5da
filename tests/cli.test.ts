import { describe, expect, it } from 'vitest';
import { kojo } from './helpers/cli.ts';
import pkg from '../package.json' with { type: 'json' };

describe('kojo helps', () => {
  it('lists every command with --help, and exits 1 with the same list when given nothing', () => {
    const r = kojo(['--help']);
    expect(r.status).toBe(0);
    for (const name of ['check', 'list', 'map', 'build-index', 'ask', 'model']) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const bare = kojo([]);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toBe(r.stdout);
  });

  it.each(['check', 'list', 'map', 'build-index', 'ask', 'model'])('explains %s with --help: usage, every option, exit 0', (name) => {
    const r = kojo([name, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: kojo ${name}`));
    expect(r.stdout).toMatch(/-h, --help\s+show this help/);
  });

  it('shows the defaults and value names of options', () => {
    const r = kojo(['ask', '--help']);
    expect(r.stdout).toMatch(/--k N\s+answers per guideline, 1 to 50 \(default: 5\)/);
    expect(r.stdout).toMatch(/--index DIR/);
  });

  it('prints its version', () => {
    expect(kojo(['--version']).stdout).toBe(`kojo ${pkg.version}\n`);
  });

  it('refuses arguments a command does not take, in one line', () => {
    const r = kojo(['check', 'extra']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("kojo: unexpected argument 'extra' (see kojo check --help)\n");
  });
});
