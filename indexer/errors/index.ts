/**
 * Errors a person can act on: KojoError (a mistake, with a stable code) and the one wording of what
 * the operating system refused (permission, full disk, read-only…). Portable: no Node imports.
 */
export { errorCodes, isKojoError, KojoError, type ErrorCode } from './kojo-error.ts';
export { describeOsError, errnoCode, osError, osReason, type OsAction } from './os.ts';
