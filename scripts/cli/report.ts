/**
 * How a program of this project reports an error: a person's mistake (a KojoError) as one line and
 * exit 1; anything else is a bug, flagged as internal, exit 2 (KOJO_DEBUG=1 shows the stack).
 */
import { KojoError } from '../../indexer/errors/index.ts';

export function reportError(program: string, error: unknown): number {
  if (error instanceof KojoError) {
    process.stderr.write(`${program}: ${error.message.split('\n')[0]}\n`);
    return 1;
  }
  if (process.env.KOJO_DEBUG) throw error;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${program}: internal error: ${message.split('\n')[0]} (set KOJO_DEBUG=1 for details)\n`);
  return 2;
}
