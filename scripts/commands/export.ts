import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checklistData } from '../../indexer/assessment/index.ts';
import { assertIncludable, includeList, publishedCorpus } from '../../indexer/corpus/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import { describeOsError, KojoError } from '../../indexer/errors/index.ts';
import {
  assertAssessmentFormat,
  exportAssessment,
  exportContent,
  exportFormat,
  exportFormats,
  readAssessmentForExport,
} from '../../indexer/export/index.ts';
import { writeDirAtomically } from '../../indexer/fs/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';
import { errorLine, say } from '../cli/terminal.ts';
import { contentOption } from './shared.ts';

/** Written into every export folder, so a later export replaces only a folder kojo wrote. */
export const EXPORT_MARKER = '.kojo-export';

export default defineCommand({
  name: 'export',
  description: t('export.help'),
  options: {
    format: { type: 'enum', choices: exportFormats, description: t('export.option.format') },
    out: {
      type: 'string',
      value: 'DIR',
      description: t('export.option.out'),
    },
    guideline: {
      type: 'string',
      value: 'KEY[,KEY…]',
      description: t('export.option.guideline'),
    },
    assessment: {
      type: 'string',
      value: 'FILE',
      description: t('export.option.assessment'),
    },
    'include-official': {
      type: 'string',
      value: 'KEYS',
      description: t('export.option.includeOfficial'),
    },
    content: contentOption,
  },
  async run(values) {
    const format = exportFormat(values.format);
    if (values.assessment !== undefined) assertAssessmentFormat(format);
    const out = values.out ?? join('.kojo', 'export', format);
    const keys = includeList(values.guideline);
    const include = includeList(values['include-official']);
    const loaded = await loadValidContent(values.content);
    assertIncludable(loaded.guidelines, include);
    // An export leaves this machine for a GRC tool: official text goes only where its licence lets it.
    const corpus = publishedCorpus(loaded, include);
    const ctx = { exportedAt: new Date().toISOString() };
    const files = exportContent(corpus, format, ctx, keys);
    if (values.assessment !== undefined) {
      const data = checklistData(corpus);
      if (!data.items.length) throw new KojoError('content-invalid', t('export.noItems', { content: values.content }));
      const file = values.assessment;
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        const reason = describeOsError(error) ?? errorLine(error);
        throw new KojoError('usage', t('cli.error.cannotRead', { file, reason }));
      });
      files.push(exportAssessment(format, data, readAssessmentForExport(text, file, data), ctx));
    }
    await writeDirAtomically(
      out,
      EXPORT_MARKER,
      async (tmp) => {
        for (const f of files) await writeFile(join(tmp, f.name), f.content);
      },
      undefined,
      'export',
    );
    say(process.stderr, t('export.wrote', { count: files.length, out, names: files.map((f) => f.name) }));
    return 0;
  },
});
