/**
 * Writes a folder so that it is always either the old one or the new one, never half of each: the new
 * folder is written beside the target and swapped in by rename. (A reader opening files one by one
 * can still straddle a swap: openIndex re-reads when the manifest changed under it.)
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { errnoCode, KojoError, osError } from '../errors/index.ts';
import { isRunning, withDirLock } from './lock.ts';
import { assertCreatable, makeDirs } from './make-dirs.ts';
import { whyMissing } from './why-missing.ts';

/**
 * Replaces `target` with a folder `write` fills — but only a target that is missing, an empty
 * folder, or one `isOurs` recognises as written by this project (by default: it holds `marker`,
 * written last if `write` did not): whatever else a mistyped path points at is refused, never
 * deleted. One writer at a time (see lock.ts); an OS refusal (full disk, no permission) is one line
 * saying the previous `what` is unchanged.
 */
export async function writeDirAtomically(
  target: string,
  marker: string,
  write: (tmp: string) => Promise<void>,
  isOurs: Recognise = (entries) => entries.includes(marker),
  what = 'folder',
): Promise<void> {
  refuseForeign(target, isOurs, marker);
  try {
    await makeDirs(dirname(resolve(target)), target, `no ${what} was written`);
    await withDirLock(target, () => swapIn(target, marker, write));
  } catch (error) {
    // Only a failure to write here is said as one: what `write` could not read elsewhere keeps its own path.
    if (!writingHere(error, target)) throw error;
    throw osError(whyMissing(error), 'write', target, {
      kept: existsSync(target) ? `the previous ${what} is unchanged` : `no ${what} was written`,
    });
  }
}

/** Whether an error is about the target, its parent, or the temp, moved-aside or lock files beside it. */
function writingHere(error: unknown, target: string): boolean {
  const { path } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof path !== 'string') return true;
  const full = resolve(target);
  const at = resolve(path);
  return (
    at === full ||
    at === dirname(full) ||
    at.startsWith(`${full}${sep}`) ||
    at.startsWith(join(dirname(full), `.${basename(full)}.`))
  );
}

/** Writes the new folder beside the target and swaps it in; the caller holds the lock. */
async function swapIn(target: string, marker: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const parent = dirname(resolve(target));
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(parent, `.${basename(resolve(target))}.tmp-${stamp}`);
  const old = join(parent, `.${basename(resolve(target))}.old-${stamp}`);
  createdHere.add(tmp).add(old);
  await recoverAbandoned(target);
  await mkdir(tmp);
  let hadOld = false;
  try {
    await write(tmp);
    if (!existsSync(join(tmp, marker))) await writeFile(join(tmp, marker), '');
    hadOld = existsSync(target);
    if (hadOld) await rename(target, old);
    await rename(tmp, target);
  } catch (error) {
    // Whatever failed, the previous folder goes back in place and the half-written one goes.
    if (hadOld && !existsSync(target) && existsSync(old)) await rename(old, target).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  // The new folder is in place; a previous one that cannot be removed now is removed by the next build.
  if (hadOld) await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/** Whether a folder (its entries, its absolute path) is one this project wrote and may replace. */
export type Recognise = (entries: string[], dir: string) => boolean;

/** Throws a usage error unless `target` may be replaced (see writeDirAtomically). */
export function refuseForeign(target: string, isOurs: Recognise, marker: string): void {
  const full = resolve(target);
  // The root, the current folder or one holding it: replacing it would take everything inside along.
  const cwd = resolve(process.cwd());
  if (full === dirname(full) || full === cwd || cwd.startsWith(`${full}${sep}`)) {
    throw new KojoError(
      'usage',
      `refusing to replace ${target}: it ${full === dirname(full) ? 'is the root of the file system' : full === cwd ? 'is the current folder' : 'holds the current folder'}; choose a folder of its own`,
    );
  }
  if (!existsSync(full)) {
    // Found before any work, not as an `EEXIST mkdir` once the work is done.
    let above = dirname(full);
    while (!existsSync(above) && above !== dirname(above)) above = dirname(above);
    if (!statSync(above).isDirectory())
      throw new KojoError('usage', `cannot write ${target}: ${above} is a file, not a folder`);
    // A read-only mount or a folder that takes no new folders is found now, not after the work.
    assertCreatable(full, target);
    return;
  }
  if (!statSync(full).isDirectory())
    throw new KojoError('usage', `refusing to replace ${target}: it is a file, not a folder this tool wrote`);
  const entries = listOrRefuse(target, full);
  if (entries.length && !isOurs(entries, full)) {
    throw new KojoError(
      'usage',
      `refusing to replace ${target}: it holds files this tool did not write (not a kojo ${marker} folder); choose another folder or empty it`,
    );
  }
}

/** A folder that cannot be listed cannot be told ours: refused, never taken for empty. */
function listOrRefuse(target: string, full: string): string[] {
  try {
    return readdirSync(full);
  } catch (error) {
    throw osError(error, 'read', target, { code: 'usage' });
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
    if (!pid) continue;
    const path = join(parent, entry);
    // Our own pid on a folder we did not make: a predecessor that had this pid (containers reuse pid 1).
    if (Number(pid) === process.pid ? createdHere.has(path) : isRunning(Number(pid))) continue;
    if (kind === 'old' && !existsSync(join(parent, name))) {
      // A reader may recover the same folder at the same moment: whoever is second finds it done.
      try {
        await rename(path, join(parent, name));
        continue;
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') continue;
        if (!['ENOTEMPTY', 'EEXIST'].includes(errnoCode(error) ?? '')) throw error;
      }
    }
    // Best effort: a leftover that cannot be removed must not stop every later build.
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Temp and moved-aside folders this process made: alive, whatever pid they carry. */
const createdHere = new Set<string>();
