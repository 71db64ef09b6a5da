/**
 * Keyword mode of /search/ (Pagefind, one record per clause): the words as typed, and the glossary's
 * other names for what they name (「USB」 also finds 可搬媒体, which the guidelines say instead), said
 * on the page. Counts are what Pagefind found; a group shows its first results and offers the rest.
 * Loaded only in keyword mode (search-page.ts imports it on demand): question mode never fetches it.
 */
import type { Basis } from '../../indexer/corpus/index.ts';
import {
  features,
  findSynonyms,
  makeSnippet,
  matchRanges,
  MAX_QUESTION_CHARS,
  normalizeText,
  stripConversational,
  type SynonymGroup,
} from '../../indexer/text/index.ts';
import { t } from '../../indexer/wording/search-keyword.ts';
import type { KeywordMeta } from '../lib/keyword-records.ts';
import { pageGroupsOf, type PageGroup } from '../lib/search-groups.ts';
import {
  cloneElement,
  counts,
  marked,
  pageSynonyms,
  quoted,
  results,
  resultItem,
  showGroups,
  slot,
  termLinks,
  yieldToMain,
  type Group,
  type ResultClause,
  type Shown,
} from './search-results.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; meta: KeywordMeta }>;
}
interface Pagefind {
  search(q: string, options: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
  options(o: Record<string, unknown>): Promise<void>;
}
let pagefind: Promise<Pagefind> | null = null;

/** Results a group shows at first, and how many more each "show more" adds. */
const KEYWORD_RESULTS = 8;
const MORE_RESULTS = 20;

/**
 * What a query searches for besides itself: every other name of each glossary term it names.
 * `terms` are the glossary ids, for the note and suggestions.
 */
export function expansionOf(q: string, groups: SynonymGroup[]): { terms: string[]; forms: string[] } {
  const normalized = normalizeText(q);
  const matches = findSynonyms(normalized, groups);
  const forms = matches
    .flatMap((m) => groups.find((g) => g.id === m.id)?.forms ?? [])
    .filter((f) => !normalized.includes(f));
  return { terms: matches.map((m) => m.id), forms: [...new Set(forms)] };
}

interface Ranked {
  found: PagefindResult[];
  partial: boolean;
  /** The other names that found something in this group. */
  via: Set<string>;
}

/**
 * Pagefind requires every term: a whole question (「USBメモリの持ち込みはどうすればいい？」) finds
 * nothing. Then the question's content words are searched one by one, and clauses ranked by how
 * many of them they contain, then by Pagefind's scores. The glossary's other names come after
 * what the words themselves found.
 */
async function rankedFor(
  pf: Pagefind,
  q: string,
  words: string[],
  others: string[],
  filters: Record<string, string>,
): Promise<Ranked> {
  const whole = await pf.search(q, { filters });
  let found = whole.results;
  let partial = false;
  if (!found.length && words.length >= 2) {
    const tally = new Map<string, { result: PagefindResult; words: number; score: number }>();
    const each = await Promise.all(words.map((w) => pf.search(w, { filters })));
    for (const { results: hits } of each) {
      for (const r of hits) {
        const t = tally.get(r.id) ?? { result: r, words: 0, score: 0 };
        t.words++;
        t.score += r.score;
        tally.set(r.id, t);
      }
    }
    found = [...tally.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((t) => t.result);
    partial = found.length > 0;
  }
  const seen = new Set(found.map((r) => r.id));
  const via = new Set<string>();
  const extra: PagefindResult[] = [];
  const byForm = await Promise.all(others.map((f) => pf.search(f, { filters })));
  for (const [i, { results: hits }] of byForm.entries()) {
    const form = others[i]!;
    // Pagefind splits a name into pieces and matches their prefixes (「cd-r」 finds every "r…"): a
    // clause found through another name counts only if it holds that name.
    const holds = await Promise.all(hits.map(async (r) => !seen.has(r.id) && contains(await dataOf(r), form)));
    for (const [j, r] of hits.entries()) {
      if (!holds[j] || seen.has(r.id)) continue;
      seen.add(r.id);
      via.add(form);
      extra.push(r);
    }
  }
  extra.sort((a, b) => b.score - a.score);
  return { found: [...found, ...extra], partial, via };
}

/** Each result's fragment, fetched once however often it is asked for. */
const fragments = new Map<string, ReturnType<PagefindResult['data']>>();
const dataOf = (r: PagefindResult) => {
  let d = fragments.get(r.id);
  if (!d) fragments.set(r.id, (d = r.data()));
  return d;
};

const contains = ({ meta }: { meta: KeywordMeta }, form: string) =>
  normalizeText(`${meta.title}\n${meta.body}`).includes(form);

/** A normalised word as the person typed it (ＵＳＢ, not usb), else as the clause writes it (USBメモリ). */
function spelled(q: string, text: string, word: string): string {
  for (const source of [q, text]) {
    const [range] = matchRanges(source, [word]);
    if (range) return source.slice(range[0], range[1]);
  }
  return word;
}

/** Keyword search into the results; returns the status line. */
export async function keywordSearch(typed: string): Promise<string> {
  // The same cap as questions: a pasted document must not cost the page seconds.
  const q = typed.slice(0, MAX_QUESTION_CHARS);
  // Pagefind is generated after the site build, so it is loaded at run time from the site's own origin.
  const url = `${base}pagefind/pagefind.js`;
  pagefind ??= import(/* @vite-ignore */ url).then(async (m: Pagefind) => {
    await m.options({ excerptLength: 0 });
    return m;
  });
  const pf = await pagefind;
  // What to mark and fall back on: the content words, never particles (の, その).
  const words = [...new Set(features(stripConversational(q), []).words)];
  const expansion = expansionOf(q, pageSynonyms());
  const marks = [...words, ...expansion.forms];
  // The page's groups (keyword records are filtered by guideline, notes by kind: site/lib/keyword-records.ts).
  const pageGroups = pageGroupsOf(results.dataset.groups);
  const rankings = await Promise.all(
    pageGroups.map((g) =>
      rankedFor(pf, q, words, expansion.forms, g.kind === 'note' ? { kind: 'note' } : { guideline: g.guideline }),
    ),
  );
  const itemsOf = async (group: PageGroup, found: PagefindResult[]): Promise<HTMLElement[]> => {
    // Every result's fragment fetched at once.
    const data = await Promise.all(found.map(dataOf));
    const items: HTMLElement[] = [];
    for (const { url: href, meta } of data) {
      items.push(keywordItem(group, href, meta, q, marks));
      await yieldToMain();
    }
    return items;
  };
  const groups: Group[] = [];
  for (const [i, group] of pageGroups.entries()) {
    const { found } = rankings[i]!;
    const items = await itemsOf(group, found.slice(0, KEYWORD_RESULTS));
    groups.push({ group, items, close: true, total: found.length, empty: emptyGroup(q, expansion.terms) });
  }
  const via = [...new Set(rankings.flatMap((r) => [...r.via]))];
  showGroups(groups, q, expansion.terms.length ? [expansionNote(q, expansion.terms, via)] : []);
  for (const [i, g] of groups.entries()) {
    const rest = rankings[i]!.found.slice(KEYWORD_RESULTS);
    if (rest.length) offerMore(g, rest, (found) => itemsOf(g.group, found));
  }
  const found = counts(groups, (g) => g.items.length > 0);
  const shown = quoted(typed);
  const partial = rankings.some((r) => r.partial);
  return !found
    ? t('search.keyword.none', { typed: shown })
    : t('search.keyword.found', { typed: shown, partial, expanded: via.length > 0, found });
}

function keywordItem(group: PageGroup, href: string, meta: KeywordMeta, q: string, marks: string[]): HTMLElement {
  const clause: ResultClause = {
    id: meta.id,
    kind: group.kind,
    ...(meta.guideline && { guideline: meta.guideline }),
    chapter: meta.chapter,
    section: meta.section,
    title: meta.title,
    basis: meta.basis as Basis,
    verified: meta.verified === 'true',
    url: href,
    place: meta.place,
  };
  const snippet = makeSnippet(meta.body, marks);
  const raw = `${meta.title}\n${meta.body}`;
  const text = normalizeText(raw);
  const contained = marks.filter((w) => text.includes(w)).map((w) => spelled(q, raw, w));
  return resultItem(
    clause,
    marked(snippet.text, snippet.highlights),
    contained.length ? t('search.keyword.contains', { words: [...new Set(contained)] }) : '',
    JSON.parse(meta.related) as Shown[],
  );
}

/** 「用語集で「USB」と同じものを指す語（可搬媒体）も検索しました：可搬媒体・記録媒体。」 */
function expansionNote(q: string, terms: string[], via: string[]): HTMLElement {
  const note = cloneElement('#keyword-expanded-template');
  const names = terms.map((id) => termLinks([id], '')[0]?.textContent ?? id);
  note.textContent = t('search.keyword.expanded', { typed: quoted(q), terms: names, forms: via });
  return note;
}

/** An empty group: nothing contains the words, so question mode (and the glossary's related terms) may help. */
function emptyGroup(q: string, terms: string[]): HTMLElement {
  const block = cloneElement('#keyword-empty-template');
  slot(block, 'question-link').setAttribute('href', `?${new URLSearchParams({ q })}`);
  const links = termLinks(terms, q);
  if (links.length) {
    const into = slot(block, 'terms');
    links.forEach((a, i) => into.append(...(i ? ['・', a] : [a])));
  } else slot(block, 'terms-wrap').remove();
  return block;
}

/** "12件中8件を表示" under a group with more results, and a button that shows the next ones. */
function offerMore(g: Group, rest: PagefindResult[], load: (found: PagefindResult[]) => Promise<HTMLElement[]>): void {
  const section = results.querySelector<HTMLElement>(
    g.group.kind === 'note' ? '[data-group-kind="note"]' : `[data-guideline-group="${g.group.guideline}"]`,
  );
  const list = section?.querySelector('ol.result-list');
  if (!section || !list) return;
  const block = cloneElement('#keyword-more-template');
  const count = slot(block, 'count');
  const button = slot(block, 'more') as HTMLButtonElement;
  let shown = g.items.length;
  const total = shown + rest.length;
  const update = () => {
    count.textContent = t('search.keyword.groupCount', { total, shown });
    const next = Math.min(MORE_RESULTS, total - shown);
    if (next > 0) button.textContent = t('search.keyword.more', { count: next });
    else button.remove();
  };
  update();
  button.addEventListener('click', async () => {
    button.disabled = true;
    const items = await load(rest.slice(shown - g.items.length, shown - g.items.length + MORE_RESULTS));
    list.append(...items);
    // Keyboard users stay where the new results start.
    items[0]?.querySelector<HTMLElement>('a')?.focus();
    shown += items.length;
    button.disabled = false;
    update();
    if (shown >= total) block.dataset.complete = '';
  });
  section.append(block);
}
