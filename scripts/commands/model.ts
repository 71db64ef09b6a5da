import { E5_MODEL as model, embedderSetup, fetchE5Model, missingModelFiles } from '../../indexer/embedders/node.ts';
import { KojoError } from '../../indexer/errors/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';

/** Whether the model is installed, and where: `kojo model` and `kojo model status`. */
async function status(): Promise<number> {
  const root = embedderSetup().modelRoot;
  const missing = missingModelFiles(root);
  process.stdout.write(
    `${missing.length ? t('model.missing', { model, root, missing }) : t('model.installed', { model, root })}\n`,
  );
  return 0;
}

const fetch = defineCommand({
  name: 'fetch',
  summary: t('model.fetch.summary'),
  description: t('model.fetch.help', { model }),
  options: { from: { type: 'string', value: 'URL', description: t('model.fetch.from') } },
  async run({ from }) {
    const root = embedderSetup().modelRoot;
    if (from && !/^https?:\/\//.test(from)) throw new KojoError('usage', t('model.badMirror', { got: from }));
    const source = from ?? t('model.hub');
    process.stderr.write(`${t('model.downloading', { model, source, root })}\n`);
    try {
      await fetchE5Model(root, { host: from });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      throw new KojoError('model-fetch', t('model.fetchFailed', { model, source, reason, root }));
    }
    const missing = missingModelFiles(root);
    if (missing.length) throw new KojoError('model-fetch', t('model.incomplete', { model, root, missing }));
    process.stderr.write(`${t('model.ready', { model, root })}\n`);
    return 0;
  },
});

export default defineCommand({
  name: 'model',
  description: t('model.help', { model }),
  options: {},
  subcommands: [
    fetch,
    defineCommand({
      name: 'status',
      summary: t('model.status.summary'),
      description: t('model.status.help', { model }),
      options: {},
      run: status,
    }),
  ],
  run: status,
});
