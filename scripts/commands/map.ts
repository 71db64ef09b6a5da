import { loadValidContent } from '../../indexer/corpus/node.ts';
import { defineCommand } from '../cli/command.ts';
import { contentOption, jsonOption, printRows } from './shared.ts';

export default defineCommand({
  name: 'map',
  description:
    'Lists every cross-reference mapping between the guidelines, with the NIST IR 8477 fields (relationship, rationale type, confidence, rationale).',
  options: { content: contentOption, json: jsonOption },
  async run({ content, json }) {
    const corpus = await loadValidContent(content);
    const rows = corpus.mappings.map(({ from, to, level, relationship, rationaleType, confidence, rationale }) => ({
      from,
      to,
      level,
      relationship,
      rationaleType,
      confidence,
      rationale,
    }));
    return printRows(
      rows,
      json,
      (r) =>
        `[${r.level}] ${r.from} ${r.relationship} ${r.to ?? '—'} (${r.rationaleType}, ${r.confidence}): ${r.rationale}`,
    );
  },
});
