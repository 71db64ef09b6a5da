/**
 * `npx kojo` runs the bundle in bin/dist/, never a stale one silently: a copy of bin/ over a
 * one-line CLI shows it rebuilt when a source changes, and run with a warning when the change does
 * not compile. (A copy, so the repository's own bundle is never rebuilt under other tests.)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from './helpers/cli.ts';

it('rebuilds a bundle older than its sources, and warns when it cannot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kojo-bundle-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'indexer'));
  for (const file of ['bin/kojo.js', 'bin/build.js', 'package.json']) copyFileSync(join(root, file), join(dir, file));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const source = join(dir, 'scripts', 'kojo.ts');
  let age = 0;
  const edit = (text: string) => {
    writeFileSync(source, text);
    // Later than the last build by a clear margin, whatever the file system's clock resolution.
    const at = Date.now() / 1000 + 10 * ++age;
    utimesSync(source, at, at);
  };
  const kojo = () => spawnSync(process.execPath, [join(dir, 'bin', 'kojo.js')], { encoding: 'utf8' });

  edit("process.stdout.write('one\\n');\n");
  expect(kojo()).toMatchObject({ status: 0, stdout: 'one\n', stderr: '' });
  expect(kojo()).toMatchObject({ status: 0, stdout: 'one\n', stderr: '' });

  edit("const n: number = 2;\nprocess.stdout.write('two ' + n + '\\n');\n");
  expect(kojo()).toMatchObject({
    status: 0,
    stdout: 'two 2\n',
    stderr: 'kojo: rebuilt the CLI (scripts/kojo.ts changed since it was built)\n',
  });
  expect(kojo().stderr).toBe('');

  edit('process.stdout.write(;\n');
  const broken = kojo();
  expect(broken.stdout).toBe('two 2\n');
  expect(broken.stderr).toMatch(
    /^kojo: warning: the CLI is older than scripts\/kojo\.ts and could not be rebuilt \(.*scripts\/kojo\.ts:1:\d+: .+\); running the old build — run "npm run build:cli"\n$/,
  );
});
