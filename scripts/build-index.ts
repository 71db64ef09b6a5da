import { parseArgs } from 'node:util';
import { buildIndex } from '../indexer/build.ts';
import { createEmbedder, resolveEmbedder } from '../indexer/embedders/select.ts';
import { embedderChoices, type EmbedderChoice } from '../indexer/embedders/embedder.ts';
import { DEFAULT_INDEX_DIR } from '../indexer/index-format.ts';
import { progressReporter } from '../indexer/progress.ts';
import { UserError } from './cli-error.ts';
import { loadValidContent } from './load-valid-content.ts';

export const usage = 'kojo build-index [--content DIR] [--out DIR] [--embedder auto|e5|builtin]   build the search index';

export function parseEmbedderChoice(value: string): EmbedderChoice {
  if (!embedderChoices.includes(value as EmbedderChoice)) {
    throw new UserError(`--embedder must be one of ${embedderChoices.join(', ')} (got "${value}")`);
  }
  return value as EmbedderChoice;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: DEFAULT_INDEX_DIR },
      embedder: { type: 'string', default: 'auto' },
    },
    strict: true,
  });
  const choice = parseEmbedderChoice(values.embedder!);
  const corpus = await loadValidContent(values.content!);
  const resolved = resolveEmbedder(choice);
  process.stderr.write(`kojo: embedder: ${resolved.id} — ${resolved.reason}\n`);
  const manifest = await buildIndex(corpus, {
    contentDir: values.content!,
    out: values.out!,
    embedder: (state) => createEmbedder(resolved, state),
    onProgress: progressReporter('embedding'),
  });
  process.stderr.write(
    `kojo: indexed ${manifest.clauseCount} clauses with ${manifest.embedder.id} (${manifest.embedder.dimension} dims) into ${values.out} in ${(manifest.buildMs / 1000).toFixed(1)} s\n`,
  );
  return 0;
}
