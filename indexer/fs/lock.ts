/**
 * One writer per folder: two builds swapping the same target at once would each move the other's
 * folder away (the rare `ENOENT rename`). A lock file beside the target, `.<name>.lock`, created
 * exclusively and holding the writer's pid, makes the second writer wait briefly — a swap takes
 * milliseconds — and then refuse in one line. A lock whose pid is no longer running (a build killed
 * by Ctrl-C or a power cut) is taken over, as recoverAbandoned does for folders.
 */
import { randomUUID } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoCode, KojoError } from '../errors/index.ts';

/**
 * Pids are reused (kojo may be pid 1 in every container run): a lock names its process by pid and a
 * token of that process, so a lock with our pid but another token is a dead predecessor's.
 */
const PROCESS_TOKEN = randomUUID();

/** How long a second writer waits before it refuses: far longer than any swap. */
export const LOCK_WAIT_MS = 15_000;
/** A lock file still empty after this long was left by a writer killed between create and write. */
const EMPTY_LOCK_STALE_MS = 10_000;

export function lockPath(target: string): string {
  const full = resolve(target);
  return join(dirname(full), `.${basename(full)}.lock`);
}

export interface LockOptions {
  waitMs?: number;
  /** What is being written, for the refusal: `another kojo build is writing DIR`. */
  shown?: string;
}

/** Runs `work` holding the lock of `target`; the lock is removed afterwards, whatever happens. */
export async function withDirLock<T>(target: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const path = lockPath(target);
  await acquire(path, options.shown ?? target, options.waitMs ?? LOCK_WAIT_MS);
  try {
    return await work();
  } finally {
    await release(path);
  }
}

async function acquire(path: string, shown: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryCreate(path)) return;
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder === 'stale' || !isRunning(holder)) {
      await takeOver(path, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new KojoError(
        'usage',
        `another kojo build is writing ${shown} (pid ${Number.isNaN(holder) ? 'unknown' : holder}); try again when it finishes, or remove ${path} if no build is running`,
      );
    }
    await new Promise((r) => setTimeout(r, 40 + Math.random() * 40));
  }
}

async function tryCreate(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${process.pid} ${PROCESS_TOKEN}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/** The pid in a lock file; `gone` if it vanished meanwhile; `stale` for one left empty or garbled long ago. */
async function readHolder(path: string): Promise<number | 'gone' | 'stale'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'gone';
    throw error;
  }
  const { pid, ours } = parseLock(text);
  // Our own pid with another token: written by an earlier process that had this pid.
  if (pid === process.pid && !ours) return 'stale';
  if (Number.isInteger(pid) && pid > 0) return pid;
  // Empty: its writer is between create and write — or was killed there.
  const age = await stat(path).then(
    (s) => Date.now() - s.mtimeMs,
    () => null,
  );
  if (age === null) return 'gone';
  return age > EMPTY_LOCK_STALE_MS ? 'stale' : Number.NaN;
}

/**
 * Removes a dead writer's lock without removing a live one another process created meanwhile: the
 * file is first renamed to a name of our own (atomic, so only one taker gets it), then checked; a
 * live lock moved by mistake is put back with link, which never overwrites.
 */
async function takeOver(path: string, dead: number | 'stale'): Promise<void> {
  const aside = `${path}.taken-${process.pid}-${Date.now()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  const { pid, ours } = parseLock(await readFile(aside, 'utf8').catch(() => ''));
  const predecessor = pid === process.pid && !ours;
  const stillDead =
    predecessor ||
    (dead === 'stale' ? !(Number.isInteger(pid) && pid > 0) || !isRunning(pid) : pid === dead || !isRunning(pid));
  if (!stillDead) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function release(path: string): Promise<void> {
  if (parseLock(await readFile(path, 'utf8').catch(() => '')).ours) await unlink(path).catch(() => undefined);
}

/** A lock file's `pid token`; `ours` when this process wrote it (earlier kojo versions wrote the pid alone). */
function parseLock(text: string): { pid: number; ours: boolean } {
  const [pidText = '', token] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  return { pid, ours: pid === process.pid && token === PROCESS_TOKEN };
}

/** Whether a process runs (NaN, for a lock being written right now, counts as running). */
export function isRunning(pid: number): boolean {
  if (Number.isNaN(pid)) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}
