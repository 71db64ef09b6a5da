/**
 * Loads the whole content folder into one corpus: guideline metadata, ordered clauses, mappings,
 * glossary and FAQ. Reading problems are collected, never thrown, so the checker can list them all.
 */
import { readdir } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseClauseFile, type ParsedClause } from './parse.ts';
import type { Problem } from './problems.ts';
import {
  chapterLabelPattern,
  FaqEntry,
  GlossaryTerm,
  GuidelineMeta,
  guidelineKeys,
  MappingEntry,
  mappingLevel,
  type Clause,
  type FileFrontMatter,
  type GuidelineKey,
  type Mapping,
} from './schema.ts';
import { readYamlList } from './yaml-source.ts';

export interface Corpus {
  /** The content folder as shown in messages. */
  root: string;
  guidelines: GuidelineMeta[];
  clauses: Clause[];
  mappings: Mapping[];
  glossary: GlossaryTerm[];
  faq: FaqEntry[];
}

export interface LoadResult {
  corpus: Corpus;
  problems: Problem[];
}

export class ContentDirError extends Error {
  override name = 'ContentDirError';
}

export async function loadContent(dir: string): Promise<LoadResult> {
  const show = (abs: string) => relative(process.cwd(), abs) || abs;
  await listDir(dir).catch(() => {
    throw new ContentDirError(`content folder not found: ${dir}`);
  });
  const problems: Problem[] = [];
  problems.push(...(await strayFiles(dir, show)));

  const guidelinesPath = join(dir, 'guidelines.yml');
  const guidelines = await readFile(guidelinesPath, 'utf8').then(
    async () => {
      const r = await readYamlList(guidelinesPath, show(guidelinesPath), GuidelineMeta);
      problems.push(...r.problems);
      return r.items.map((i) => i.value);
    },
    () => {
      problems.push({ file: show(guidelinesPath), line: 1, message: 'missing guidelines.yml (document metadata)' });
      return [] as GuidelineMeta[];
    },
  );

  const clauses: Clause[] = [];
  for (const key of guidelineKeys) {
    const meta = guidelines.find((g) => g.key === key);
    const parsedFiles: { fm: FileFrontMatter; name: string; clauses: ParsedClause[] }[] = [];
    for (const name of await listDir(join(dir, key), '.md')) {
      const abs = join(dir, key, name);
      const file = show(abs);
      const parsed = parseClauseFile(await readFile(abs, 'utf8'), file);
      problems.push(...parsed.problems);
      const fm = parsed.frontMatter;
      if (!fm) continue;
      if (fm.guideline !== key) {
        problems.push({ file, line: 1, message: `guideline "${fm.guideline}" does not match its folder "${key}/"` });
        continue;
      }
      if (!chapterLabelPattern[key].test(fm.chapter) || (meta && !meta.chapters.some((c) => c.label === fm.chapter))) {
        const known = meta?.chapters.map((c) => c.label).join(', ') ?? '';
        problems.push({ file, line: 1, message: `unknown chapter label "${fm.chapter}" for ${key} (known: ${known})` });
        continue;
      }
      parsedFiles.push({ fm, name, clauses: parsed.clauses });
    }
    const chapterIndex = (label: string) => meta?.chapters.findIndex((c) => c.label === label) ?? 0;
    parsedFiles.sort(
      (a, b) =>
        chapterIndex(a.fm.chapter) - chapterIndex(b.fm.chapter) ||
        (a.fm.order ?? 0) - (b.fm.order ?? 0) ||
        a.name.localeCompare(b.name),
    );
    let order = 0;
    for (const f of parsedFiles) for (const c of f.clauses) clauses.push({ ...c, order: order++ });
  }

  const mappings: Mapping[] = [];
  for (const [abs, r] of await readYamlFolder(join(dir, 'mappings'), MappingEntry, show)) {
    problems.push(...r.problems);
    for (const { value, line } of r.items) {
      mappings.push({ ...value, level: mappingLevel(value.from), file: show(abs), line });
    }
  }
  const glossary: GlossaryTerm[] = [];
  for (const [abs, r] of await readYamlFolder(join(dir, 'glossary'), GlossaryTerm, show)) {
    problems.push(...r.problems);
    for (const { value, line } of r.items) glossary.push({ ...value, file: show(abs), line });
  }
  const faq: FaqEntry[] = [];
  for (const [abs, r] of await readYamlFolder(join(dir, 'faq'), FaqEntry, show)) {
    problems.push(...r.problems);
    for (const { value, line } of r.items) faq.push({ ...value, file: show(abs), line });
  }

  return { corpus: { root: show(dir), guidelines, clauses, mappings, glossary, faq }, problems };
}

async function readYamlFolder<S extends Parameters<typeof readYamlList>[2]>(
  folder: string,
  schema: S,
  show: (abs: string) => string,
) {
  const files = [...(await listDir(folder, '.yml')), ...(await listDir(folder, '.yaml'))];
  const results = [];
  for (const name of files.sort()) {
    const abs = join(folder, name);
    results.push([abs, await readYamlList(abs, show(abs), schema)] as const);
  }
  return results;
}

/** Where each kind of content lives; anything else under content/ would silently be ignored. */
const layout: Record<string, string[]> = {
  meti: ['.md'],
  gutp: ['.md'],
  mappings: ['.yml', '.yaml'],
  glossary: ['.yml', '.yaml'],
  faq: ['.yml', '.yaml'],
};
const topLevelFiles = new Set(['guidelines.yml', 'README.md']);

async function strayFiles(dir: string, show: (abs: string) => string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const expected = `expected ${Object.keys(layout).join('/, ')}/ or guidelines.yml`;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const abs = join(dir, entry.name);
    if (entry.isFile() && !topLevelFiles.has(entry.name)) {
      problems.push({ file: show(abs), line: 1, message: `not part of the content model (${expected}); it would be ignored` });
    } else if (entry.isDirectory() && !layout[entry.name]) {
      problems.push({ file: show(abs), line: 1, message: `unknown folder (${expected}); its files would be ignored` });
    } else if (entry.isDirectory()) {
      for (const inner of await readdir(abs, { withFileTypes: true })) {
        const ok = inner.isFile() && (layout[entry.name]!.some((ext) => inner.name.endsWith(ext)) || inner.name === 'README.md');
        if (!ok && !inner.name.startsWith('.')) {
          problems.push({ file: show(join(abs, inner.name)), line: 1, message: `${entry.name}/ holds ${layout[entry.name]!.join(' or ')} files; this one would be ignored` });
        }
      }
    }
  }
  return problems;
}

async function listDir(folder: string, ext?: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && ext) return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile() && (!ext || e.name.endsWith(ext)) && !e.name.startsWith('_') && e.name !== 'README.md')
    .map((e) => e.name)
    .sort();
}

export function clausesOf(corpus: Corpus, guideline: GuidelineKey): Clause[] {
  return corpus.clauses.filter((c) => c.guideline === guideline);
}
