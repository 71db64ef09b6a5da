import { join } from 'node:path';
import {
  DOWNLOAD_TIMEOUT_MS,
  E5_MODEL as model,
  embedderSetup,
  fetchE5Model,
  missingModelFiles,
  modelDamage,
} from '../../indexer/embedders/node.ts';
import { KojoError } from '../../indexer/errors/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';
import { progressReporter } from '../cli/progress.ts';
import { errorLine, say } from '../cli/terminal.ts';

/** Whether the model is installed, and where: `kojo model` and `kojo model status`. */
async function status(): Promise<number> {
  const root = embedderSetup().modelRoot;
  const missing = missingModelFiles(root);
  const damage = missing.length ? null : modelDamage(root);
  say(
    process.stdout,
    `${
      missing.length
        ? t('model.missing', { model, root, missing })
        : damage
          ? t('model.status.damaged', { model, dir: join(root, model), reason: damage })
          : t('model.installed', { model, root })
    }`,
  );
  return 0;
}

const fetch = defineCommand({
  name: 'fetch',
  summary: t('model.fetch.summary'),
  description: t('model.fetch.help', { model }),
  options: {
    from: { type: 'string', value: 'URL', description: t('model.fetch.from') },
    timeout: {
      type: 'integer',
      min: 1,
      default: DOWNLOAD_TIMEOUT_MS / 1000,
      value: 'SECONDS',
      description: t('model.fetch.timeout'),
    },
  },
  async run({ from, timeout }) {
    const root = embedderSetup().modelRoot;
    if (from && !/^https?:\/\//.test(from)) throw new KojoError('usage', t('model.badMirror', { got: from }));
    const source = from ?? t('model.hub');
    say(process.stderr, t('model.downloading', { model, source, root }));
    try {
      const bars = new Map<string, ReturnType<typeof progressReporter>>();
      await fetchE5Model(root, {
        host: from,
        timeoutMs: timeout * 1000,
        // Only a terminal shows the bytes coming in; a log gets the start and the verdict.
        onProgress: (file, loaded, total) => {
          if (!process.stderr.isTTY || !total) return;
          if (!bars.has(file)) bars.set(file, progressReporter(t('model.progress', { file })));
          bars.get(file)!(Math.round(loaded / 1024), Math.round(total / 1024));
        },
      });
    } catch (error) {
      const reason = errorLine(error);
      throw new KojoError('model-fetch', t('model.fetchFailed', { model, source, reason, root }));
    }
    const missing = missingModelFiles(root);
    if (missing.length) throw new KojoError('model-fetch', t('model.incomplete', { model, root, missing }));
    say(process.stderr, t('model.ready', { model, root }));
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
