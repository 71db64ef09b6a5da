/**
 * Loads the whole content folder into one corpus: the guideline registry, ordered clauses, mappings,
 * glossary and FAQ. Reading problems are collected, never thrown, so the checker can list them all.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { KojoError } from '../errors/index.ts';
import { checkCorpus } from './check.ts';
import { loadOfficial, OFFICIAL_DIR, placeOfficial } from './official.ts';
import { loadChecklist } from './checklist-load.ts';
import { parseClauseFile, parseNoteFile } from './parse.ts';
import { formatProblem, sortProblems, type Problem } from './problems.ts';
import { guidelineRegistry, type Guidelines } from './registry.ts';
import {
  FaqItem,
  GlossaryEntry,
  GuidelineMeta,
  MappingEntry,
  mappingLevel,
  type Checklist,
  SourceEntry,
  type Clause,
  type ClauseDraft,
  type FaqEntry,
  type FileFrontMatter,
  type GlossaryTerm,
  type ImportRecord,
  type Mapping,
  type Note,
  type Source,
} from './schema/index.ts';
import { clauseUrl } from './urls.ts';
import { decodeContent } from './utf8.ts';
import { readYamlList } from './yaml-source.ts';

export interface Corpus {
  /** The content folder as shown in messages. */
  root: string;
  guidelines: Guidelines;
  /** Every clause, guideline by guideline in registry order, each in reading order. */
  clauses: Clause[];
  mappings: Mapping[];
  glossary: GlossaryTerm[];
  faq: FaqEntry[];
  /** What `kojo import` brought in from the official PDFs (their text is among `clauses`). */
  imports: ImportRecord[];
  /** The self-assessment checklist: sourced facts about the official one, and the items users answer. */
  checklist: Checklist;
  /** The registry of public sources (content/sources.yml), in its order. */
  sources: Source[];
  /** Practice notes (content/notes/), by file name. */
  notes: Note[];
}

export interface LoadResult {
  corpus: Corpus;
  problems: Problem[];
}

/** Folders every content tree has besides one per guideline. */
const dataFolders = {
  mappings: ['.yml', '.yaml'],
  glossary: ['.yml', '.yaml'],
  faq: ['.yml', '.yaml'],
  checklist: ['.yml', '.yaml'],
  notes: ['.md'],
} as const;
const REGISTRY_FILE = 'guidelines.yml';
const SOURCES_FILE = 'sources.yml';

export async function loadContent(dir: string): Promise<LoadResult> {
  const show = (abs: string) => relative(process.cwd(), abs) || abs;
  await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'ENOTDIR'
        ? 'is a file, not a folder'
        : error.code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : 'not found';
    throw new KojoError('content-missing', `content folder ${why}: ${dir}`);
  });
  const problems: Problem[] = [];

  const registryPath = join(dir, REGISTRY_FILE);
  const metas = await readFile(registryPath).then(
    async () => {
      const r = await readYamlList(registryPath, show(registryPath), GuidelineMeta);
      problems.push(...r.problems);
      return r.items.map((i) => i.value);
    },
    () => {
      problems.push({
        file: show(registryPath),
        line: 1,
        message: `missing ${REGISTRY_FILE} (the guidelines and their tables of contents)`,
      });
      return [] as GuidelineMeta[];
    },
  );
  const guidelines = guidelineRegistry(metas);
  problems.push(...(await strayFiles(dir, guidelines, show)));

  const official = await loadOfficial(dir, guidelines, show);
  problems.push(...official.problems);

  const clauses: Clause[] = [];
  for (const meta of guidelines.list) {
    const key = meta.key;
    const files: { fm: FileFrontMatter; name: string; clauses: ClauseDraft[] }[] = [];
    for (const name of await listDir(join(dir, key), '.md', problems, show)) {
      const abs = join(dir, key, name);
      const file = show(abs);
      const decoded = decodeContent(await readFile(abs), file);
      if (decoded.problem) {
        problems.push(decoded.problem);
        continue;
      }
      const parsed = parseClauseFile(decoded.text, file);
      problems.push(...parsed.problems);
      const fm = parsed.frontMatter;
      if (!fm) continue;
      if (fm.guideline !== key) {
        problems.push({ file, line: 1, message: `guideline "${fm.guideline}" does not match its folder "${key}/"` });
        continue;
      }
      if (!guidelines.chapter(key, fm.chapter)) {
        const known = meta.chapters.map((c) => c.label).join(', ');
        problems.push({ file, line: 1, message: `unknown chapter label "${fm.chapter}" for ${key} (known: ${known})` });
        continue;
      }
      files.push({ fm, name, clauses: parsed.clauses });
    }
    const chapterIndex = (label: string) => meta.chapters.findIndex((c) => c.label === label);
    files.sort(
      (a, b) =>
        chapterIndex(a.fm.chapter) - chapterIndex(b.fm.chapter) ||
        (a.fm.order ?? 0) - (b.fm.order ?? 0) ||
        a.name.localeCompare(b.name),
    );
    const placed = placeOfficial(
      files.flatMap((f) => f.clauses),
      official.clauses.get(key) ?? [],
      meta.chapters.map((c) => c.label),
      (label) => guidelines.chapter(key, label)?.sections?.map((s) => s.label) ?? [],
    );
    let order = 0;
    for (const c of placed) {
      const chapter = guidelines.chapter(key, c.chapter);
      if (!chapter) continue;
      const en = c.en ?? (chapter.sections?.find((sec) => sec.label === c.section)?.en ?? chapter.en)?.title;
      clauses.push({
        ...c,
        ...(en ? { en } : {}),
        chapterTitle: chapter.title,
        url: clauseUrl(key, chapter.slug, c.id),
        order: order++,
      });
    }
  }

  const mappings: Mapping[] = [];
  for (const [file, r] of await readYamlFolder(join(dir, 'mappings'), MappingEntry, show)) {
    problems.push(...r.problems);
    for (const { value, line } of r.items) mappings.push({ ...value, level: mappingLevel(value.from), file, line });
  }
  const glossary: GlossaryTerm[] = [];
  for (const [file, r] of await readYamlFolder(join(dir, 'glossary'), GlossaryEntry, show)) {
    problems.push(...r.problems);
    for (const { value, line } of r.items) glossary.push({ ...value, file, line });
  }
  const faq: FaqEntry[] = [];
  for (const [file, r] of await readYamlFolder(join(dir, 'faq'), FaqItem, show)) {
    problems.push(...r.problems);
    for (const { value, line } of r.items) faq.push({ ...value, file, line });
  }

  const sources: Source[] = [];
  const sourcesPath = join(dir, SOURCES_FILE);
  if (existsSync(sourcesPath)) {
    const r = await readYamlList(sourcesPath, show(sourcesPath), SourceEntry);
    problems.push(...r.problems);
    for (const { value, line } of r.items) sources.push({ ...value, file: show(sourcesPath), line });
  }
  const notes: Note[] = [];
  for (const name of await listDir(join(dir, 'notes'), '.md', problems, show)) {
    const file = show(join(dir, 'notes', name));
    const decoded = decodeContent(await readFile(join(dir, 'notes', name)), file);
    if (decoded.problem) {
      problems.push(decoded.problem);
      continue;
    }
    const parsed = parseNoteFile(decoded.text, file);
    problems.push(...parsed.problems);
    if (parsed.note) notes.push(parsed.note);
  }

  const { checklist, problems: checklistProblems } = await loadChecklist(dir, guidelines.keys, show);
  problems.push(...checklistProblems);

  return {
    corpus: {
      root: show(dir),
      guidelines,
      clauses,
      mappings,
      glossary,
      faq,
      sources,
      notes,
      checklist,
      imports: official.imports,
    },
    problems,
  };
}

/** Every problem, loading and cross-reference alike, in file order: what `kojo check` prints. */
export async function checkContent(dir: string): Promise<LoadResult> {
  const { corpus, problems } = await loadContent(dir);
  return { corpus, problems: sortProblems([...problems, ...checkCorpus(corpus)]) };
}

/** Everything but `kojo check` refuses invalid content, pointing at the first problem. */
export async function loadValidContent(dir: string): Promise<Corpus> {
  const { corpus, problems } = await checkContent(dir);
  if (problems.length) {
    throw new KojoError(
      'content-invalid',
      `content has ${problems.length} problem(s); first: ${formatProblem(problems[0]!)} (run kojo check)`,
    );
  }
  return corpus;
}

async function readYamlFolder<S extends Parameters<typeof readYamlList>[2]>(
  folder: string,
  schema: S,
  show: (abs: string) => string,
) {
  const files = [...(await listDir(folder, '.yml', [], show)), ...(await listDir(folder, '.yaml', [], show))];
  const results = [];
  for (const name of files.sort()) {
    const abs = join(folder, name);
    results.push([show(abs), await readYamlList(abs, show(abs), schema)] as const);
  }
  return results;
}

/** Anything under content/ outside the content model would be silently ignored: say so. */
async function strayFiles(dir: string, guidelines: Guidelines, show: (abs: string) => string): Promise<Problem[]> {
  const layout = new Map<string, readonly string[]>([
    ...guidelines.keys.map((k) => [k, ['.md']] as const),
    ...Object.entries(dataFolders),
  ]);
  const problems: Problem[] = [];
  const expected = `expected ${[...layout.keys(), OFFICIAL_DIR].join('/, ')}/, ${REGISTRY_FILE} or ${SOURCES_FILE}`;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const abs = join(dir, entry.name);
    const exts = layout.get(entry.name);
    if (entry.name === OFFICIAL_DIR && entry.isDirectory()) continue; // checked as it is read
    if (entry.isFile() && entry.name !== REGISTRY_FILE && entry.name !== SOURCES_FILE && entry.name !== 'README.md') {
      problems.push({
        file: show(abs),
        line: 1,
        message: `not part of the content model (${expected}); it would be ignored`,
      });
    } else if (entry.isDirectory() && !exts) {
      problems.push({
        file: show(abs),
        line: 1,
        message: `unknown folder (${expected}, or a guideline listed in ${REGISTRY_FILE}); its files would be ignored`,
      });
    } else if (entry.isDirectory() && exts) {
      for (const inner of await readdir(abs, { withFileTypes: true })) {
        const ok = inner.isFile() && (exts.some((ext) => inner.name.endsWith(ext)) || inner.name === 'README.md');
        if (!ok && !inner.name.startsWith('.')) {
          problems.push({
            file: show(join(abs, inner.name)),
            line: 1,
            message: `${entry.name}/ holds ${exts.join(' or ')} files; this one would be ignored`,
          });
        }
      }
    }
  }
  return problems;
}

/** The files of a content folder; a missing one is empty, one that cannot be listed is a problem. */
async function listDir(
  folder: string,
  ext: string,
  problems: Problem[],
  show: (abs: string) => string,
): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') {
      const why =
        error.code === 'ENOTDIR' ? 'is a file; it must be a folder' : `cannot be read (${error.code ?? error.message})`;
      problems.push({ file: show(folder), line: 1, message: why });
    }
    return [];
  });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext) && !e.name.startsWith('_') && e.name !== 'README.md')
    .map((e) => e.name)
    .sort();
}
