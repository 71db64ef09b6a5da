/** A mistake by the person at the keyboard: shown as one line, never as a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Errors the library raises about input a person gave (a folder, an index, a model choice). */
const userErrorNames = ['ContentDirError', 'IndexError', 'EmbedderUnavailable'];
/** parseArgs reports unknown options and bad values with these codes. */
const argumentErrorCodes = ['ERR_PARSE_ARGS_UNKNOWN_OPTION', 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'];

/**
 * Prints an error as one line prefixed with the program's name and returns the exit code: 1 for a
 * user mistake, 2 for a bug (whose details KOJO_DEBUG=1 shows).
 */
export function reportError(program: string, error: unknown): number {
  const { name, message, code } = (error ?? {}) as NodeJS.ErrnoException;
  if (error instanceof UserError || userErrorNames.includes(name) || argumentErrorCodes.includes(code ?? '')) {
    process.stderr.write(`${program}: ${message.split('\n')[0]}\n`);
    return error instanceof UserError ? error.exitCode : 1;
  }
  if (process.env.KOJO_DEBUG) throw error;
  process.stderr.write(`${program}: internal error: ${message?.split('\n')[0] ?? String(error)} (set KOJO_DEBUG=1 for details)\n`);
  return 2;
}
