/**
 * The results on /search/, the same for both modes: site/pages/search.astro renders every piece of
 * markup into <template>s (a result, a counterpart, a group, the "no close match" block, each
 * provenance badge set, each relationship tag, the glossary's term links); this module clones them
 * and fills them with text only. The groups are data: question mode takes them from the index (its
 * guideline registry and kinds), keyword mode from the registry the page was built with. Everything from the query or the index is written as text
 * nodes: a query like <img src=x onerror=…> shows literally and runs nothing.
 */
import type { RelationshipCode } from '../../indexer/corpus/index.ts';
import type { Hit } from '../../indexer/search/index.ts';
import { bigrams, escaped, normalizeText, type SynonymGroup } from '../../indexer/text/index.ts';
import { t } from '../../indexer/wording/search-page.ts';
import type { KeywordCounterpart } from '../lib/keyword-records.ts';
import { decodeSynonyms } from '../lib/page-synonyms.ts';
import type { PageGroup } from '../lib/search-groups.ts';

export const results = document.querySelector<HTMLElement>('#search-results')!;

/** The glossary's synonym groups the page was built with (`data-synonyms`: the index's own, from the same build). */
export const pageSynonyms = (): SynonymGroup[] => decodeSynonyms(results.dataset.synonyms);

/** Longer queries are quoted up to here in the status, which is one line. */
const QUOTED_CHARS = 80;

/**
 * A query as the person typed it, for the status line: on one line, cut to QUOTED_CHARS, with
 * controls and bidi characters shown escaped (`\u202e`), so a U+202E cannot reverse the line.
 */
export function quoted(typed: string): string {
  const one = typed.trim().replace(/\s+/g, ' ');
  const chars = [...one];
  return escaped(chars.length > QUOTED_CHARS ? `${chars.slice(0, QUOTED_CHARS).join('')}…` : one);
}

let lastYield = 0;
/**
 * Gives the browser a turn (paint, input) once the current task has run ~10 ms: no task over 50 ms,
 * and no waiting when there is no need. scheduler.yield keeps this search's place in the queue.
 */
export async function yieldToMain(): Promise<void> {
  if (performance.now() - lastYield < 10) return;
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  await (scheduler?.yield ? scheduler.yield() : new Promise<void>((resolve) => setTimeout(resolve, 0)));
  lastYield = performance.now();
}

/** Looked up once each: with a thousand results on the page, a document-wide query per result took seconds. */
const templates = new Map<string, HTMLTemplateElement>();

export function template(selector: string): HTMLTemplateElement {
  const t = templates.get(selector) ?? document.querySelector<HTMLTemplateElement>(`template${selector}`);
  if (!t) throw new Error(`search page: no template ${selector}`);
  templates.set(selector, t);
  return t;
}

/** A copy of a template's first element. */
export function cloneElement(selector: string): HTMLElement {
  return template(selector).content.firstElementChild!.cloneNode(true) as HTMLElement;
}

/** A copy of a template's whole content (a component may render several nodes). */
export function cloneContent(selector: string): DocumentFragment {
  return template(selector).content.cloneNode(true) as DocumentFragment;
}

export function slot(root: Element, name: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`[data-slot="${name}"]`);
  if (!found) throw new Error(`search page: template has no slot ${name}`);
  return found;
}

/** Text with marked ranges, as DOM text nodes and <mark> elements. */
export function marked(text: string, ranges: [number, number][]): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of ranges) {
    const mark = document.createElement('mark');
    mark.textContent = text.slice(s, e);
    out.append(text.slice(at, s), mark);
    at = e;
  }
  out.append(text.slice(at));
  return out;
}

/** What a result shows of its clause, the same in both modes (`place`: 「3章 ステップ2-2」). */
export type ResultClause = Pick<
  Hit,
  'id' | 'kind' | 'guideline' | 'chapter' | 'section' | 'title' | 'basis' | 'verified' | 'url' | 'snippetLang'
> & { place: string };
/** A counterpart as a result lists it. */
export type Shown = Omit<KeywordCounterpart, 'relationship'> & { relationship: RelationshipCode };

function counterpartItem(r: Shown): HTMLElement {
  const li = cloneElement('#result-counterpart-template');
  slot(li, 'relationship').replaceWith(cloneContent(`[data-relationship="${r.relationship}"]`));
  slot(li, 'link').setAttribute('href', r.url);
  slot(li, 'guideline').textContent = r.guideline;
  slot(li, 'place').textContent = r.place;
  slot(li, 'title').textContent = r.title;
  return li;
}

/** One result, the same in both modes: place, title, provenance, snippet, why it matched, counterparts. */
export function resultItem(c: ResultClause, snippet: Node, why: string, related: Shown[]): HTMLElement {
  const li = cloneElement('#result-template');
  Object.assign(li.dataset, {
    guideline: c.guideline,
    chapter: c.chapter,
    section: c.section,
    clauseId: c.id,
    kind: c.kind,
  });
  if (c.guideline === undefined) delete li.dataset.guideline;
  slot(li, 'link').setAttribute('href', c.url);
  slot(li, 'place').textContent = c.place;
  slot(li, 'title').textContent = c.title;
  slot(li, 'badges').replaceWith(cloneContent(`[data-provenance="${c.basis}:${c.verified}"]`));
  slot(li, 'snippet').append(snippet);
  // An excerpt of the unit's English summary is English: screen readers read it so.
  if (c.snippetLang) slot(li, 'snippet').lang = c.snippetLang;
  if (why) slot(li, 'why').textContent = why;
  else slot(li, 'why').remove();
  if (related.length) slot(li, 'counterpart-list').append(...related.map(counterpartItem));
  else slot(li, 'counterparts').remove();
  return li;
}

/** A group's results: a list, or "no close match" with suggestions and the nearest clauses folded away. */
export interface Group {
  group: PageGroup;
  items: HTMLElement[];
  close: boolean;
  /** How many were found, when more than `items` (keyword mode shows the first ones). */
  total?: number;
  /** What an empty group says. */
  empty?: string | Node;
}

export function showGroups(groups: readonly Group[], q: string, before: HTMLElement[] = []): void {
  const sections = groups.map((group) => {
    const section = cloneElement('#group-template');
    const headingId = group.group.kind === 'note' ? 'results-notes' : `results-${group.group.guideline}`;
    section.dataset.groupKind = group.group.kind;
    if (group.group.kind === 'unit') section.dataset.guidelineGroup = group.group.guideline;
    section.setAttribute('aria-labelledby', headingId);
    const heading = slot(section, 'heading');
    heading.id = headingId;
    heading.textContent = group.group.heading;
    const list = slot(section, 'list');
    const empty = slot(section, 'empty');
    if (!group.items.length) {
      list.remove();
      if (typeof group.empty === 'string') empty.textContent = group.empty;
      else if (group.empty) empty.replaceWith(group.empty);
    } else if (group.close) {
      // Weak results stay reachable but apart, under 「その他の近い条項」, and are not counted (issue 19).
      const folded = group.items.filter((i) => 'folded' in i.dataset);
      list.append(...group.items.filter((i) => !folded.includes(i)));
      empty.remove();
      if (folded.length) list.after(foldedBlock(folded));
    } else {
      empty.remove();
      list.replaceWith(noMatch(group.items, q));
      section.dataset.noMatch = '';
    }
    return section;
  });
  // Whatever of `before` is already on screen (the FAQ entry, shown while the engine loaded) stays
  // put rather than being painted again: it is what the reader is already reading.
  const kept = [...results.children];
  if (before.length && before.every((b, i) => kept[i] === b)) {
    for (const child of kept.slice(before.length)) child.remove();
    results.append(...sections);
  } else results.replaceChildren(...before, ...sections);
  results.dataset.state = 'done';
}

function foldedBlock(items: HTMLElement[]): HTMLElement {
  const block = cloneElement('#folded-template');
  slot(block, 'summary').textContent = t('search.foldedSummary', { count: items.length });
  slot(block, 'folded').append(...items);
  return block;
}

function noMatch(nearest: HTMLElement[], q: string): HTMLElement {
  const block = cloneElement('#no-match-template');
  slot(block, 'nearest').append(...nearest);
  const terms = termLinks([], q);
  if (terms.length) {
    const into = slot(block, 'terms');
    terms.forEach((t, i) => into.append(...(i ? ['・', t] : [t])));
  } else slot(block, 'terms-wrap').remove();
  slot(block, 'keyword-link').setAttribute('href', `?${new URLSearchParams({ q, mode: 'keyword' })}`);
  return block;
}

/**
 * Links to glossary terms: those named by id (the terms a query names), then those that share a word
 * piece with the query (two kanji or katakana in a row), at most three.
 */
export function termLinks(ids: readonly string[], q: string): HTMLElement[] {
  const pieces = new Set(bigrams(normalizeText(q)));
  const all = [...template('#glossary-terms-template').content.querySelectorAll<HTMLAnchorElement>('a[data-term]')];
  const named = ids.flatMap((id) => all.filter((a) => a.dataset.term === id));
  const close = pieces.size
    ? all.filter((a) => !named.includes(a) && bigrams(normalizeText(a.textContent ?? '')).some((b) => pieces.has(b)))
    : [];
  return [...named, ...close].slice(0, 3).map((a) => a.cloneNode(true) as HTMLElement);
}

/** 「METI 5件・実務メモ 12件中8件を表示」: how many from which group, in plain words. */
export function counts(groups: readonly Group[], close: (g: Group) => boolean): string {
  return groups
    .filter(close)
    .map((g) => {
      // A weak result folded under 「その他の近い条項」 is shown but not counted as found (issue 19).
      const shown = g.items.filter((i) => !('folded' in i.dataset)).length;
      return t('search.count', { label: g.group.label, total: g.total ?? shown, shown });
    })
    .join('・');
}
