/**
 * Mistakes a person can make — a wrong folder, a stale index, an empty question — as one error class
 * with a stable `code`. The CLI prints any of them as one line, the browser branches on the code, and
 * anything that is not a KojoError is a bug, reported as such.
 */
export const errorCodes = [
  /** A command-line argument or option is wrong. */
  'usage',
  /** The content folder is missing or holds problems `kojo check` lists. */
  'content-missing',
  'content-invalid',
  /** No index where one was expected, or one that cannot be read. */
  'index-missing',
  'index-corrupt',
  'index-format',
  /** The embedder asked for cannot run here, or does not match the index. */
  'embedder-unavailable',
  'embedder-mismatch',
  /** A question with nothing left to search for. */
  'empty-question',
  /** The model download failed. */
  'model-fetch',
  /** `kojo import`: not a PDF or text file; a password-protected PDF; a PDF of images without text. */
  'import-unsupported',
  'import-encrypted',
  'import-scanned',
  /** `kojo import`: the file is another guideline, or another edition than guidelines.yml describes. */
  'import-wrong-guideline',
  'import-wrong-edition',
  /** An exported self-assessment file that cannot be read (not JSON/CSV, wrong fields or levels). */
  'assessment-invalid',
  /** The site build failed in a stage a person can act on (Pagefind stopped: a full disk, say). */
  'site-build',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class KojoError extends Error {
  override name = 'KojoError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isKojoError(error: unknown, code?: ErrorCode): error is KojoError {
  return error instanceof KojoError && (code === undefined || error.code === code);
}
