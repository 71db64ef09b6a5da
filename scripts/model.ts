import { parseArgs } from 'node:util';
import { E5_MODEL, fetchE5Model, missingModelFiles, modelRoot } from '../indexer/embedders/e5.ts';
import { UserError } from './cli-error.ts';

export const usage = 'kojo model fetch [--from URL]|status   download the e5 model into models/ (KOJO_MODEL_DIR), from the hub or a mirror; or show what is there';

export async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, options: { from: { type: 'string' } }, allowPositionals: true, strict: true });
  const [action] = positionals;
  const root = modelRoot();
  if (action === 'status' || !action) {
    const missing = missingModelFiles(root);
    process.stdout.write(missing.length ? `${E5_MODEL}: not installed in ${root} (missing ${missing.join(', ')})\n` : `${E5_MODEL}: installed in ${root}\n`);
    return 0;
  }
  if (action !== 'fetch') throw new UserError(`unknown model action "${action}" (use fetch or status)`);
  if (values.from && !/^https?:\/\//.test(values.from)) throw new UserError(`--from must be an http(s) URL (got "${values.from}")`);
  const source = values.from ?? 'the Hugging Face hub';
  process.stderr.write(`kojo: downloading ${E5_MODEL} from ${source} into ${root} …\n`);
  try {
    await fetchE5Model(root, { host: values.from });
  } catch (error) {
    throw new UserError(`could not download ${E5_MODEL} from ${source} (${(error as Error).message.split('\n')[0]}); this needs a network that reaches it — or copy the folder ${E5_MODEL} from a machine that has it into ${root}`);
  }
  const missing = missingModelFiles(root);
  if (missing.length) throw new UserError(`download finished but ${missing.join(', ')} are missing in ${root}/${E5_MODEL}`);
  process.stderr.write(`kojo: ${E5_MODEL} ready in ${root}\n`);
  return 0;
}
