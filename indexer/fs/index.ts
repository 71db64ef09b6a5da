/**
 * File-system helpers every writer shares: a folder replaced atomically and only over its own
 * work, and the one-writer-per-folder lock behind it. Node only, unlike other rooms' front doors:
 * the whole room is about the file system, so it has no portable half.
 */
export { recoverAbandoned, refuseForeign, writeDirAtomically, type Recognise } from './atomic-dir.ts';
export { lockPath, withDirLock, type LockOptions } from './lock.ts';
export { assertCreatable, makeDirs } from './make-dirs.ts';
export { whyMissing, type WriteCheck } from './why-missing.ts';
