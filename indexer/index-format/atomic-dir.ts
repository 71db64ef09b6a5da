/**
 * Writes a folder so that readers see either the old one or the new one, never half of each: the new
 * folder is written beside the target and swapped in by rename.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeDirAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.old-${stamp}`);
  await recoverAbandoned(target);
  await mkdir(tmp);
  try {
    await write(tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  const hadOld = existsSync(target);
  if (hadOld) await rename(target, old);
  await rename(tmp, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/**
 * Folders left by a build that was killed (Ctrl-C, power loss), recognisable by a pid no longer
 * running: half-written ones are removed; a previous folder moved aside just before the swap is put
 * back if nothing replaced it, so even that moment loses nothing.
 */
export async function recoverAbandoned(target: string): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  if (!existsSync(parent)) return;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${escaped}\\.(tmp|old)-(\\d+)-\\d+$`);
  for (const entry of (await readdir(parent)).sort()) {
    const [, kind, pid] = pattern.exec(entry) ?? [];
    if (!pid || isRunning(Number(pid))) continue;
    const path = join(parent, entry);
    if (kind === 'old' && !existsSync(join(parent, name))) await rename(path, join(parent, name));
    else await rm(path, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
