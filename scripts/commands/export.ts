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
import { defineCommand } from '../cli/command.ts';
import { errorLine, say } from '../cli/terminal.ts';
import { contentOption } from './shared.ts';

/** Written into every export folder, so a later export replaces only a folder kojo wrote. */
export const EXPORT_MARKER = '.kojo-export';

export default defineCommand({
  name: 'export',
  description:
    "Exports the guidelines, the checklist and the mappings into the formats GRC tools read: ciso-assistant (CISO Assistant libraries, YAML: one framework per guideline, the checklist scored 1-5, a mapping library per pair of guidelines), oscal (OSCAL 1.2.0 JSON: a catalog per guideline and for the checklist, a mapping-collection per pair) or csv (the mappings as an IR 8477 / OLIR-style CSV for Excel). With --assessment FILE (a JSON or CSV exported from /checklist/) it also writes that assessment: the CSV CISO Assistant's data wizard imports as an audit, or OSCAL assessment-results. The folder is replaced atomically, and only when it is empty or an earlier kojo export.",
  options: {
    format: { type: 'enum', choices: exportFormats, description: 'the target format' },
    out: {
      type: 'string',
      value: 'DIR',
      description: 'where to write the files (default: .kojo/export/FORMAT)',
    },
    guideline: {
      type: 'string',
      value: 'KEY[,KEY…]',
      description: 'export only these guidelines (and the mappings between them); default: all',
    },
    assessment: {
      type: 'string',
      value: 'FILE',
      description: 'also export this assessment (JSON or CSV from the /checklist/ page)',
    },
    'include-official': {
      type: 'string',
      value: 'KEYS',
      description:
        "include these guidelines' imported official text even where guidelines.yml says it may not be published (comma-separated; only for a copy you may share)",
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
      if (!data.items.length)
        throw new KojoError('content-invalid', `the content folder ${values.content} has no checklist items to assess`);
      const file = values.assessment;
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new KojoError('usage', `cannot read ${file}: ${describeOsError(error) ?? errorLine(error)}`);
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
    say(
      process.stderr,
      `kojo export: wrote ${files.length} file(s) into ${out}: ${files.map((f) => f.name).join(', ')}`,
    );
    return 0;
  },
});
