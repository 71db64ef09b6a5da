import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

export const root = join(import.meta.dirname, '..', '..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `kojo` executable, as a user would. */
export function kojo(
  args: string[],
  options: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): CliResult {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kojo.js'), ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `kojo`, stopped after `seconds`: for the cases where a hang or minutes of work is the failure, not
 * a wait. The test fails there if kojo was still running.
 */
export function kojoWithin(seconds: number, args: string[], options: { env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kojo.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: seconds * 1000,
    env: { ...process.env, ...options.env },
  });
  expect(r.signal, `still running after ${seconds} s`).toBeNull();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the test's event loop (for tests that serve something to kojo). */
export function kojoAsync(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'kojo.js'), ...args], {
      cwd: root,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
