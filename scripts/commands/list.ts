import { chapterName, officialTextOf } from '../../indexer/corpus/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import { defineCommand } from '../cli/command.ts';
import { contentOption, jsonOption, printRows } from './shared.ts';

export default defineCommand({
  name: 'list',
  description: 'Lists every clause: id, guideline, chapter, section, title, provenance and permalink.',
  options: { content: contentOption, json: jsonOption },
  async run({ content, json }) {
    const corpus = await loadValidContent(content);
    const rows = corpus.clauses.map((c) => {
      const { id, guideline, chapter, section, title, basis, verified, url, pages } = c;
      // Whether the guideline's own words on this clause's unit have been imported (kojo import).
      const officialText = officialTextOf(corpus.clauses, c)?.id ?? null;
      return { id, guideline, chapter, section, title, basis, verified, url, ...(pages && { pages }), officialText };
    });
    return printRows(rows, json, (r) => `${r.id.padEnd(34)} ${r.guideline} ${chapterName(r.chapter).padEnd(6)} ${r.section.padEnd(10)} ${r.title} [${r.basis}${r.verified ? '' : ', unverified'}]`);
  },
});
