import { osError } from '../../indexer/errors/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import { embedderSetup, resolveEmbedder } from '../../indexer/embedders/node.ts';
import { assertIndexTarget, DEFAULT_INDEX_DIR } from '../../indexer/index-format/node.ts';
import { buildIndex } from '../../indexer/search/node.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';
import { progressReporter } from '../cli/progress.ts';
import { say } from '../cli/terminal.ts';
import { contentOption, embedderOption } from './shared.ts';

export default defineCommand({
  name: 'build-index',
  description: t('buildIndex.help'),
  options: {
    content: contentOption,
    out: { type: 'string', default: DEFAULT_INDEX_DIR, value: 'DIR', description: t('buildIndex.out') },
    embedder: embedderOption,
  },
  async run({ content, out, embedder }) {
    // A wrong --out (".", "/", a folder of other files) is refused first, before any other output.
    assertIndexTarget(out);
    // The content is only read: a file the OS refuses is `cannot read FILE: permission denied`.
    const corpus = await loadValidContent(content).catch((error: NodeJS.ErrnoException) => {
      throw osError(error, 'read', error.path ?? content, { code: 'content-missing' });
    });
    const setup = embedderSetup();
    const resolved = resolveEmbedder(embedder, setup);
    say(process.stderr, t('buildIndex.embedder', { id: resolved.plugin.id, reason: resolved.reason }));
    const manifest = await buildIndex(corpus, {
      contentDir: content,
      out,
      embedder: resolved.plugin,
      setup,
      onProgress: progressReporter(t('buildIndex.progress')),
    });
    const done = t('buildIndex.done', {
      clauses: corpus.clauses.length,
      notes: corpus.notes.length,
      embedder: manifest.embedder.id,
      dims: manifest.embedder.dimension,
      out,
      seconds: (manifest.buildMs / 1000).toFixed(1),
    });
    say(process.stderr, done);
    return 0;
  },
});
