/**
 * A reference framework's structure, derived from its flat entries file: the hierarchy comes from the
 * identifiers in official order (an entry belongs to the nearest earlier entry with a shorter
 * identifier, whose numbering it repeats: `GV.OC-01` under `GV.OC` under `GV`; `SR 1.1` under `FR 1`),
 * its top entries become the framework's chapters, and every entry a clause of basis `reference`.
 * Portable: the Node loader reads the file, this turns it into the corpus.
 */
import { type Problem, problem } from './problems.ts';
import {
  type ChapterMeta,
  type Clause,
  type GuidelineMeta,
  identifierSlug,
  type ReferenceEntry,
  type ReferenceMeta,
  referenceClauseId,
} from './schema/index.ts';
import { clauseUrl } from './urls.ts';

export interface ReferenceOutline {
  /** The registry entry as every reader sees a guideline: chapters from the top entries. */
  meta: GuidelineMeta;
  clauses: Clause[];
  problems: Problem[];
}

const tokens = (id: string) => id.split(/[^A-Za-z0-9]+/).filter(Boolean);

/** `SR 1.1` repeats `FR 1`'s numbering (1), `GV.OC-01` repeats `GV.OC`'s (OC): the kind prefix aside. */
const continues = (child: string[], parent: string[]) => parent.slice(1).every((t, i) => child[i + 1] === t);

export function referenceOutline(
  ref: ReferenceMeta,
  entries: { value: ReferenceEntry; line: number }[],
  file: string,
): ReferenceOutline {
  const problems: Problem[] = [];
  const key = ref.key;
  type Node = { entry: ReferenceEntry; line: number; tokens: string[]; depth: number; top: Node; parent?: Node };
  const nodes: Node[] = [];
  const seen = new Map<string, number>();
  const stack: Node[] = [];
  for (const { value: entry, line } of entries) {
    const slug = identifierSlug(entry.id);
    const first = seen.get(slug);
    if (first !== undefined) {
      const message = `${ref.label} entry "${entry.id}" is listed twice (first at line ${first})`;
      problems.push(problem('reference-entry-duplicate', file, line, message));
      continue;
    }
    seen.set(slug, line);
    const own = tokens(entry.id);
    while (stack.length && stack.at(-1)!.tokens.length >= own.length) stack.pop();
    const parent = stack.at(-1);
    const topLength = nodes[0]?.tokens.length ?? own.length;
    if ((parent && !continues(own, parent.tokens)) || (!parent && own.length > topLength)) {
      const after = parent
        ? `follows "${parent.entry.id}", which it does not belong to`
        : 'belongs to no entry before it';
      const message = `${ref.label} entry "${entry.id}" ${after}: list entries in official order, each after the one it belongs to`;
      problems.push(problem('reference-entry-parent', file, line, message));
      continue;
    }
    const node: Node = { entry, line, tokens: own, depth: stack.length, top: undefined as unknown as Node, parent };
    node.top = parent ? parent.top : node;
    nodes.push(node);
    stack.push(node);
  }

  const chapters: ChapterMeta[] = nodes
    .filter((n) => !n.parent)
    .map((top) => ({
      label: top.entry.id,
      slug: identifierSlug(top.entry.id),
      title: top.entry.name ?? top.entry.id,
      ...(top.entry.name && { en: { title: top.entry.name } }),
      sections: nodes
        .filter((n) => n.top === top && n !== top)
        .map((n) => ({ label: n.entry.id, ...(n.entry.name && { en: { title: n.entry.name } }) })),
    }));
  const hasChild = new Set(nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  const clauses = nodes.map((n, order): Clause => {
    const { id, name, en, ja, url } = n.entry;
    const top = n.top.entry;
    return {
      id: referenceClauseId(key, id),
      guideline: key,
      chapter: top.id,
      chapterTitle: top.name ?? top.id,
      section: id,
      title: name ?? id,
      ...(name && { en: name }),
      basis: 'reference',
      verified: false,
      reference: {
        id,
        ...(name && { name }),
        en,
        ja,
        ...(url && { url }),
        ...(n.parent && { parent: referenceClauseId(key, n.parent.entry.id) }),
        depth: n.depth,
        leaf: !hasChild.has(n),
      },
      sources: [],
      siteLinks: [],
      formerIds: [],
      citations: [],
      url: clauseUrl(key, identifierSlug(top.id), referenceClauseId(key, id)),
      // Identifiers and names are searched as well as the lines: "PR.PS-02" or "asset inventory" both find it.
      text: [id, name, en, ja].filter(Boolean).join('\n'),
      markdown: ja,
      order,
      file,
      line: n.line,
    };
  });
  const { entries: entriesFile, ...rest } = ref;
  const meta: GuidelineMeta = {
    ...rest,
    entries: entriesFile,
    // No official text of a reference framework is ever imported or published.
    official: { publishable: false, attribution: ref.licence },
    chapters,
  };
  return { meta, clauses, problems };
}
