import { KojoError } from '../../indexer/errors/index.ts';
import { E5_MODEL, embedderSetup, fetchE5Model, missingModelFiles } from '../../indexer/embedders/node.ts';
import { defineCommand } from '../cli/command.ts';

/** Whether the model is installed, and where: `kojo model` and `kojo model status`. */
async function status(): Promise<number> {
  const root = embedderSetup().modelRoot;
  const missing = missingModelFiles(root);
  process.stdout.write(
    missing.length
      ? `${E5_MODEL}: not installed in ${root} (missing ${missing.join(', ')})\n`
      : `${E5_MODEL}: installed in ${root}\n`,
  );
  return 0;
}

const fetch = defineCommand({
  name: 'fetch',
  summary: 'download the model',
  description: `Downloads the e5 model (${E5_MODEL}) into models/ (or KOJO_MODEL_DIR) from the Hugging Face hub or a mirror with the hub's layout.`,
  options: { from: { type: 'string', value: 'URL', description: 'fetch from this mirror instead of the hub' } },
  async run({ from }) {
    const root = embedderSetup().modelRoot;
    if (from && !/^https?:\/\//.test(from))
      throw new KojoError('usage', `--from must be an http(s) URL (got "${from}")`);
    const source = from ?? 'the Hugging Face hub';
    process.stderr.write(`kojo: downloading ${E5_MODEL} from ${source} into ${root} …\n`);
    try {
      await fetchE5Model(root, { host: from });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new KojoError(
        'model-fetch',
        `could not download ${E5_MODEL} from ${source} (${reason}); this needs a network that reaches it — or copy the folder ${E5_MODEL} from a machine that has it into ${root}`,
      );
    }
    const missing = missingModelFiles(root);
    if (missing.length)
      throw new KojoError(
        'model-fetch',
        `download finished but ${missing.join(', ')} are missing in ${root}/${E5_MODEL}`,
      );
    process.stderr.write(`kojo: ${E5_MODEL} ready in ${root}\n`);
    return 0;
  },
});

export default defineCommand({
  name: 'model',
  description: `Shows whether the e5 model (${E5_MODEL}) is installed in models/ (or KOJO_MODEL_DIR); \`kojo model fetch\` downloads it.`,
  options: {},
  subcommands: [
    fetch,
    defineCommand({
      name: 'status',
      summary: 'show whether the model is installed (the default)',
      description: `Shows whether the e5 model (${E5_MODEL}) is installed in models/ (or KOJO_MODEL_DIR).`,
      options: {},
      run: status,
    }),
  ],
  run: status,
});
