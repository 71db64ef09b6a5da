import { ir8477Mapping, mappingFramework } from '../../indexer/corpus/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';
import { contentOption, jsonOption, printRows } from './shared.ts';

export default defineCommand({
  name: 'map',
  description: t('map.help'),
  options: { content: contentOption, json: jsonOption },
  async run({ content, json }) {
    const corpus = await loadValidContent(content);
    const rows = corpus.mappings.map((m) => ({
      ...ir8477Mapping(m),
      // The reference framework a crosswalk mapping speaks for (null between guidelines).
      framework: mappingFramework(m, corpus.guidelines) ?? null,
    }));
    return printRows(
      rows,
      json,
      (r) =>
        `[${r.level}] ${r.from} ${r.relationship} ${r.to ?? '—'} (${r.rationaleType}, ${r.confidence}): ${r.rationale}`,
    );
  },
});
