/**
 * What the operating system refused, said the way a person can act on it: the one place that turns
 * an errno (EACCES, ENOSPC, …) and a path into a one-line KojoError. Codes that point at the
 * surroundings (permissions, a full disk, a read-only mount) are mapped; anything else (ENOENT in the
 * middle of a swap, say) stays what it is, because it is more likely a bug than a person's mistake.
 */
import { KojoError, type ErrorCode } from './kojo-error.ts';

/** Why, in a few lower-case words, per errno code about the surroundings. */
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for this file system',
  EBUSY: 'it is busy (in use by another program)',
  ETXTBSY: 'it is busy (in use by another program)',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error (a failing disk or a lost network drive?)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
};

export type OsAction = 'read' | 'write';

/** The errno code of an error thrown by node:fs (or undefined). */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A person's words for an errno code about the surroundings; undefined for any other error. */
export function osReason(error: unknown): string | undefined {
  const code = errnoCode(error);
  return code ? reasons[code] : undefined;
}

/** A full disk (or quota) is said as such: `disk full while writing DIR`. */
function diskFull(error: unknown): string | undefined {
  const code = errnoCode(error);
  return code === 'ENOSPC' ? 'disk full' : code === 'EDQUOT' ? 'disk quota exceeded' : undefined;
}

/**
 * `error` as a one-line KojoError (`cannot read PATH: permission denied`), or `error` itself when
 * it is not an OS refusal this module knows. `kept` is added for a failed write, to say what is
 * unchanged (`the previous index is unchanged`).
 */
export function osError(
  error: unknown,
  action: OsAction,
  path: string,
  options: { code?: ErrorCode; kept?: string } = {},
): unknown {
  if (error instanceof KojoError) return error;
  const reason = osReason(error);
  if (!reason) return error;
  const code = options.code ?? (action === 'read' ? 'index-missing' : 'usage');
  const kept = action === 'write' && options.kept ? `; ${options.kept}` : '';
  const full = diskFull(error);
  if (action === 'write' && full) return new KojoError(code, `${full} while writing ${path}${kept}`);
  return new KojoError(code, `cannot ${action} ${path}: ${reason}${kept}`);
}

/** Verbs for the syscalls node:fs names, for an OS error nothing above caught (see describeOsError). */
const verbs: Record<string, string> = {
  open: 'open',
  read: 'read',
  scandir: 'read',
  stat: 'read',
  lstat: 'read',
  access: 'read',
  readlink: 'read',
  write: 'write',
  mkdir: 'create',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  copyfile: 'copy',
  cp: 'copy',
  link: 'create',
  symlink: 'create',
  chmod: 'change',
};

/**
 * The last resort of a program's error report: an OS refusal that reached the top with its path
 * (a content file without read permission, say) as one line; undefined for anything else.
 */
export function describeOsError(error: unknown, depth = 0): string | undefined {
  const reason = osReason(error);
  // Tools wrap what the OS said (Astro: an AstroError whose cause is the EACCES): look inside.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (!reason) return cause && depth < 5 ? describeOsError(cause, depth + 1) : undefined;
  const { path, dest, syscall } = error as NodeJS.ErrnoException & { dest?: string };
  if (!path) return undefined;
  const verb = (syscall && verbs[syscall]) ?? 'use';
  const full = diskFull(error);
  if (full) return `${full} while writing ${dest ?? path}`;
  return `cannot ${verb} ${path}${dest ? ` → ${dest}` : ''}: ${reason}`;
}
