/**
 * Reads the official text `kojo import` wrote (content/official/KEY/) into clauses of basis `official`,
 * and places each before the project's own clauses on the same unit, so a reader meets the
 * guideline's words first. Problems are collected like every other content problem.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseOfficialUnit } from './parse.ts';
import { type Problem, problem } from './problems.ts';
import type { RuleId } from './rules.ts';
import type { Guidelines } from './registry.ts';
import {
  IMPORT_CHECKLIST,
  IMPORT_MANIFEST,
  ImportManifest,
  type ClauseDraft,
  type ImportRecord,
} from './schema/index.ts';
import { officialClauseId } from './urls.ts';
import { MAX_YAML_ALIASES, nestingProblem } from './limits.ts';
import { readContentFile } from './read-file.ts';
import { describeIssues, validate } from './validate.ts';

export const OFFICIAL_DIR = 'official';

export interface OfficialLoad {
  /** Per guideline key, its official text in document order. */
  clauses: Map<string, ClauseDraft[]>;
  imports: ImportRecord[];
  problems: Problem[];
}

export async function loadOfficial(
  contentDir: string,
  guidelines: Guidelines,
  show: (abs: string) => string,
  /** Guidelines whose entry could not be read: their folders are not strays. */
  unreadKeys: ReadonlySet<string> = new Set(),
): Promise<OfficialLoad> {
  const result: OfficialLoad = { clauses: new Map(), imports: [], problems: [] };
  const root = join(contentDir, OFFICIAL_DIR);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const folder = join(root, entry.name);
    if (entry.isDirectory() && unreadKeys.has(entry.name)) continue;
    if (!entry.isDirectory() || !guidelines.has(entry.name)) {
      const message = `${OFFICIAL_DIR}/ holds one folder per guideline written by kojo import (${guidelines.keys.join(', ')})`;
      result.problems.push(problem('official-stray', show(folder), 1, message));
      continue;
    }
    await loadGuideline(folder, entry.name, guidelines, show, result);
  }
  return result;
}

async function loadGuideline(
  folder: string,
  key: string,
  guidelines: Guidelines,
  show: (abs: string) => string,
  out: OfficialLoad,
): Promise<void> {
  const at = (rule: RuleId, abs: string, line: number, message: string) =>
    out.problems.push(problem(rule, show(abs), line, message));
  const manifestPath = join(folder, IMPORT_MANIFEST);
  const manifest = await readManifest(manifestPath, show, out.problems);
  if (!manifest) return;
  if (manifest.guideline !== key) {
    at(
      'guideline-folder-mismatch',
      manifestPath,
      1,
      `guideline "${manifest.guideline}" does not match its folder "${key}/"`,
    );
    return;
  }
  out.imports.push({ ...manifest, file: show(folder) });

  const listed = new Map(manifest.units.filter((u) => u.found && u.file).map((u) => [u.file!, u]));
  // checklist.yml is the checklist's (see checklist-load.ts).
  const names = (await readdir(folder))
    .filter((n) => n !== IMPORT_MANIFEST && n !== IMPORT_CHECKLIST && !n.startsWith('.'))
    .sort();
  const drafts: ClauseDraft[] = [];
  for (const name of names) {
    const abs = join(folder, name);
    if (!name.endsWith('.md')) {
      const message = `not written by kojo import (only ${IMPORT_MANIFEST} and unit .md files belong here): re-run the import`;
      at('official-stray', abs, 1, message);
      continue;
    }
    if (!listed.has(name))
      at(
        'official-unlisted',
        abs,
        1,
        `not listed in ${IMPORT_MANIFEST}: re-run kojo import rather than editing official text`,
      );
    const decoded = await readContentFile(abs, show(abs));
    if (decoded.problem) {
      out.problems.push(decoded.problem);
      continue;
    }
    const parsed = parseOfficialUnit(decoded.text, show(abs));
    out.problems.push(...parsed.problems);
    const fm = parsed.frontMatter;
    if (!fm || !parsed.text) continue;
    if (fm.guideline !== key) {
      at('guideline-folder-mismatch', abs, 1, `guideline "${fm.guideline}" does not match its folder "${key}/"`);
      continue;
    }
    const chapter = guidelines.chapter(key, fm.chapter);
    if (!chapter) {
      at('chapter-unknown', abs, 1, `unknown chapter label "${fm.chapter}" for ${key}`);
      continue;
    }
    if (fm.pages[1] > manifest.source.pages)
      at(
        'official-pages-beyond-pdf',
        abs,
        1,
        `pages ${fm.pages.join('–')} lie beyond the PDF's ${manifest.source.pages} pages`,
      );
    drafts.push({
      id: officialClauseId(key, chapter.slug, chapter.label, fm.section),
      guideline: key,
      chapter: fm.chapter,
      section: fm.section,
      title: fm.title,
      basis: 'official',
      // The guideline's own words need no checking against themselves.
      verified: true,
      pages: fm.pages,
      passages: parsed.passages,
      // The guideline's own words cite the PDF (pages), not the project's sources.
      sources: [],
      citations: [],
      siteLinks: [],
      formerIds: [],
      text: parsed.text,
      markdown: parsed.markdown,
      file: show(abs),
      line: 1,
    });
  }
  for (const [name] of listed) {
    if (!names.includes(name))
      at('official-missing-unit', manifestPath, 1, `lists ${name}, which is missing: re-run kojo import`);
  }
  out.clauses.set(key, drafts);
}

async function readManifest(
  path: string,
  show: (abs: string) => string,
  problems: Problem[],
): Promise<ImportManifest | null> {
  const file = show(path);
  const decoded = await readContentFile(path, file).catch(() => null);
  if (!decoded) {
    const message = 'missing: this folder was not written by kojo import (re-run it)';
    problems.push(problem('official-manifest-missing', file, 1, message));
    return null;
  }
  if (decoded.problem) return (problems.push(decoded.problem), null);
  const deep = nestingProblem(decoded.text, file, 'yaml');
  if (deep) return (problems.push(deep), null);
  let data: unknown;
  try {
    data = parseYaml(decoded.text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    problems.push(problem('yaml-syntax', file, 1, `invalid YAML: ${(error as Error).message.split('\n')[0]}`));
    return null;
  }
  const { value, issues } = validate(ImportManifest, data ?? {});
  for (const issue of describeIssues(issues).slice(0, 5))
    problems.push(problem(issue.unknownKey ? 'entry-unknown-key' : 'entry-invalid', file, 1, issue.text));
  return value;
}

/**
 * Authored clauses with the official text placed in: each unit's text goes before the first clause
 * on the same unit, else before the first clause on a later unit of its chapter, else after its
 * chapter's clauses.
 */
export function placeOfficial<C extends { chapter: string; section: string }>(
  authored: C[],
  official: C[],
  chapterOrder: string[],
  sectionOrder: (chapter: string) => string[],
): C[] {
  const rank = (c: { chapter: string; section: string }) => {
    const sections = sectionOrder(c.chapter);
    return [chapterOrder.indexOf(c.chapter), c.section === c.chapter ? -1 : sections.indexOf(c.section)] as const;
  };
  const result = [...authored];
  for (const o of official) {
    const [oc, os] = rank(o);
    let at = result.findIndex((c) => c.chapter === o.chapter && c.section === o.section && !official.includes(c));
    if (at < 0) {
      at = result.findIndex((c) => {
        const [cc, cs] = rank(c);
        return cc > oc || (cc === oc && cs > os);
      });
    }
    result.splice(at < 0 ? result.length : at, 0, o);
  }
  return result;
}
