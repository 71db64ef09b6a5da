/**
 * `kojo import FILE --new KEY`: a document the registry does not know becomes a guideline. Its table of
 * contents is proposed from its own structure (indexer/import proposeStructure), shown for review, and
 * written — the entry appended to guidelines.yml as a draft, the official text imported exactly as for a
 * known guideline (detectUnits against the proposed entry) — unless --dry-run.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Document } from 'yaml';
import { type GuidelineMeta, GuidelineKey } from '../../indexer/corpus/index.ts';
import { KojoError, osError } from '../../indexer/errors/index.ts';
import {
  assertImportTarget,
  checkImport,
  detectUnits,
  type ImportResult,
  importFiles,
  importReport,
  type Proposal,
  proposedEntry,
  proposeStructure,
  readSource,
  writeImport,
} from '../../indexer/import/node.ts';
import { printable } from '../../indexer/text/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { progressReporter } from '../cli/progress.ts';

export interface NewImportOptions {
  file: string;
  key: string;
  content: string;
  title?: string;
  label?: string;
  edition?: string;
  publisher?: string;
  date?: string;
  url?: string;
  publishable: boolean;
  dryRun: boolean;
  json: boolean;
  report?: { path: string; format: 'md' | 'html' };
  registry: GuidelineMeta[];
  maxPages?: number | undefined;
}

export async function importNew(o: NewImportOptions): Promise<number> {
  const key = o.key;
  const valid = GuidelineKey.safeParse(key);
  if (!valid.success)
    throw new KojoError('usage', t('importNew.badKey', { key, reason: valid.error.issues[0]!.message }));
  if (o.registry.some((g) => g.key === key)) throw new KojoError('usage', t('importNew.knownKey', { key }));
  const target = join(o.content, 'official', key);
  if (!o.dryRun) assertImportTarget(target, key);

  const progress = process.stderr.isTTY ? progressReporter(t('import.progress')) : undefined;
  const { document, source } = await readSource(o.file, { onPage: progress, maxPages: o.maxPages });
  const proposal = proposeStructure(document);
  if ('attempts' in proposal) throw new KojoError('import-unsupported', t('importNew.noStructure', { file: o.file }));

  const title = o.title ?? proposal.title ?? basename(o.file, extname(o.file));
  const version = o.edition ?? proposal.edition ?? t('importNew.unknownEdition');
  const date = o.date ?? proposal.date;
  if (!date) throw new KojoError('usage', t('importNew.noDate', { file: o.file }));
  const publisher = o.publisher ?? t('importNew.unknownPublisher');
  const fields = {
    key,
    label: o.label ?? key.toUpperCase(),
    title,
    version,
    date,
    publisher,
    ...(o.url ? { url: o.url } : {}),
    licence: o.publishable ? t('importNew.licence.publishable') : t('importNew.licence.private'),
    attribution: t('importNew.attribution', { publisher, title, version }),
    publishable: o.publishable,
  };
  let entry = proposedEntry(proposal, fields);
  let result = detectUnits(document, entry, [...o.registry, entry]);
  // A heading the structure named but the text detection could not place is left out of the entry
  // (the review lists it), so the entry names only units whose text was imported.
  const pruned = foundOnly(entry, result);
  if (pruned !== entry) {
    entry = pruned;
    result = detectUnits(document, entry, [...o.registry, entry]);
  }
  const registry = [...o.registry, entry];
  const { manifest, files } = importFiles(key, result, source, new Date(), undefined, false);
  const problems = await checkImport(key, files, registry);
  const write = !o.dryRun && !problems.length && result.units.length > 0;
  const registryPath = join(o.content, 'guidelines.yml');
  const outcome = o.dryRun
    ? t('importNew.dryRun')
    : write
      ? t('importNew.written', { registry: registryPath, official: target })
      : t('importNew.notWritten', { problem: problems[0] ?? t('importNew.noText') });
  if (o.report) {
    const text = importReport(
      { guideline: entry, file: source.file, result, manifest, outcome, problems },
      o.report.format,
    );
    await writeAtomically(o.report.path, text);
  }
  if (write) {
    // The entry first: official text of a guideline the registry does not name would be stray.
    await appendEntry(registryPath, entry);
    await writeImport(target, key, files);
  }
  if (o.json)
    process.stdout.write(
      `${JSON.stringify({ method: proposal.method, entry, import: manifest, dryRun: o.dryRun, written: write, problems })}\n`,
    );
  else process.stdout.write(`${review(proposal, entry, result, outcome).join('\n')}\n`);
  if (!write && !o.dryRun) {
    process.stderr.write(`kojo: ${outcome}\n`);
    return 1;
  }
  return 0;
}

/** The entry without the units the text detection did not find (a chapter stays while a section of it was found). */
function foundOnly(entry: GuidelineMeta, result: ImportResult): GuidelineMeta {
  const found = new Set(result.coverage.filter((c) => c.found).map((c) => `${c.chapter}\u0000${c.section}`));
  if (found.size === result.coverage.length) return entry;
  const chapters = entry.chapters
    .map((c): GuidelineMeta['chapters'][number] => {
      const sections = (c.sections ?? []).filter((s) => found.has(`${c.label}\u0000${s.label}`));
      const { sections: _, ...rest } = c;
      return sections.length ? { ...rest, sections } : rest;
    })
    .filter((c) => found.has(`${c.label}\u0000${c.label}`) || c.sections?.length);
  if (!chapters.length) return entry;
  return { ...entry, chapters };
}

/** The proposed table of contents as a person reviews it: each chapter and section with its page and imported length. */
function review(proposal: Proposal, entry: GuidelineMeta, result: ImportResult, outcome: string): string[] {
  const unit = (chapter: string, section: string) =>
    result.units.find((u) => u.chapter === chapter && u.section === section);
  const line = (indent: string, chapter: string, section: string, label: string, title: string) => {
    const u = unit(chapter, section);
    return `${indent}${printable(label)}  ${printable(title)}  ${u ? t('import.summary.pages', { from: u.pages[0], to: u.pages[1], chars: u.text.length }) : t('importNew.noTextShort')}`;
  };
  return [
    t('importNew.summary', {
      key: entry.key,
      title: printable(entry.title),
      version: printable(entry.version),
      method: proposal.method,
      chapters: entry.chapters.length,
      units: result.units.length,
    }),
    ...entry.chapters.flatMap((c) => [
      line('  ', c.label, c.label, c.label, c.title),
      ...(c.sections ?? []).map((s) => line('    ', c.label, s.label, s.label, s.title ?? '')),
    ]),
    t('importNew.draft', { publishable: entry.official.publishable }),
    outcome,
  ];
}

/**
 * Appends the entry to guidelines.yml as a block of its own after what is there, so the file's comments
 * and layout stay as they were; written to a temporary file and renamed, so a reader never sees half.
 */
async function appendEntry(path: string, entry: GuidelineMeta): Promise<void> {
  const before = await readFile(path, 'utf8').catch((error: unknown) => {
    throw osError(error, 'read', path, { code: 'content-missing' });
  });
  const block = new Document([entry], { aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
  const text = `${before.replace(/\s*$/, '\n')}${t('importNew.registryComment', { key: entry.key })}\n${block}`;
  await writeAtomically(path, text);
}

/** Writes `text` to a temporary file beside `path` and renames it over: a reader never sees half. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text).catch((error: unknown) => {
    throw osError(error, 'write', path, { code: 'usage' });
  });
  await rename(tmp, path);
}
