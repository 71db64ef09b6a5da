/**
 * How a program of this project reports an error: a person's mistake (a KojoError) as one line and
 * exit 1; so is an OS refusal with a path that reached the top (a content file without read
 * permission, a full disk) — the surroundings, not a bug. Anything else is a bug, flagged as
 * internal, exit 2 (KOJO_DEBUG=1 shows the stack).
 */
import { describeOsError, KojoError, osReason } from '../../indexer/errors/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { errorLine, say } from './terminal.ts';

export function reportError(program: string, error: unknown): number {
  if (error instanceof KojoError) {
    // A name the user gave (a command, a file) may hold controls or line breaks: shown escaped, whole.
    say(process.stderr, `${program}: ${error.message}`);
    return 1;
  }
  const os = describeOsError(error);
  if (os) {
    say(process.stderr, `${program}: ${os}`);
    return 1;
  }
  if (process.env.KOJO_DEBUG) throw error;
  say(process.stderr, t('cli.internalError', { program, message: errorLine(error) }));
  return 2;
}

/**
 * stdout could not take the output (`> /dev/full`, a closed pipe): the one line to say so, or null
 * for a reader that closed the pipe early (`| head`), which is its choice, not an error.
 */
export function outputFailure(program: string, error: NodeJS.ErrnoException): string | null {
  if (error.code === 'EPIPE') return null;
  return `${t('cli.cannotWrite', { program, reason: osReason(error) ?? errorLine(error) })}\n`;
}
