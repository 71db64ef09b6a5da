/**
 * Node says ENOENT when `mkdir -p` cannot create a folder under a read-only mount or a parent it may
 * not write: the path is missing because it could not be made. The real reason is what the nearest
 * existing ancestor refuses, so that is asked and said instead.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errnoCode } from '../errors/index.ts';

/** Whether `dir` may be written; throws the OS refusal (EROFS, EACCES…) when not. */
export type WriteCheck = (dir: string) => void;
const canWrite: WriteCheck = (dir) => accessSync(dir, constants.W_OK);

/** The error to report for a failed folder creation: the ancestor's refusal for an ENOENT, else `error`. */
export function whyMissing(error: unknown, check: WriteCheck = canWrite): unknown {
  if (errnoCode(error) !== 'ENOENT' || (error as NodeJS.ErrnoException).syscall !== 'mkdir') return error;
  const path = (error as NodeJS.ErrnoException).path;
  if (typeof path !== 'string') return error;
  let dir = resolve(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    check(dir);
  } catch (refusal) {
    return errnoCode(refusal) ? refusal : error;
  }
  return error;
}
