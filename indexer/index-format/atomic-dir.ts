/**
 * Writes a folder so that readers see either the old one or the new one, never half of each: the new
 * folder is written beside the target and swapped in by rename.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KojoError } from '../errors/index.ts';

/**
 * Replaces `target` with a folder `write` fills — but only a target that is missing, an empty
 * folder, or one this project wrote before (it holds `marker`, written last if `write` did not, or
 * one of the `alsoOurs` entries earlier versions left): whatever else a mistyped path points at is
 * refused, never deleted.
 */
export async function writeDirAtomically(target: string, marker: string, write: (tmp: string) => Promise<void>, alsoOurs: string[] = []): Promise<void> {
  refuseForeign(target, [marker, ...alsoOurs]);
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
  if (!existsSync(join(tmp, marker))) await writeFile(join(tmp, marker), '');
  const hadOld = existsSync(target);
  if (hadOld) await rename(target, old);
  await rename(tmp, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/** Throws a usage error unless `target` may be replaced (see writeDirAtomically). */
export function refuseForeign(target: string, markers: string[]): void {
  const full = resolve(target);
  if (full === dirname(full) || full === process.cwd()) throw new KojoError('usage', `refusing to replace ${target}: choose a folder of its own`);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) throw new KojoError('usage', `refusing to replace ${target}: it is a file, not a folder this tool wrote`);
  const entries = readdirSyncSafe(full);
  if (entries.length && !markers.some((m) => entries.includes(m))) {
    throw new KojoError('usage', `refusing to replace ${target}: it holds files this tool did not write (no ${markers[0]}); choose another folder or empty it`);
  }
}

function readdirSyncSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
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
