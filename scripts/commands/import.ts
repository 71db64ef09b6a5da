import { extname, join } from 'node:path';
import {
  ChecklistCategory,
  ChecklistFact,
  formatProblem,
  type GuidelineMeta,
  RegistryEntry,
} from '../../indexer/corpus/index.ts';
import { readYamlList } from '../../indexer/corpus/node.ts';
import { errnoCode, KojoError, osError } from '../../indexer/errors/index.ts';
import {
  assertImportTarget,
  checkImport,
  checkTitleStart,
  checklistImport,
  describe,
  detectUnits,
  type ImportResult,
  importFiles,
  importReport,
  PDF_LIMITS,
  readSource,
  reportedCounts,
  writeImport,
} from '../../indexer/import/node.ts';
import { printable } from '../../indexer/text/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';
import { progressReporter } from '../cli/progress.ts';
import { say } from '../cli/terminal.ts';
import { importNew, writeAtomically } from './import-new.ts';
import { contentOption, jsonOption } from './shared.ts';

export default defineCommand({
  name: 'import',
  operands: 'FILE',
  description: t('import.help'),
  options: {
    guideline: { type: 'string', value: 'KEY', description: t('import.option.guideline') },
    new: { type: 'string', value: 'KEY', description: t('importNew.option.new') },
    title: { type: 'string', value: 'T', description: t('importNew.option.title') },
    label: { type: 'string', value: 'L', description: t('importNew.option.label') },
    edition: { type: 'string', value: 'E', description: t('importNew.option.edition') },
    publisher: { type: 'string', value: 'P', description: t('importNew.option.publisher') },
    date: { type: 'string', value: 'DATE', description: t('importNew.option.date') },
    url: { type: 'string', value: 'URL', description: t('importNew.option.url') },
    publishable: { type: 'boolean', default: false, description: t('importNew.option.publishable') },
    content: contentOption,
    out: { type: 'string', value: 'DIR', description: t('import.option.out') },
    'dry-run': { type: 'boolean', default: false, description: t('import.option.dryRun') },
    'allow-partial': {
      type: 'boolean',
      default: false,
      description: t('import.option.allowPartial'),
    },
    report: {
      type: 'string',
      value: 'FILE',
      description: t('import.option.report'),
    },
    'max-pages': {
      type: 'integer',
      min: 1,
      default: PDF_LIMITS.maxPages,
      value: 'N',
      description: t('import.maxPages'),
    },
    json: jsonOption,
  },
  async run(options, operands) {
    const {
      guideline: key,
      content,
      out,
      'dry-run': dryRun,
      'allow-partial': allowPartial,
      report,
      json,
      'max-pages': maxPages,
    } = options;
    if (operands.length !== 1) throw new KojoError('usage', t('import.oneFile', { count: operands.length }));
    const file = operands[0]!;
    const reportFormat = report === undefined ? undefined : reportFormatOf(report);
    const registry = await readRegistry(content);
    const keys = registry.map((g) => g.key).join(', ');
    if (options.new !== undefined) {
      if (key) throw new KojoError('usage', t('importNew.bothKeys'));
      const { title, label, edition, publisher, date, url, publishable } = options;
      return importNew({
        file,
        key: options.new,
        content,
        ...{ title, label, edition, publisher, date, url },
        publishable,
        dryRun,
        json,
        ...(report && reportFormat ? { report: { path: report, format: reportFormat } } : {}),
        registry,
        maxPages,
      });
    }
    if (!key) throw new KojoError('usage', t('import.noGuideline', { file, known: keys }));
    const guideline = registry.find((g) => g.key === key);
    if (!guideline) throw new KojoError('usage', t('cli.error.unknownGuideline', { key, known: keys }));
    const target = out ?? join(content, 'official', guideline.key);
    // A wrong --out is refused before the file is read.
    if (!dryRun) assertImportTarget(target, guideline.key);

    // Progress on a terminal only: a log or a pipe gets the result, not a count of pages.
    const progress = process.stderr.isTTY ? progressReporter(t('import.progress')) : undefined;
    const { document, source } = await readSource(file, {
      onPage: progress,
      maxPages,
      // Another guideline's title page stops the reading at once, not after every page.
      checkStart: (pages, total) => checkTitleStart(pages, total, guideline, registry),
    });
    const result = detectUnits(document, guideline, registry);
    if (!result.edition)
      say(process.stderr, t('import.noEdition', { file, label: guideline.label, version: guideline.version }));
    const missing = result.coverage.filter((u) => !u.found);
    const checklist = checklistImport(
      guideline,
      registry,
      result,
      await readCategories(content),
      await readItemCounts(content),
    );
    const { manifest, files } = importFiles(guideline.key, result, source, new Date(), checklist, missing.length > 0);
    const problems = await checkImport(guideline.key, files, registry);
    const complete = !missing.length && !problems.length;
    // An import kojo check would reject is never written; a partial one only when asked for.
    const write = !dryRun && !problems.length && (complete || allowPartial);
    const outcome = dryRun
      ? t('importNew.dryRun')
      : write
        ? t('import.written', { target, partial: !complete })
        : t('importNew.notWritten', {
            problem: problems.length ? t('import.failsCheck') : t('import.unitsMissing', { count: missing.length }),
          });
    if (reportFormat && report) {
      const text = importReport({ guideline, file: source.file, result, manifest, outcome, problems }, reportFormat);
      await writeAtomically(report, text);
    }
    if (write) await writeImport(target, guideline.key, files);

    if (json) {
      process.stdout.write(
        `${JSON.stringify({
          ...manifest,
          out: write ? target : null,
          dryRun,
          complete,
          written: write,
          problems,
          contentsPages: result.contentsPages,
          textless: result.textless,
          // Where each unit was cut: its heading's line and its last line, as read.
          cuts: result.units.map((u) => ({ chapter: u.chapter, section: u.section, pages: u.pages, ...u.lines })),
        })}\n`,
      );
    } else say(process.stdout, ...summary(guideline.key, source.file, result, manifest, outcome));

    if (!complete) {
      const names = missing.map((u) => describe(u)).join(', ');
      const what = [
        missing.length ? t('import.notFound', { missing: missing.length, total: result.coverage.length, names }) : '',
        problems.length ? t('import.wouldFail', { problem: String(problems[0]) }) : '',
      ]
        .filter(Boolean)
        .join('; ');
      const after = write
        ? t('import.writtenAnyway')
        : problems.length || dryRun || allowPartial
          ? t('import.nothingWritten')
          : t('import.nothingWrittenHint');
      say(process.stderr, t('import.incomplete', { file, what, after }));
    }
    return complete || write ? 0 : 1;
  },
});

/** The report's format, by its file's extension; anything else is refused before the PDF is read. */
function reportFormatOf(path: string): 'md' | 'html' {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new KojoError('usage', t('import.badReport', { path }));
}

/** The coverage as a person reads it: each unit ✓ with its pages and length, or ✗; then what was corrected or warned. */
function summary(
  key: string,
  file: string,
  result: ImportResult,
  manifest: ReturnType<typeof importFiles>['manifest'],
  outcome: string,
): string[] {
  const found = manifest.units.filter((u) => u.found).length;
  const notes = (kind: 'correction' | 'warning') => result.notes.filter((n) => n.kind === kind);
  return [
    t('import.summary.found', {
      key,
      found,
      total: manifest.units.length,
      method: result.method,
      file: printable(file),
      pages: result.pages,
      ...(result.edition ? { edition: printable(result.edition) } : {}),
    }),
    ...manifest.units.map((u) => {
      const name = describe(u).padEnd(14);
      return u.found
        ? `  ✓ ${name} ${t('import.summary.pages', { from: u.pages![0], to: u.pages![1], chars: u.chars! })}  ${u.file}`
        : `  ✗ ${name} ${t('import.summary.notFound')}`;
    }),
    ...(notes('correction').length
      ? [
          t('import.summary.corrections'),
          ...notes('correction').map((n) => `  ${n.page ? `p.${n.page} ` : ''}${printable(n.text)}`),
        ]
      : []),
    ...(notes('warning').length
      ? [
          t('import.summary.warnings'),
          ...notes('warning').map((n) => `  ${n.page ? `p.${n.page} ` : ''}${printable(n.text)}`),
        ]
      : []),
    ...(manifest.unplaced.length
      ? [
          t('import.summary.unplaced', { count: manifest.unplaced.length }),
          ...manifest.unplaced.map((u) => `  p.${u.page} ${printable(u.text)}`),
        ]
      : []),
    ...(result.contentsPages.length ? [t('import.summary.contents', { pages: result.contentsPages })] : []),
    ...(manifest.checklist
      ? [
          manifest.checklist.reason
            ? t('import.summary.checklistSkipped', {
                chapter: manifest.checklist.chapter,
                reason: printable(manifest.checklist.reason),
              })
            : t('import.summary.checklistRead', {
                chapter: manifest.checklist.chapter,
                items: manifest.checklist.items,
              }),
        ]
      : []),
    outcome,
  ];
}

/** The checklist's categories, so the checklist chapter's rows can be placed; none if absent. */
async function readCategories(content: string): Promise<{ id: string; name: string }[]> {
  const path = join(content, 'checklist', 'categories.yml');
  const r = await readYamlList(path, path, ChecklistCategory).catch(() => null);
  return r && !r.problems.length ? r.items.map((i) => i.value) : [];
}

/** How many items the sources say the checklist has (facts.yml), so an import can be checked against it. */
async function readItemCounts(content: string): Promise<number[]> {
  const path = join(content, 'checklist', 'facts.yml');
  const r = await readYamlList(path, path, ChecklistFact).catch(() => null);
  return r && !r.problems.length ? reportedCounts(r.items.map((i) => i.value)) : [];
}

/** The guidelines and their official tables of contents; only guidelines.yml is needed to import. */
async function readRegistry(content: string): Promise<GuidelineMeta[]> {
  const path = join(content, 'guidelines.yml');
  const { items, problems } = await readYamlList(path, path, RegistryEntry).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR')
      throw new KojoError('content-missing', t('import.noRegistry', { content }));
    throw osError(error, 'read', path, { code: 'content-missing' });
  });
  if (problems.length)
    throw new KojoError('content-invalid', t('import.runCheck', { problem: formatProblem(problems[0]!) }));
  // A reference framework (NIST CSF …) has no official text of its own to import: not a target.
  return items.flatMap((i) => (i.value.kind === 'reference' ? [] : [i.value]));
}
