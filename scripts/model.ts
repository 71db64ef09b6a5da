import { parseArgs } from 'node:util';
import { E5_MODEL, fetchE5Model, missingModelFiles, modelRoot } from '../indexer/embedders/e5.ts';
import { UserError } from './cli-error.ts';

export const usage = 'kojo model fetch|status   download the e5 model into models/ (KOJO_MODEL_DIR), or show what is there';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true });
  const [action] = positionals;
  const root = modelRoot();
  if (action === 'status' || !action) {
    const missing = missingModelFiles(root);
    process.stdout.write(missing.length ? `${E5_MODEL}: not installed in ${root} (missing ${missing.join(', ')})\n` : `${E5_MODEL}: installed in ${root}\n`);
    return 0;
  }
  if (action !== 'fetch') throw new UserError(`unknown model action "${action}" (use fetch or status)`);
  process.stderr.write(`kojo: downloading ${E5_MODEL} into ${root} …\n`);
  try {
    await fetchE5Model(root);
  } catch (error) {
    throw new UserError(`could not download ${E5_MODEL} (${(error as Error).message.split('\n')[0]}); this needs a network that reaches the Hugging Face hub — or copy the folder ${E5_MODEL} from a machine that has it into ${root}`);
  }
  const missing = missingModelFiles(root);
  if (missing.length) throw new UserError(`download finished but ${missing.join(', ')} are missing in ${root}/${E5_MODEL}`);
  process.stderr.write(`kojo: ${E5_MODEL} ready in ${root}\n`);
  return 0;
}
