/**
 * Loads the whole content folder into one corpus: the guideline registry, ordered clauses, mappings,
 * glossary and FAQ. Reading problems are collected, never thrown, so the checker can list them all.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { KojoError } from '../errors/index.ts';
import { checkCorpus, markupProblem } from './check.ts';
import { loadChecklist } from './checklist-load.ts';
import { type Corpus, type LoadResult, noneUnread, type Unread } from './corpus.ts';
import { loadOfficial, OFFICIAL_DIR, placeOfficial } from './official.ts';
import { type ParsedFile, parseClauseFile, parseNoteFile } from './parse.ts';
import { formatProblem, isError, type Problem, problem, problemCount, sortProblems } from './problems.ts';
import { resolveRegistry } from './reference-load.ts';
import { guidelineRegistry, type Guidelines } from './registry.ts';
import {
  ENGLISH_FILE,
  EnglishSummary,
  FaqItem,
  GlossaryEntry,
  MappingEntry,
  RegistryEntry,
  mappingLevel,
  SourceEntry,
  SUGGESTED_MAPPINGS_DIR,
  type Clause,
  type ClauseDraft,
  type FaqEntry,
  type FileFrontMatter,
  type GlossaryTerm,
  type Mapping,
  type Note,
  type Source,
} from './schema/index.ts';
import { clauseUrl } from './urls.ts';
import { readContentFile } from './read-file.ts';
import { rawField, readYamlList } from './yaml-source.ts';

/** Folders every content tree has besides one per guideline. */
const dataFolders = {
  mappings: ['.yml', '.yaml'],
  glossary: ['.yml', '.yaml'],
  faq: ['.yml', '.yaml'],
  checklist: ['.yml', '.yaml'],
  notes: ['.md'],
  reference: ['.yml', '.yaml'],
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
  const unread = noneUnread();

  const registryPath = join(dir, REGISTRY_FILE);
  const entries = await stat(registryPath).then(
    async () => {
      const r = await readYamlList(registryPath, show(registryPath), RegistryEntry);
      problems.push(...r.problems);
      if (r.unreadable) unread.guidelines.add('*');
      for (const raw of r.rejected) unread.guidelines.add(rawField(raw, 'key'));
      return r.items.map((i) => i.value);
    },
    () => {
      const message = `missing ${REGISTRY_FILE} (the guidelines and their tables of contents)`;
      problems.push(problem('registry-missing', show(registryPath), 1, message));
      unread.guidelines.add('*');
      return [] as RegistryEntry[];
    },
  );
  const registry = await resolveRegistry(dir, entries, show(registryPath), show);
  problems.push(...registry.problems);
  const guidelines = guidelineRegistry(registry.metas);
  await adoptOrphanFolders(dir, guidelines, unread);
  problems.push(...(await strayFiles(dir, guidelines, unread, show)));
  for (const key of registry.unreadKeys) unread.guidelines.add(key);

  const official = await loadOfficial(dir, guidelines, show, unread.guidelines);
  problems.push(...official.problems);

  const clauses: Clause[] = [];
  for (const meta of guidelines.list) {
    const key = meta.key;
    // Clauses of a file that cannot be read are still named, so references to them are not reported too.
    const lose = (parsed: Pick<ParsedFile, 'clauses' | 'lost'>, chapter = parsed.lost.chapter) => {
      for (const id of [...parsed.clauses.map((c) => c.id), ...parsed.lost.ids]) unread.ids.set(id, key);
      unread.chapters.add(`${key}:${chapter ?? '*'}`);
    };
    const files: { fm: FileFrontMatter; name: string; clauses: ClauseDraft[] }[] = [];
    const names = await listDir(join(dir, key), ['.md'], problems, show);
    if (!names) unread.guidelines.add(key);
    for (const name of names ?? []) {
      const abs = join(dir, key, name);
      const file = show(abs);
      const decoded = await readContentFile(abs, file);
      if (decoded.problem) {
        problems.push(decoded.problem);
        if (!decoded.bytes) {
          lose({ clauses: [], lost: { ids: [], chapter: null } });
          continue;
        }
        const bytes = decoded.bytes;
        // Ids and front matter are ASCII: read leniently, they still tell what the file meant to define.
        const lenient = parseClauseFile(new TextDecoder().decode(bytes), file);
        lose(lenient, lenient.frontMatter?.chapter ?? lenient.lost.chapter);
        continue;
      }
      const parsed = parseClauseFile(decoded.text, file);
      problems.push(...parsed.problems);
      const fm = parsed.frontMatter;
      if (!fm) {
        lose(parsed);
        continue;
      }
      if (parsed.lost.chapter !== null) lose({ clauses: [], lost: parsed.lost });
      if (fm.guideline !== key) {
        const message = `guideline "${fm.guideline}" does not match its folder "${key}/"`;
        problems.push(problem('guideline-folder-mismatch', file, 1, message));
        lose(parsed, fm.chapter);
        continue;
      }
      if (!guidelines.chapter(key, fm.chapter)) {
        const known = meta.chapters.map((c) => c.label).join(', ');
        const message = `unknown chapter label "${fm.chapter}" for ${key} (known: ${known})`;
        problems.push(problem('chapter-unknown', file, 1, message));
        // The chapter the file was meant for cannot be told.
        lose(parsed, null);
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
    const summaries = await englishSummaries(join(dir, key), placed, unread, problems, show);
    let order = 0;
    for (const c of placed) {
      const chapter = guidelines.chapter(key, c.chapter);
      if (!chapter) continue;
      const en = c.en ?? (chapter.sections?.find((sec) => sec.label === c.section)?.en ?? chapter.en)?.title;
      const summaryEn = summaries.get(c.id);
      clauses.push({
        ...c,
        ...(en ? { en } : {}),
        ...(summaryEn ? { summaryEn } : {}),
        chapterTitle: chapter.title,
        url: clauseUrl(key, chapter.slug, c.id),
        order: order++,
      });
    }
  }

  clauses.push(...registry.clauses);

  const mappings: Mapping[] = [];
  for (const [file, r] of await readYamlFolder(join(dir, 'mappings'), MappingEntry, problems, show)) {
    problems.push(...r.problems);
    if (r.unreadable) unread.mapped.add('*');
    for (const raw of r.rejected) for (const end of ['from', 'to']) unread.mapped.add(rawField(raw, end));
    for (const { value, line } of r.items) mappings.push({ ...value, level: mappingLevel(value.from), file, line });
  }
  const glossary: GlossaryTerm[] = [];
  for (const [file, r] of await readYamlFolder(join(dir, 'glossary'), GlossaryEntry, problems, show)) {
    problems.push(...r.problems);
    for (const { value, line } of r.items) glossary.push({ ...value, file, line });
  }
  const faq: FaqEntry[] = [];
  for (const [file, r] of await readYamlFolder(join(dir, 'faq'), FaqItem, problems, show)) {
    problems.push(...r.problems);
    for (const { value, line } of r.items) faq.push({ ...value, file, line });
  }

  const sources: Source[] = [];
  const sourcesPath = join(dir, SOURCES_FILE);
  if (existsSync(sourcesPath)) {
    const r = await readYamlList(sourcesPath, show(sourcesPath), SourceEntry);
    problems.push(...r.problems);
    if (r.unreadable) unread.sources.add('*');
    for (const raw of r.rejected) unread.sources.add(rawField(raw, 'id'));
    for (const { value, line } of r.items) sources.push({ ...value, file: show(sourcesPath), line });
  }
  const notes: Note[] = [];
  for (const name of (await listDir(join(dir, 'notes'), ['.md'], problems, show)) ?? []) {
    const file = show(join(dir, 'notes', name));
    const decoded = await readContentFile(join(dir, 'notes', name), file);
    if (decoded.problem) problems.push(decoded.problem);
    if (!decoded.bytes) continue;
    const parsed = parseNoteFile(decoded.text ?? new TextDecoder().decode(decoded.bytes), file);
    if (!decoded.problem) problems.push(...parsed.problems);
    if (parsed.note && !decoded.problem) notes.push(parsed.note);
    const lostId = decoded.problem ? (parsed.note?.id ?? parsed.lostId) : parsed.lostId;
    if (lostId) unread.ids.set(lostId, null);
  }

  const checklistLoad = await loadChecklist(dir, guidelines.keys, show);
  problems.push(...checklistLoad.problems);
  for (const id of checklistLoad.unreadCategories) unread.categories.add(id);
  const { checklist } = checklistLoad;

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
    unread,
  };
}

/** Every problem, loading and cross-reference alike, in file order: what `kojo check` prints. */
export async function checkContent(dir: string): Promise<LoadResult> {
  const { corpus, problems, unread } = await loadContent(dir);
  // Without the registry no reference can be told right from wrong: its problem is the one to fix.
  const checked = unread.guidelines.has('*') ? [] : checkCorpus(corpus, unread);
  return { corpus, unread, problems: sortProblems([...problems, ...checked]) };
}

/** Everything but `kojo check` refuses content with errors (warnings pass), pointing at the first. */
export async function loadValidContent(dir: string): Promise<Corpus> {
  const { corpus, problems } = await checkContent(dir);
  const errors = problems.filter(isError);
  if (errors.length) {
    throw new KojoError(
      'content-invalid',
      `content has ${problemCount(problems)}; first: ${formatProblem(errors[0]!)} (run kojo check)`,
    );
  }
  return corpus;
}

/**
 * A guideline folder's English summaries by clause id (none when it has no english.yml). A summary of
 * a clause the folder does not define is reported: it would be shown nowhere. Official text has none:
 * its words are the guideline's.
 */
async function englishSummaries(
  folder: string,
  clauses: readonly ClauseDraft[],
  unread: Unread,
  problems: Problem[],
  show: (abs: string) => string,
): Promise<Map<string, string>> {
  const path = join(folder, ENGLISH_FILE);
  const summaries = new Map<string, string>();
  if (!existsSync(path)) return summaries;
  const file = show(path);
  const r = await readYamlList(path, file, EnglishSummary);
  problems.push(...r.problems);
  const authored = new Set(clauses.filter((c) => c.basis !== 'official').map((c) => c.id));
  for (const { value, line } of r.items) {
    if (!authored.has(value.id)) {
      if (!unread.ids.has(value.id))
        problems.push(problem('english-unknown-clause', file, line, `no clause "${value.id}" in ${show(folder)}/`));
    } else if (summaries.has(value.id)) {
      problems.push(problem('english-duplicate', file, line, `a second English summary of "${value.id}"`));
    } else {
      summaries.set(value.id, value.summary);
      const markup = markupProblem(file, line, `the English summary of "${value.id}"`, value.summary);
      if (markup) problems.push(markup);
    }
  }
  return summaries;
}

async function readYamlFolder<S extends Parameters<typeof readYamlList>[2]>(
  folder: string,
  schema: S,
  problems: Problem[],
  show: (abs: string) => string,
) {
  const results = [];
  for (const name of (await listDir(folder, ['.yml', '.yaml'], problems, show)) ?? []) {
    const abs = join(folder, name);
    results.push([show(abs), await readYamlList(abs, show(abs), schema)] as const);
  }
  return results;
}

/**
 * A guidelines.yml entry rejected with a key that names no folder (an invalid or reserved key) was
 * meant for some folder: while it is broken, folders no entry claims are taken as its, so its
 * clauses and every reference to them are not reported one by one. Fixed, they are checked again.
 */
async function adoptOrphanFolders(dir: string, guidelines: Guidelines, unread: Unread): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const ours = (name: string) => name in dataFolders || name === OFFICIAL_DIR || name.startsWith('.');
  if (![...unread.guidelines].some((key) => key !== '*' && (!folders.has(key) || ours(key)))) return;
  for (const name of folders) if (!guidelines.has(name) && !ours(name)) unread.guidelines.add(name);
}

/** Anything under content/ outside the content model would be silently ignored: say so. */
async function strayFiles(
  dir: string,
  guidelines: Guidelines,
  unread: Unread,
  show: (abs: string) => string,
): Promise<Problem[]> {
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
    // A guideline whose entry is invalid still has its folder: the entry's problem is the one to report.
    if (entry.isDirectory() && (unread.guidelines.has(entry.name) || unread.guidelines.has('*'))) continue;
    // A content folder that is a file: reading it reports that.
    if (exts && !entry.isDirectory()) continue;
    if (entry.isFile() && entry.name !== REGISTRY_FILE && entry.name !== SOURCES_FILE && entry.name !== 'README.md') {
      const message = `not part of the content model (${expected}); it would be ignored`;
      problems.push(problem('stray-file', show(abs), 1, message));
    } else if (entry.isDirectory() && !exts) {
      const message = `unknown folder (${expected}, or a guideline listed in ${REGISTRY_FILE}); its files would be ignored`;
      problems.push(problem('stray-folder', show(abs), 1, message));
    } else if (entry.isDirectory() && exts) {
      for (const inner of await readdir(abs, { withFileTypes: true })) {
        const suggestions = inner.isDirectory() && `${entry.name}/${inner.name}` === SUGGESTED_MAPPINGS_DIR;
        const guideline = guidelines.has(entry.name);
        const ok =
          suggestions ||
          (inner.isFile() &&
            (exts.some((ext) => inner.name.endsWith(ext)) ||
              inner.name === 'README.md' ||
              (guideline && inner.name === ENGLISH_FILE)));
        if (!ok && !inner.name.startsWith('.')) {
          const holds = `${exts.join(' or ')} files${guideline ? ` and ${ENGLISH_FILE}` : ''}`;
          const message = `${entry.name}/ holds ${holds}; this one would be ignored`;
          problems.push(problem('stray-file', show(join(abs, inner.name)), 1, message));
        }
      }
    }
  }
  return problems;
}

/** The files of a content folder; a missing one is empty, one that cannot be listed a problem (and null). */
async function listDir(
  folder: string,
  exts: readonly string[],
  problems: Problem[],
  show: (abs: string) => string,
): Promise<string[] | null> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    const why =
      error.code === 'ENOTDIR' ? 'is a file; it must be a folder' : `cannot be read (${error.code ?? error.message})`;
    problems.push(problem('folder-unreadable', show(folder), 1, why));
    return null;
  });
  return (
    entries
      ?.filter(
        (e) =>
          e.isFile() && exts.some((ext) => e.name.endsWith(ext)) && !e.name.startsWith('_') && e.name !== 'README.md',
      )
      .map((e) => e.name)
      .sort() ?? null
  );
}
