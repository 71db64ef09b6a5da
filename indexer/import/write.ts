/**
 * Writes an import as `content/official/KEY/` (content/README.md, "Official text"): one Markdown
 * file per found unit and `import.yml`, swapped in atomically, replacing only a previous import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KojoError } from '../errors/index.ts';
import { t } from '../wording/index.ts';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { refuseForeign, writeDirAtomically, type Recognise } from '../fs/index.ts';
import type { ImportResult } from './detect.ts';
import { loadOfficial } from '../corpus/node.ts';
import {
  formatProblem,
  type GuidelineMeta,
  guidelineRegistry,
  IMPORT_CHECKLIST,
  IMPORT_FORMAT_VERSION,
  IMPORT_MANIFEST,
  ImportManifest,
  OfficialChecklistItem,
  OfficialFrontMatter,
} from '../corpus/index.ts';
import type { ChecklistRead } from './checklist.ts';

export interface SourceFile {
  /** Base name of the file imported. */
  file: string;
  sha256: string;
  bytes: number;
}

/**
 * A folder of a previous import of `guideline`: its marker says so, and it holds nothing but unit
 * files. Another guideline's import is not ours to replace (an --out naming content/official/gutp
 * for a METI PDF would otherwise swap GUTP's text for METI's).
 */
export const importFolderOf =
  (guideline: string): Recognise =>
  (entries, dir) =>
    isImportFolder(entries, dir) && importedGuideline(dir) === guideline;

/** Whether a folder is any guideline's import (for telling another guideline's import apart). */
export const isImportFolder: Recognise = (entries, dir) =>
  entries.includes(IMPORT_MANIFEST) &&
  entries.every((e) => e === IMPORT_MANIFEST || e === IMPORT_CHECKLIST || /^\d{3,}\.md$/.test(e)) &&
  /^kojoImport:/m.test(safeRead(join(dir, IMPORT_MANIFEST)));

/** The guideline key an import.yml names (its top-level `guideline:` line), or undefined. */
function importedGuideline(dir: string): string | undefined {
  const line = /^guideline:[ \t]*["']?([^"'\s#]+)/m.exec(safeRead(join(dir, IMPORT_MANIFEST)));
  return line?.[1];
}

function safeRead(path: string): string {
  try {
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  } catch {
    return '';
  }
}

/** Throws (before any work) unless `out` may receive an import of `guideline`. */
export function assertImportTarget(out: string, guideline: string): void {
  const full = resolve(out);
  const entries = existsSync(full) && statSync(full).isDirectory() ? safeList(full) : [];
  const other = entries.length && isImportFolder(entries, full) ? importedGuideline(full) : undefined;
  if (other !== undefined && other !== guideline)
    throw new KojoError('usage', t('import.otherGuideline', { out, holds: other, guideline }));
  refuseForeign(out, importFolderOf(guideline), IMPORT_MANIFEST);
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The checklist chapter's items as read, with what they link to (see checklistFile). */
export interface ChecklistImport {
  chapter: string;
  read: ChecklistRead;
  /** Pages of the checklist chapter's text. */
  pages: [number, number];
  /** The clause id of that chapter's official text: every item links it. */
  unitId: string;
  /** Why an item links no clause of each other guideline (the user links them, not the importer). */
  gaps: Record<string, string>;
}

/** The manifest and the files of an import (the unit files, checklist.yml and import.yml, by name). */
export function importFiles(
  guideline: string,
  result: ImportResult,
  source: SourceFile,
  importedAt: Date,
  checklist?: ChecklistImport,
  partial = false,
): { manifest: ImportManifest; files: Map<string, string> } {
  const width = Math.max(3, String(result.units.length).length);
  const names = result.units.map((_, i) => `${String(i + 1).padStart(width, '0')}.md`);
  const files = new Map<string, string>();
  result.units.forEach((unit, i) => {
    const front = OfficialFrontMatter.parse({
      guideline,
      chapter: unit.chapter,
      section: unit.section,
      title: unit.title,
      pages: unit.pages,
      ...(unit.linePages?.length ? { pageLines: pageMap(unit.linePages) } : {}),
    });
    files.set(names[i]!, `---\n${yaml(front)}---\n\n${unit.text}\n`);
  });
  const fileOf = new Map(result.units.map((u, i) => [`${u.chapter}\u0000${u.section}`, names[i]!]));
  const manifest = ImportManifest.parse({
    kojoImport: IMPORT_FORMAT_VERSION,
    guideline,
    importedAt: importedAt.toISOString(),
    method: result.method,
    source: {
      ...source,
      pages: result.pages,
      ...(result.title ? { title: result.title } : {}),
      ...(result.edition ? { edition: result.edition } : {}),
    },
    units: result.coverage.map((c) => {
      const file = fileOf.get(`${c.chapter}\u0000${c.section}`);
      return c.found
        ? { chapter: c.chapter, section: c.section, found: true, file, pages: c.pages, chars: c.chars }
        : c;
    }),
    unplaced: result.unplaced,
    ...(partial ? { partial: true } : {}),
    ...(result.notes.length ? { notes: result.notes } : {}),
    ...(checklist && {
      checklist:
        'rows' in checklist.read
          ? { chapter: checklist.chapter, items: checklist.read.rows.length }
          : { chapter: checklist.chapter, items: 0, reason: checklist.read.reason },
    }),
  });
  if (checklist && 'rows' in checklist.read)
    files.set(IMPORT_CHECKLIST, checklistFile(guideline, checklist, checklist.read.rows));
  files.set(
    IMPORT_MANIFEST,
    `# Written by kojo import; the next import of this guideline replaces this folder as a whole.\n${yaml(manifest)}`,
  );
  return { manifest, files };
}

/**
 * The front matter's page map from the page of each text line: [body line, page] where a page
 * begins. Body line 1 is the blank line after the closing `---`, so text line i is body line i + 2.
 * A page never goes back (a note of an earlier page after its paragraph stays on the later page).
 */
export function pageMap(linePages: readonly number[]): [number, number][] {
  const map: [number, number][] = [];
  linePages.forEach((page, i) => {
    const last = map.at(-1);
    if (!last) map.push([1, page]);
    else if (page > last[1]) map.push([i + 2, page]);
  });
  return map;
}

/** checklist.yml: the official items, verbatim, each citing the checklist chapter's pages. */
function checklistFile(
  guideline: string,
  c: ChecklistImport,
  rows: Extract<ChecklistRead, { rows: unknown }>['rows'],
): string {
  const items = rows.map((row, i) =>
    OfficialChecklistItem.parse({
      id: `${guideline}-item-${i + 1}`,
      basis: 'official',
      guideline,
      ...(row.number && { number: row.number }),
      pages: c.pages,
      category: row.category,
      text: row.text,
      clauses: [c.unitId],
      gaps: c.gaps,
    }),
  );
  const doc = new Document(items, { aliasDuplicateObjects: false });
  return `# Written by kojo import from ${guideline}'s checklist chapter (${c.chapter}); replaced with the next import.\n${doc.toString({ lineWidth: 0 })}`;
}

/**
 * What `kojo check` would say of these files as content/official/KEY/ (an empty list when nothing):
 * they are read back from a scratch folder with the corpus's own reader.
 */
export async function checkImport(
  guideline: string,
  files: Map<string, string>,
  registry: readonly GuidelineMeta[],
): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kojo-import-check-'));
  try {
    const folder = join(dir, 'official', guideline);
    await mkdir(folder, { recursive: true });
    for (const [name, text] of files) await writeFile(join(folder, name), text);
    const { problems } = await loadOfficial(dir, guidelineRegistry(registry), (abs) =>
      abs.slice(dir.length + 1).replace(/^official\/[^/]+\//, ''),
    );
    return problems.map(formatProblem);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes the files into `out`, replacing a previous import atomically. */
export async function writeImport(out: string, guideline: string, files: Map<string, string>): Promise<void> {
  assertImportTarget(out, guideline);
  await writeDirAtomically(
    out,
    IMPORT_MANIFEST,
    async (tmp) => {
      // The manifest last: a folder with it is complete.
      for (const [name, text] of files) if (name !== IMPORT_MANIFEST) await writeFile(join(tmp, name), text);
      await writeFile(join(tmp, IMPORT_MANIFEST), files.get(IMPORT_MANIFEST)!);
    },
    importFolderOf(guideline),
    'import',
  );
}

/** YAML with short lists (`pages: [31, 33]`) and coverage rows on one line each, as content/README.md shows. */
function yaml(value: object): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  // A timestamp stays a string for every YAML reader (YAML 1.1 ones would make it a date).
  const at = doc.get('importedAt', true);
  if (isScalar(at)) at.type = 'QUOTE_DOUBLE';
  for (const key of ['pages', 'pageLines']) {
    const list = doc.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  for (const key of ['units', 'unplaced']) {
    const list = doc.get(key, true);
    if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
