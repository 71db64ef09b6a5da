import { join } from 'node:path';
import { ChecklistCategory, ChecklistFact, formatProblem, GuidelineMeta } from '../../indexer/corpus/index.ts';
import { readYamlList } from '../../indexer/corpus/node.ts';
import { KojoError, osError } from '../../indexer/errors/index.ts';
import {
  assertImportTarget,
  checklistImport,
  detectUnits,
  importFiles,
  readSource,
  reportedCounts,
  writeImport,
} from '../../indexer/import/node.ts';
import { printable } from '../../indexer/text/index.ts';
import { defineCommand } from '../cli/command.ts';
import { progressReporter } from '../cli/progress.ts';
import { contentOption, jsonOption } from './shared.ts';

export default defineCommand({
  name: 'import',
  operands: 'FILE',
  description:
    "Reads a guideline's own PDF (or text copied from it), finds every official unit of its table of contents and writes their text, cited by page, into CONTENT/official/KEY/ (replacing only a previous import, atomically). Prints the coverage.",
  options: {
    guideline: { type: 'string', value: 'KEY', description: 'the guideline the file is (a key of guidelines.yml)' },
    content: contentOption,
    out: { type: 'string', value: 'DIR', description: 'where to write (default: CONTENT/official/KEY)' },
    'dry-run': { type: 'boolean', default: false, description: 'read and report, write nothing' },
    json: jsonOption,
  },
  async run({ guideline: key, content, out, 'dry-run': dryRun, json }, operands) {
    if (operands.length !== 1)
      throw new KojoError(
        'usage',
        `name one file to import${operands.length ? `, not ${operands.length}` : ''} (see kojo import --help)`,
      );
    const file = operands[0]!;
    const registry = await readRegistry(content);
    const keys = registry.map((g) => g.key).join(', ');
    if (!key) throw new KojoError('usage', `--guideline is required: which guideline is ${file}? (${keys})`);
    const guideline = registry.find((g) => g.key === key);
    if (!guideline) throw new KojoError('usage', `unknown guideline '${key}' (known: ${keys})`);
    const target = out ?? join(content, 'official', guideline.key);
    // A wrong --out is refused before the file is read.
    if (!dryRun) assertImportTarget(target);

    const { document, source } = await readSource(file, progressReporter('reading pages'));
    const result = detectUnits(document, guideline, registry);
    if (!result.edition)
      process.stderr.write(
        `kojo: no edition found on the title page; check that ${file} is ${guideline.label} ${guideline.version}\n`,
      );
    const checklist = checklistImport(
      guideline,
      registry,
      result,
      await readCategories(content),
      await readItemCounts(content),
    );
    const { manifest, files } = importFiles(guideline.key, result, source, new Date(), checklist);
    if (!dryRun) await writeImport(target, files);

    if (json) {
      process.stdout.write(
        `${JSON.stringify({ ...manifest, out: dryRun ? null : target, dryRun, contentsPages: result.contentsPages })}\n`,
      );
      return 0;
    }
    const found = manifest.units.filter((u) => u.found).length;
    const lines = [
      `${guideline.key}: ${found} of ${manifest.units.length} official units found (${result.method}) in ${printable(source.file)}, ${result.pages} pages${result.edition ? `, ${printable(result.edition)}` : ''}`,
      ...manifest.units.map((u) => {
        const name = `${u.chapter === u.section ? u.chapter : `${u.chapter} ${u.section}`}`.padEnd(14);
        return u.found
          ? `  ✓ ${name} p.${u.pages![0]}–${u.pages![1]}  ${u.chars} chars  ${u.file}`
          : `  ✗ ${name} not found`;
      }),
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
      dryRun ? 'dry run: nothing written' : `written to ${target}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
});

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
  const { items, problems } = await readYamlList(path, path, GuidelineMeta).catch((error: unknown) => {
    throw osError(error, 'read', path, { code: 'content-missing' });
  });
  if (problems.length) throw new KojoError('content-invalid', `${formatProblem(problems[0]!)} (run kojo check)`);
  return items.map((i) => i.value);
}
