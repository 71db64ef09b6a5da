/**
 * The items of a guideline's own checklist (METI 付録E, GUTP 付録1), read from the tables the
 * importer kept as Markdown in the checklist chapter's text: each row an item, verbatim, with its
 * printed number and its category (a column naming one, or the category heading above the table).
 * What cannot be placed in a category is not guessed: the checklist then keeps the project's items.
 */
import { chapterName, officialClauseId, type GuidelineMeta } from '../corpus/index.ts';
import type { ImportedUnit, ImportResult } from './detect.ts';
import { fold } from './units.ts';
import type { ChecklistImport } from './write.ts';

export interface ChecklistRow {
  number?: string;
  /** A category id of content/checklist/categories.yml. */
  category: string;
  text: string;
}

export type ChecklistRead = { rows: ChecklistRow[] } | { reason: string };

const NUMBER_HEADER = /^(?:no\.?|番号|項番|#|項目番号)$/i;
const NUMBER_CELL = /^[A-Za-z]{0,2}[-.\d]*\d[-.\d]*$/;

/** Splits a Markdown table row on its unescaped pipes, and undoes the importer's escapes. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\(.)/g, '$1'));
}

export function readChecklist(
  unit: Pick<ImportedUnit, 'text'>,
  categories: readonly { id: string; name: string }[],
): ChecklistRead {
  const categoryOf = (text: string) => {
    const t = fold(text).replace(/^[\d().（）\s]+/, '');
    return categories.find((c) => fold(c.name) === t)?.id;
  };
  const rows: ChecklistRow[] = [];
  let current: string | undefined;
  const lines = unit.text.split('\n');
  let sawTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim().startsWith('|')) {
      // A category named as its own line (a heading above its table) applies to the rows below.
      current = categoryOf(line.replace(/^#+\s*/, '')) ?? current;
      continue;
    }
    // A table: header, separator, rows.
    const table: string[][] = [];
    while (i < lines.length && lines[i]!.trim().startsWith('|')) table.push(cells(lines[i++]!));
    i--;
    const [header, , ...body] = table;
    if (!header || !body.length) continue;
    sawTable = true;
    const width = header.length;
    const column = (j: number) => body.map((r) => r[j] ?? '').filter(Boolean);
    const numberCol = [...Array(width).keys()].find(
      (j) => NUMBER_HEADER.test(header[j]!) || (column(j).length > 0 && column(j).every((c) => NUMBER_CELL.test(c))),
    );
    const categoryCol = [...Array(width).keys()].find(
      (j) =>
        j !== numberCol &&
        column(j).filter((c) => categoryOf(c)).length * 2 >= column(j).length &&
        column(j).length > 0,
    );
    const meanLength = (j: number) => column(j).reduce((n, c) => n + c.length, 0) / Math.max(1, column(j).length);
    const textCol = [...Array(width).keys()]
      .filter((j) => j !== numberCol && j !== categoryCol)
      .sort((a, b) => meanLength(b) - meanLength(a))[0];
    if (textCol === undefined) continue;
    for (const row of body) {
      const filled = row.filter(Boolean);
      if (filled.length === 1 && categoryOf(filled[0]!)) {
        current = categoryOf(filled[0]!);
        continue;
      }
      const text = row[textCol] ?? '';
      if (!text) continue;
      // A category cell left empty continues the one above (merged cells in the PDF).
      if (categoryCol !== undefined && row[categoryCol]) current = categoryOf(row[categoryCol]!) ?? current;
      if (!current)
        return { reason: `row 「${text.slice(0, 20)}」 names no category of content/checklist/categories.yml` };
      const number = numberCol !== undefined ? row[numberCol] : undefined;
      rows.push({ ...(number ? { number } : {}), category: current, text });
    }
  }
  if (!sawTable) return { reason: 'no table in the checklist chapter' };
  return rows.length ? { rows } : { reason: 'the checklist tables hold no items' };
}

/**
 * What an import brings to the checklist: the guideline's checklist chapter (guidelines.yml marks it)
 * read into items, linked to that chapter's official text; none when the guideline has no checklist
 * chapter or the import did not find it.
 */
export function checklistImport(
  guideline: GuidelineMeta,
  registry: readonly GuidelineMeta[],
  result: Pick<ImportResult, 'units'>,
  categories: readonly { id: string; name: string }[],
): ChecklistImport | undefined {
  const chapter = guideline.chapters.find((c) => c.checklist);
  const unit = chapter && result.units.find((u) => u.chapter === chapter.label && u.section === chapter.label);
  if (!chapter || !unit) return undefined;
  const read: ChecklistRead = categories.length
    ? readChecklist(unit, categories)
    : { reason: 'content/checklist/categories.yml names no categories' };
  const where = `${guideline.label} ${chapterName(chapter.label)}`;
  const gaps = Object.fromEntries(
    registry
      .filter((g) => g.key !== guideline.key)
      .map((g) => [
        g.key,
        `${where}から取り込んだ公式の項目で、${g.label}の条項への対応づけはまだありません（章レベルの対応は比較ページを参照）。`,
      ]),
  );
  return {
    chapter: chapter.label,
    read,
    pages: unit.pages,
    unitId: officialClauseId(guideline.key, chapter.slug, chapter.label, chapter.label),
    gaps,
  };
}
