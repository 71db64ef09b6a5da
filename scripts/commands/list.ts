import { chapterName, officialTexts } from '../../indexer/corpus/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';
import { contentOption, jsonOption, printRows } from './shared.ts';

export default defineCommand({
  name: 'list',
  description: t('list.help'),
  options: { content: contentOption, json: jsonOption },
  async run({ content, json }) {
    const corpus = await loadValidContent(content);
    const officialTextOf = officialTexts(corpus.clauses);
    const units = corpus.clauses.map(
      ({
        id,
        guideline,
        chapter,
        section,
        title,
        en,
        summaryEn,
        basis,
        verified,
        sources,
        formerIds,
        url,
        pages,
        reference,
      }) => ({
        kind: 'unit' as const,
        id,
        guideline,
        chapter,
        section,
        title,
        en: en ?? null,
        // The project's own English summary (english.yml), never the guideline's words.
        ...(summaryEn && { summaryEn }),
        basis,
        verified,
        sources,
        formerIds,
        url,
        ...(pages && { pages }),
        // A reference framework's entry: its official identifier and name, and the project's one-liners.
        ...(reference && { reference }),
        // Whether the guideline's own words on this clause's unit have been imported (kojo import).
        officialText: officialTextOf({ guideline, chapter, section })?.id ?? null,
      }),
    );
    const notes = corpus.notes.map(({ id, title, en, relates, formerIds, sources, url }) => ({
      kind: 'note' as const,
      id,
      title,
      en: en ?? null,
      relates,
      formerIds,
      sources,
      url,
    }));
    const rows = [...units, ...notes];
    // Titles come from content: printRows shows a control or line break in one escaped, on its own line.
    return printRows(rows, json, (r) =>
      r.kind === 'note'
        ? `${r.id.padEnd(34)} ${t('list.note')} ${r.title} → ${r.relates.join(', ')}${r.sources.length ? ` [${r.sources.join(',')}]` : ''}`
        : `${r.id.padEnd(34)} ${r.guideline} ${chapterName(r.chapter).padEnd(6)} ${r.section.padEnd(10)} ${r.title} [${r.basis}${r.verified ? '' : `, ${t('list.unverified')}`}${r.sources.length ? `; ${r.sources.join(',')}` : ''}]`,
    );
  },
});
