/**
 * Markdown clause file → clause records. The same function feeds the checker, the search index and
 * the site, so a clause is parsed exactly one way.
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { parseHeadingAttributes } from './attributes.ts';
import { citationsIn, citedIds, withoutCitations } from './citations.ts';
import { type Problem, problem } from './problems.ts';
import type { RuleId } from './rules.ts';
import type { z } from 'zod';
import {
  ClauseAttributes,
  FileFrontMatter,
  type Passage,
  MAX_CLAUSE_CHARS,
  NoteFrontMatter,
  OfficialFrontMatter,
  type ClauseDraft,
  type Note,
} from './schema/index.ts';
import { MAX_YAML_ALIASES, nestingProblem } from './limits.ts';
import { blockText, officialPassages } from './passages.ts';
import { noteUrl } from './urls.ts';
import { describeIssues, validate } from './validate.ts';

export interface ParsedFile {
  frontMatter: FileFrontMatter | null;
  clauses: ClauseDraft[];
  problems: Problem[];
  /**
   * Clauses the file holds that could not be read, as far as they can be told (the ids in their
   * headings, the chapter of the file; null when every clause was read): a reference to one is not a
   * problem of its own.
   */
  lost: { ids: string[]; chapter: string | null };
}

type At = (rule: RuleId, line: number, message: string) => void;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export function parseClauseFile(source: string, file: string): ParsedFile {
  const deep = nestingProblem(source, file, 'markdown');
  if (deep) return { frontMatter: null, clauses: [], problems: [deep], lost: { ids: [], chapter: null } };
  const tree = processor.parse(source) as Root;
  const problems: Problem[] = [];
  const at: At = (rule, line, message) => problems.push(problem(rule, file, line, message));
  const lostAll = (chapter: unknown) => ({
    ids: clauseHeadingIds(tree),
    chapter: typeof chapter === 'string' || typeof chapter === 'number' ? String(chapter) : null,
  });

  const [first] = tree.children;
  if (first?.type !== 'yaml') {
    at('front-matter-missing', 1, 'missing front matter (--- guideline: … chapter: … ---)');
    return { frontMatter: null, clauses: [], problems, lost: lostAll(null) };
  }
  const { value: frontMatter, data } = readFrontMatter(first.value, FileFrontMatter, (rule, line, message) =>
    at(rule, line + 1, message),
  );
  if (!frontMatter) return { frontMatter: null, clauses: [], problems, lost: lostAll(data?.chapter) };

  const clauses: ClauseDraft[] = [];
  const lost: string[] = [];
  let lostAny = false;
  const body = tree.children.slice(1);
  let current: { heading: Heading; nodes: RootContent[] } | null = null;
  const flush = () => {
    if (!current) return;
    const clause = buildClause(current.heading, current.nodes, frontMatter, source, file, at);
    if (clause) clauses.push(clause);
    else {
      lostAny = true;
      lost.push(...clauseHeadingIds({ children: [current.heading] }));
    }
  };
  for (const node of body) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 1) {
        at(
          'heading-level-1',
          lineOf(node),
          'level-1 heading: the chapter comes from front matter; start clauses with ##',
        );
        continue;
      }
      flush();
      current = { heading: node, nodes: [] };
    } else if (current) {
      current.nodes.push(node);
    } else if (node.type !== 'html' || !isCommentOnly(node.value)) {
      at('text-outside-clause', lineOf(node), 'text before the first clause heading (##) belongs to no clause');
    }
  }
  flush();
  return { frontMatter, clauses, problems, lost: { ids: lost, chapter: lostAny ? frontMatter.chapter : null } };
}

/** The ids written in a file's clause headings, read without judging anything else: what it meant to define. */
export function clauseHeadingIds(tree: { children: RootContent[] }): string[] {
  return tree.children.flatMap((node) => {
    if (node.type !== 'heading' || node.depth !== 2) return [];
    const id = parseHeadingAttributes(toString(node)).attributes?.id;
    return id ? [id] : [];
  });
}

/** The clause ids a file's headings name (for a file that cannot be read as a clause file at all). */
export function clauseIdsIn(source: string): string[] {
  return clauseHeadingIds(processor.parse(source) as Root);
}

export interface ParsedOfficialUnit {
  frontMatter: OfficialFrontMatter | null;
  markdown: string;
  text: string;
  /** Paragraphs, list items and table rows, each with its page (corpus/passages.ts). */
  passages: Passage[];
  problems: Problem[];
}

/**
 * A unit file of imported official text (content/official/KEY/NNN.md): front matter, then the text.
 * Held to the same rules as clause bodies: what the site would not show is a problem.
 */
export function parseOfficialUnit(source: string, file: string): ParsedOfficialUnit {
  const f = frontMatterFile(source, file, OfficialFrontMatter, '--- guideline: … chapter: … section: … pages: … ---');
  if (!f.frontMatter) return { frontMatter: null, markdown: '', text: '', passages: [], problems: f.problems };
  const fm = f.frontMatter;
  const b = readBody(f.body, source, f.start, 'official text file', 1, f.at);
  // pageLines count from the line after the closing `---`.
  const bodyLine = f.fenceLine + 1;
  const [from, to] = fm.pages;
  const stray = fm.pageLines?.find(([, page]) => page < from || page > to);
  if (stray)
    f.at(
      'official-page-lines-outside',
      1,
      `front matter pageLines: page ${stray[1]} lies outside the unit's pages ${from}–${to}`,
    );
  const passages = b
    ? officialPassages({
        nodes: f.body,
        source,
        firstLine: f.body[0]?.position?.start.line ?? bodyLine,
        bodyLine,
        pages: fm.pages,
        ...(fm.pageLines && !stray ? { pageLines: fm.pageLines } : {}),
      })
    : [];
  return { frontMatter: fm, markdown: b?.markdown ?? '', text: b?.text ?? '', passages, problems: f.problems };
}

/** A file that is front matter (validated by `schema`) and a Markdown body: notes, official text. */
function frontMatterFile<S extends z.ZodTypeAny>(source: string, file: string, schema: S, shape: string) {
  const deep = nestingProblem(source, file, 'markdown');
  const tree = (deep ? { type: 'root', children: [] } : processor.parse(source)) as Root;
  const problems: Problem[] = deep ? [deep] : [];
  const at: At = (rule, line, message) => problems.push(problem(rule, file, line, message));
  const [first, ...body] = tree.children;
  if (first?.type !== 'yaml') {
    if (!deep) at('front-matter-missing', 1, `missing front matter (${shape})`);
    return { frontMatter: null, data: null, body, start: 0, fenceLine: 0, at, problems };
  }
  const { value, data } = readFrontMatter(first.value, schema, (rule, line, message) => at(rule, line + 1, message));
  const { end } = first.position ?? { end: { offset: 0, line: 0 } };
  return { frontMatter: value, data, body, start: end.offset ?? 0, fenceLine: end.line, at, problems };
}

/** The front matter if valid, and its raw data whenever it parses as YAML (what a broken one meant). */
function readFrontMatter<S extends z.ZodTypeAny>(
  yaml: string,
  schema: S,
  report: At,
): { value: z.output<S> | null; data: Record<string, unknown> | null } {
  const deep = nestingProblem(yaml, '', 'yaml');
  if (deep) return (report('nesting-too-deep', deep.line, deep.message), { value: null, data: null });
  let data: unknown;
  try {
    data = parseYaml(yaml, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const { message, linePos } = error as Error & { linePos?: { line: number }[] };
    report(
      'front-matter-yaml',
      linePos?.[0]?.line ?? 1,
      `invalid front matter YAML: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
    return { value: null, data: null };
  }
  const { value, issues } = validate(schema, data ?? {});
  for (const issue of describeIssues(issues)) {
    const key = issue.path[0];
    const index = typeof key === 'string' ? yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`)) : -1;
    const rule = issue.unknownKey ? 'front-matter-unknown-key' : 'front-matter-invalid';
    report(rule, index >= 0 ? index + 1 : 1, `front matter ${issue.text}`);
  }
  return { value, data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null };
}

function buildClause(
  heading: Heading,
  nodes: RootContent[],
  fm: FileFrontMatter,
  source: string,
  file: string,
  at: At,
): ClauseDraft | null {
  const line = lineOf(heading);
  const { title, attributes, error } = parseHeadingAttributes(toString(heading));
  if (error) return (at('clause-heading-syntax', line, `clause heading: ${error}`), null);
  if (!attributes) {
    const example = `{#${fm.guideline}-3-step1-2 section=ステップ1-2}`;
    return (at('clause-heading-no-attributes', line, `clause heading needs attributes, e.g. ${example}`), null);
  }
  const { value: attrs, issues } = validate(ClauseAttributes, attributes);
  for (const issue of describeIssues(issues)) {
    const rule = issue.unknownKey ? 'clause-heading-unknown-attribute' : 'clause-heading-invalid';
    at(rule, line, `clause heading ${issue.text}`);
  }
  if (!attrs) return null;
  if (!title) return (at('clause-heading-no-title', line, 'clause heading has no title'), null);
  if (heading.children.some((n) => n.type === 'html' && !isCommentOnly(n.value)))
    at(
      'clause-heading-html',
      line,
      'clause heading has raw HTML: the site shows the tags as text; write the title without them',
    );
  const basis = attrs.basis ?? fm.basis;
  if (!basis)
    return (
      at('clause-no-basis', line, `clause ${attrs.id} has no basis (set it in the heading or the front matter)`), null
    );

  const start = heading.position?.end.offset ?? 0;
  const b = readBody(nodes, source, start, `clause ${attrs.id}`, line, at);
  if (!b) return null;

  return {
    id: attrs.id,
    guideline: fm.guideline,
    chapter: fm.chapter,
    section: attrs.section ?? fm.section ?? fm.chapter,
    title,
    ...(attrs.en ? { en: attrs.en } : {}),
    formerIds: attrs.former ?? [],
    basis,
    verified: attrs.verified ?? fm.verified ?? false,
    ...b,
    file,
    line,
  };
}

/** A body's Markdown, plain text and citations, reporting what the site would not show as written. */
function readBody(nodes: RootContent[], source: string, start: number, what: string, line: number, at: At) {
  const end = nodes.at(-1)?.position?.end.offset ?? start;
  const markdown = source.slice(start, end).trim();
  // Raw HTML is not shown (see bodyProblems), so it is not searched either; nor are citation markers.
  const text = withoutCitations(nodes.map(blockText).join('\n')).trim();
  if (!text) return (at('body-empty', line, `${what} has an empty body`), null);
  if (markdown.length > MAX_CLAUSE_CHARS)
    at('body-too-long', line, `${what} has ${markdown.length} characters; the limit is ${MAX_CLAUSE_CHARS} — split it`);
  // `<b>x</b>` is two HTML nodes on one line: one problem is enough.
  const seen = new Set<string>();
  for (const p of nodes.flatMap(bodyProblems)) {
    if (!seen.has(`${p.line}:${p.message}`)) at(p.rule, p.line, p.message);
    seen.add(`${p.line}:${p.message}`);
  }
  const citations = citationsIn(nodes);
  return { text, markdown, sources: citedIds(citations), citations, siteLinks: nodes.flatMap(siteLinksIn) };
}

export interface ParsedNote {
  note: Note | null;
  problems: Problem[];
  /** The id a note that could not be read meant to have, if it can be told. */
  lostId: string | null;
}

/** content/notes/NAME.md → one practice note: front matter (id, title, relates) and a Markdown body. */
export function parseNoteFile(source: string, file: string): ParsedNote {
  const {
    frontMatter: fm,
    data,
    body,
    start,
    at,
    problems,
  } = frontMatterFile(source, file, NoteFrontMatter, '--- id: note-… title: … relates: [...] ---');
  if (!fm) return { note: null, problems, lostId: typeof data?.id === 'string' ? data.id : null };
  for (const node of body) {
    if (node.type === 'heading' && node.depth <= 2)
      at('note-heading-level', lineOf(node), 'a note is one topic: use ### and deeper for its sub-headings');
  }
  const b = readBody(body, source, start, `note ${fm.id}`, 1, at);
  if (!b) return { note: null, problems, lostId: fm.id };
  return { note: { ...fm, url: noteUrl(fm.id), ...b, file, line: 1 }, problems, lostId: null };
}

/** HTML comments are notes to authors: allowed anywhere, shown nowhere. */
function isCommentOnly(html: string): boolean {
  return html.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}

/** Only web addresses leave the site; a path (`/meti/ch3/#…`, `#id`) stays on it. */
const schemeOf = /^([a-z][a-z0-9+.-]*):/i;

/**
 * What the site would not show as written: raw HTML (its renderer drops it, so the reader would miss
 * it silently) and links that are not web addresses (a `javascript:` link would run in the browser).
 */
function bodyProblems(node: Nodes): { rule: RuleId; line: number; message: string }[] {
  const here = (rule: RuleId, message: string) => [{ rule, line: lineOf(node), message }];
  if (node.type === 'html')
    return isCommentOnly(node.value)
      ? []
      : here('body-raw-html', 'raw HTML is not shown on the site: write Markdown instead');
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
    // `//host/` leaves the site as surely as `https://host/`, but the renderer drops it silently.
    if (/^[/\\]{2}/.test(node.url))
      return here('link-scheme', `link to "${node.url}": write the full https:// address, not a protocol-relative one`);
    const scheme = schemeOf.exec(node.url)?.[1]?.toLowerCase();
    if (scheme && scheme !== 'https' && scheme !== 'http')
      return here('link-scheme', `link to "${node.url}": only https:// or http:// addresses, or paths on this site`);
  }
  return 'children' in node ? node.children.flatMap(bodyProblems) : [];
}

/** Links to pages of this site (`/notes/eol-os/`, `/meti/ch3/#meti-3`): `kojo check` sees they lead somewhere. */
function siteLinksIn(node: Nodes): { url: string; line: number }[] {
  if (node.type === 'link' && /^\/(?![/\\])/.test(node.url)) return [{ url: node.url, line: lineOf(node) }];
  return 'children' in node ? node.children.flatMap(siteLinksIn) : [];
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1;
}
