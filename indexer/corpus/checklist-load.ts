/**
 * Reads the checklist (Node only): the sourced facts and the project's items from content/checklist/,
 * and — the seam for `kojo import` — official items from content/official/KEY/checklist.yml when a
 * user has imported a guideline's checklist from its PDF. Which set users answer is decided by
 * `chooseChecklistItems`, so the importer only has to write that one file.
 */
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { type Problem, problem } from './problems.ts';
import {
  ChecklistCategory,
  ChecklistFact,
  ChecklistLevel,
  EditorialChecklistItem,
  IMPORT_CHECKLIST,
  OfficialChecklistItem,
  type Checklist,
  type Sourced,
} from './schema/index.ts';
import { rawField, readYamlList } from './yaml-source.ts';

/** content/checklist/: fixed files for the facts, `items*.yml` for items (one per category by habit). */
const factFiles = ['categories.yml', 'levels.yml', 'facts.yml'] as const;
const ITEM_FILE = /^items[-\w]*\.ya?ml$/;

export async function loadChecklist(
  dir: string,
  guidelineKeys: readonly string[],
  show: (abs: string) => string,
): Promise<{ checklist: Checklist; problems: Problem[]; unreadCategories: Set<string> }> {
  const problems: Problem[] = [];
  const folder = join(dir, 'checklist');
  const names = (await readdir(folder).catch(() => [] as string[])).sort();
  // Categories that could not be read ("*": none could): items in them are not reported again.
  const unreadCategories = new Set<string>();
  const read = async <S extends z.ZodTypeAny>(abs: string, schema: S): Promise<Sourced<z.output<S>>[]> => {
    const r = await readYamlList(abs, show(abs), schema);
    problems.push(...r.problems);
    if ((schema as z.ZodTypeAny) === ChecklistCategory) {
      if (r.unreadable) unreadCategories.add('*');
      for (const raw of r.rejected) unreadCategories.add(rawField(raw, 'id'));
    }
    return r.items.map(({ value, line }) => ({ ...value, file: show(abs), line }));
  };
  const fact = async <S extends z.ZodTypeAny>(name: (typeof factFiles)[number], schema: S) =>
    names.includes(name) ? read(join(folder, name), schema) : [];
  const checklist = {
    categories: await fact('categories.yml', ChecklistCategory),
    levels: await fact('levels.yml', ChecklistLevel),
    facts: await fact('facts.yml', ChecklistFact),
  };
  const project: Checklist['items'] = [];
  for (const name of names) {
    const abs = join(folder, name);
    if (ITEM_FILE.test(name)) project.push(...(await read(abs, EditorialChecklistItem)));
    else if (!(factFiles as readonly string[]).includes(name) && name !== 'README.md' && !name.startsWith('.')) {
      const message = `checklist/ holds ${factFiles.join(', ')} and items-*.yml; this file would be ignored`;
      problems.push(problem('stray-file', show(abs), 1, message));
    }
  }
  const official: Checklist['items'] = [];
  for (const key of guidelineKeys) {
    const abs = join(dir, 'official', key, IMPORT_CHECKLIST);
    if (
      await access(abs).then(
        () => true,
        () => false,
      )
    ) {
      official.push(...(await read(abs, OfficialChecklistItem)));
    }
  }
  return { checklist: { ...checklist, ...chooseChecklistItems(project, official) }, problems, unreadCategories };
}

/**
 * Official items, once imported, are what users answer: the checklist's own wording beats ours. The
 * project's items are kept aside (`replaced`) so a page can say what happened to them.
 */
export function chooseChecklistItems(
  project: Checklist['items'],
  official: Checklist['items'],
): Pick<Checklist, 'items' | 'replaced'> {
  return official.length ? { items: official, replaced: project } : { items: project, replaced: [] };
}
