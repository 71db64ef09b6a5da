/**
 * Content collections over content/, read ONLY by the project's own parser (indexer/content.ts) and
 * validated with the shared schema (indexer/schema.ts), so the site shows exactly what `kojo check`
 * accepted. If the content has problems, the build fails with the checker's `file:line: message`.
 */
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCorpus } from '../indexer/check.ts';
import { loadContent, type Corpus } from '../indexer/content.ts';
import { formatProblem, sortProblems } from '../indexer/problems.ts';
import { Clause, FaqEntry, GlossaryTerm, GuidelineMeta, MappingEntry } from '../indexer/schema.ts';

/**
 * content/ next to this folder, whatever directory the build was started from. KOJO_CONTENT points
 * the build at another tree (e.g. a test fixture), like `kojo check --content DIR`.
 */
const contentDir = resolve(process.env.KOJO_CONTENT || fileURLToPath(new URL('../content/', import.meta.url)));

let corpus: Promise<Corpus> | undefined;

/** One load per build, shared by all five collections. */
function validCorpus(): Promise<Corpus> {
  corpus ??= (async () => {
    const { corpus: loaded, problems } = await loadContent(contentDir);
    const all = sortProblems([...problems, ...checkCorpus(loaded)]);
    if (all.length) {
      // Same lines as `kojo check`, so the author can jump to file:line from the build log.
      throw new Error(`content has ${all.length} problem(s) (run npx kojo check):\n${all.map(formatProblem).join('\n')}`);
    }
    return loaded;
  })();
  return corpus;
}

/** Re-sync functions of every collection, so one edit under content/ reloads the corpus once. */
const resyncs: (() => Promise<void>)[] = [];
let watching = false;

function watchContent(context: LoaderContext) {
  const { watcher, logger } = context;
  if (!watcher || watching) return;
  watching = true;
  watcher.add(contentDir);
  const reload = async (path: string) => {
    if (!resolve(path).startsWith(contentDir)) return;
    corpus = undefined;
    try {
      for (const resync of resyncs) await resync();
      logger.info(`reloaded content after a change to ${path}`);
    } catch (error) {
      // In `astro dev` a typo should not kill the server: show the checker's lines and keep going.
      logger.error((error as Error).message);
    }
  };
  for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, reload);
}

/**
 * A loader for one slice of the corpus. Entries are keyed by id and stored without it: the shared
 * schemas are strict and would reject a field they do not define.
 */
function corpusLoader(name: string, entries: (c: Corpus) => [string, Record<string, unknown>][]): Loader {
  return {
    name: `kojo-${name}`,
    async load(context) {
      const sync = async () => {
        const items = entries(await validCorpus());
        const parsed = await Promise.all(items.map(async ([id, data]) => ({ id, data: await context.parseData({ id, data }) })));
        context.store.clear();
        for (const item of parsed) context.store.set(item);
      };
      await sync();
      resyncs.push(sync);
      watchContent(context);
    },
  };
}

/** Drops the file/line bookkeeping the strict YAML schemas do not define. */
function withoutSource<T extends { file: string; line: number }>({ file: _f, line: _l, ...rest }: T) {
  return rest;
}

const clauses = defineCollection({
  loader: corpusLoader('clauses', (c) => c.clauses.map((cl) => [cl.id, cl])),
  schema: Clause,
});

const guidelines = defineCollection({
  loader: corpusLoader('guidelines', (c) => c.guidelines.map((g) => [g.key, g])),
  schema: GuidelineMeta,
});

/**
 * Keyed by `file:line` (stable, and says where the entry is written); `level` is not stored because
 * it follows from `from` (see site/lib/corpus.ts), which keeps the shared schema unchanged.
 */
const mappings = defineCollection({
  loader: corpusLoader('mappings', (c) => c.mappings.map(({ level: _level, file, line, ...entry }) => [`${file}:${line}`, entry])),
  schema: MappingEntry,
});

const glossary = defineCollection({
  loader: corpusLoader('glossary', (c) => c.glossary.map((t) => [t.id, withoutSource(t)])),
  schema: GlossaryTerm,
});

const faq = defineCollection({
  loader: corpusLoader('faq', (c) => c.faq.map((f) => [f.id, withoutSource(f)])),
  schema: FaqEntry,
});

export const collections = { clauses, guidelines, mappings, glossary, faq };
