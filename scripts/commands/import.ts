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
  description:
    "Reads a guideline's own PDF (or text copied from it), finds every official unit of its table of contents and writes their text, cited by page, into CONTENT/official/KEY/ (replacing only a previous import, atomically). Prints the coverage. Exits 1 and writes nothing unless every unit was found with text and the result passes kojo check (--allow-partial writes what was found).",
  options: {
    guideline: { type: 'string', value: 'KEY', description: 'the guideline the file is (a key of guidelines.yml)' },
    new: { type: 'string', value: 'KEY', description: t('importNew.option.new') },
    title: { type: 'string', value: 'T', description: t('importNew.option.title') },
    label: { type: 'string', value: 'L', description: t('importNew.option.label') },
    edition: { type: 'string', value: 'E', description: t('importNew.option.edition') },
    publisher: { type: 'string', value: 'P', description: t('importNew.option.publisher') },
    date: { type: 'string', value: 'DATE', description: t('importNew.option.date') },
    url: { type: 'string', value: 'URL', description: t('importNew.option.url') },
    publishable: { type: 'boolean', default: false, description: t('importNew.option.publishable') },
    content: contentOption,
    out: { type: 'string', value: 'DIR', description: 'where to write (default: CONTENT/official/KEY)' },
    'dry-run': { type: 'boolean', default: false, description: 'read and report, write nothing' },
    'allow-partial': {
      type: 'boolean',
      default: false,
      description: 'write the units found even when some are missing (import.yml records which)',
    },
    report: {
      type: 'string',
      value: 'FILE',
      description:
        'write a review of the import (each unit’s pages, first and last lines, length, every correction and warning) as Markdown (.md) or HTML (.html)',
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
    if (operands.length !== 1)
      throw new KojoError(
        'usage',
        `name one file to import${operands.length ? `, not ${operands.length}` : ''} (see kojo import --help)`,
      );
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
    if (!key) throw new KojoError('usage', `--guideline is required: which guideline is ${file}? (${keys})`);
    const guideline = registry.find((g) => g.key === key);
    if (!guideline) throw new KojoError('usage', `unknown guideline '${key}' (known: ${keys})`);
    const target = out ?? join(content, 'official', guideline.key);
    // A wrong --out is refused before the file is read.
    if (!dryRun) assertImportTarget(target, guideline.key);

    // Progress on a terminal only: a log or a pipe gets the result, not a count of pages.
    const progress = process.stderr.isTTY ? progressReporter('reading pages') : undefined;
    const { document, source } = await readSource(file, {
      onPage: progress,
      maxPages,
      // Another guideline's title page stops the reading at once, not after every page.
      checkStart: (pages, total) => checkTitleStart(pages, total, guideline, registry),
    });
    const result = detectUnits(document, guideline, registry);
    if (!result.edition)
      say(
        process.stderr,
        `kojo: no edition found on the title page; check that ${file} is ${guideline.label} ${guideline.version}`,
      );
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
      ? 'dry run: nothing written'
      : write
        ? `written to ${target}${complete ? '' : ' (partial: --allow-partial)'}`
        : `not written: ${problems.length ? 'the result would not pass kojo check' : `${missing.length} units missing`}`;
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
        missing.length ? `${missing.length} of ${result.coverage.length} units not found (${names})` : '',
        problems.length ? `kojo check would fail: ${problems[0]}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      const after = write
        ? 'written anyway (--allow-partial); import.yml records what is missing'
        : problems.length || dryRun || allowPartial
          ? 'nothing written'
          : 'nothing written (--report FILE shows where each unit was cut; --allow-partial writes the units found)';
      say(process.stderr, `kojo: incomplete import of ${file}: ${what}; ${after}`);
    }
    return complete || write ? 0 : 1;
  },
});

/** The report's format, by its file's extension; anything else is refused before the PDF is read. */
function reportFormatOf(path: string): 'md' | 'html' {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new KojoError('usage', `--report ${path}: name a .md or .html file (the extension chooses the format)`);
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
    `${key}: ${found} of ${manifest.units.length} official units found (${result.method}) in ${printable(file)}, ${result.pages} pages${result.edition ? `, ${printable(result.edition)}` : ''}`,
    ...manifest.units.map((u) => {
      const name = describe(u).padEnd(14);
      return u.found
        ? `  ✓ ${name} p.${u.pages![0]}–${u.pages![1]}  ${u.chars} chars  ${u.file}`
        : `  ✗ ${name} not found`;
    }),
    ...(notes('correction').length
      ? ['corrections:', ...notes('correction').map((n) => `  ${n.page ? `p.${n.page} ` : ''}${printable(n.text)}`)]
      : []),
    ...(notes('warning').length
      ? ['warnings:', ...notes('warning').map((n) => `  ${n.page ? `p.${n.page} ` : ''}${printable(n.text)}`)]
      : []),
    ...(manifest.unplaced.length
      ? [
          `headings not placed (${manifest.unplaced.length}; their text stays with the unit above):`,
          ...manifest.unplaced.map((u) => `  p.${u.page} ${printable(u.text)}`),
        ]
      : []),
    ...(result.contentsPages.length ? [`contents pages skipped: ${result.contentsPages.join(', ')}`] : []),
    ...(manifest.checklist
      ? [
          manifest.checklist.reason
            ? `checklist (${manifest.checklist.chapter}): not read — ${printable(manifest.checklist.reason)}; /checklist/ keeps the project's items`
            : `checklist (${manifest.checklist.chapter}): ${manifest.checklist.items} items read; /checklist/ and kojo checklist use them`,
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
  if (problems.length) throw new KojoError('content-invalid', `${formatProblem(problems[0]!)} (run kojo check)`);
  // A reference framework (NIST CSF …) has no official text of its own to import: not a target.
  return items.flatMap((i) => (i.value.kind === 'reference' ? [] : [i.value]));
}
