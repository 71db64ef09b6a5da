/**
 * Creating the folders above a target, one level at a time. Node's `mkdir -p` loops forever where
 * the kernel says ENOENT for a folder whose parent exists (/proc, some FUSE mounts), and says ENOENT
 * rather than EROFS on a read-only mount; each level made on its own says what refused it, and a
 * probe before any work lets a command refuse at once instead of after minutes of embedding.
 */
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { errnoCode, KojoError, osError } from '../errors/index.ts';
import { t } from '../wording/index.ts';
import { whyMissing } from './why-missing.ts';

/** The missing folders from the nearest existing ancestor down to `dir`, outermost first. */
function missingLevels(dir: string): { above: string; levels: string[] } {
  const levels: string[] = [];
  let at = resolve(dir);
  while (!existsSync(at) && dirname(at) !== at) {
    levels.unshift(at);
    at = dirname(at);
  }
  return { above: at, levels };
}

/** The one-line refusal for a folder `shown` that could not be made at `level` (under `above`). */
function refusal(error: unknown, shown: string, above: string, kept?: string): unknown {
  const why = whyMissing(error);
  if (errnoCode(why) === 'ENOENT' && (why as NodeJS.ErrnoException).syscall === 'mkdir')
    return new KojoError('usage', t('fs.noNewFolders', { target: shown, above, kept }));
  return osError(why, 'write', shown, { kept });
}

/**
 * Throws the one-line refusal unless a folder can be made where `target` (missing) would go: the
 * first missing level is made and removed again. Nothing is left behind either way.
 */
export function assertCreatable(target: string, shown = target): void {
  const { above, levels } = missingLevels(target);
  const first = levels[0];
  if (!first) return;
  try {
    mkdirSync(first);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return;
    throw refusal(error, shown, above);
  }
  try {
    rmdirSync(first);
  } catch {
    // Someone else put something in it meanwhile: theirs now.
  }
}

/** Makes `dir` and any missing folder above it, a level at a time (see the module comment). */
export async function makeDirs(dir: string, shown = dir, kept?: string): Promise<void> {
  const { above, levels } = missingLevels(dir);
  for (const level of levels) {
    try {
      await mkdir(level);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw refusal(error, shown, above, kept);
    }
  }
}
