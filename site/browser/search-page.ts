/**
 * /search/: question mode (the shared engine) and keyword mode (Pagefind). The query lives in the URL
 * (?q=…&mode=…) so a search can be shared and reopened. Everything from the query or the index is
 * written as text nodes: a query like <img src=x onerror=…> shows literally and runs nothing.
 */
import { guidelineKeys, type GuidelineKey } from '../../indexer/keys.ts';
import type { Relationship } from '../../indexer/schema.ts';
import type { SearchClause } from '../../indexer/search.ts';
import { clauseIdFromAnchor } from '../lib/paths.ts';
import { basisHelp, basisLabel, placeLabel, relationshipLabel, sectionLabel, unverifiedHelp, unverifiedLabel } from '../../indexer/labels.ts';
import { loadEngine, type BrowserEngine } from './search-engine.ts';

type Mode = 'question' | 'keyword';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const results = document.querySelector<HTMLElement>('#search-results')!;
const guidelineNames = JSON.parse(document.querySelector('#guideline-names')!.textContent!) as Record<GuidelineKey, string>;

const e5Toggle = document.querySelector<HTMLInputElement>('#search-e5');
let engine: Promise<BrowserEngine> | null = null;
let e5Engine: Promise<BrowserEngine> | null = null;
const getEngine = (): Promise<BrowserEngine> => {
  if (e5Toggle?.checked) {
    // transformers.js is a separate chunk, fetched only when someone turns e5 on.
    e5Engine ??= import('./search-e5.ts').then(async ({ e5QueryEmbedder }) => loadEngine(base, 'e5', await e5QueryEmbedder(base)));
    return e5Engine;
  }
  return (engine ??= loadEngine(base));
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Text with marked ranges, as DOM text nodes and <mark> elements. */
function marked(text: string, ranges: [number, number][]): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of ranges) {
    out.append(text.slice(at, s), el('mark', {}, text.slice(s, e)));
    at = e;
  }
  out.append(text.slice(at));
  return out;
}

function group(guideline: GuidelineKey, items: HTMLElement[], empty: string): HTMLElement {
  return el(
    'section',
    { class: 'result-group', 'data-guideline-group': guideline, 'aria-labelledby': `results-${guideline}` },
    el('h2', { id: `results-${guideline}` }, guidelineNames[guideline]),
    items.length ? el('ol', { class: 'result-list' }, ...items) : el('p', { class: 'result-empty' }, empty),
  );
}

function resultItem(attrs: { guideline: string; chapter: string; section: string; id: string }, ...children: Node[]): HTMLElement {
  return el(
    'li',
    { class: 'result', 'data-guideline': attrs.guideline, 'data-chapter': attrs.chapter, 'data-section': attrs.section, 'data-clause-id': attrs.id },
    ...children,
  );
}

type ClauseInfo = Pick<SearchClause, 'id' | 'guideline' | 'chapter' | 'section' | 'title' | 'basis' | 'verified' | 'url'>;

/** One result, the same in both modes: place, title, provenance, snippet, counterparts. */
function renderResult(c: ClauseInfo, snippet: Node, related: { id: string; relationship: Relationship }[], byId: Map<string, SearchClause>): HTMLElement {
  const badges = el('span', { class: 'badges' }, el('span', { class: `badge badge-${c.basis}`, title: basisHelp[c.basis] }, basisLabel[c.basis]));
  if (!c.verified) badges.append(el('span', { class: 'badge badge-unverified', title: unverifiedHelp }, unverifiedLabel));
  const counterparts = related
    .map((r) => ({ r, other: byId.get(r.id) }))
    .filter((x) => x.other)
    .map(({ r, other }) =>
      el('li', {}, el('span', { class: `rel rel-${r.relationship}` }, relationshipLabel[r.relationship]), ' ', el('a', { href: other!.url, class: 'counterpart' }, `${sectionLabel(other!)} ${other!.title}`)),
    );
  return resultItem(
    c,
    el('a', { href: c.url, class: 'result-title' }, el('span', { class: 'result-section' }, placeLabel(c)), ' ', c.title),
    badges,
    el('p', { class: 'snippet' }, snippet),
    ...(counterparts.length ? [el('div', { class: 'counterparts' }, el('span', { class: 'counterparts-label' }, '対応する条項:'), el('ul', {}, ...counterparts))] : []),
  );
}

const clausesById = (e: BrowserEngine) => new Map(e.data.clauses.map((c) => [c.id, c]));

async function questionSearch(q: string): Promise<void> {
  const e = await getEngine();
  const t = performance.now();
  const answer = await e.ask(q, { k: 5 });
  const ms = performance.now() - t;
  const byId = clausesById(e);
  results.replaceChildren(
    ...guidelineKeys.map((g) =>
      group(
        g,
        answer.hits.filter((h) => h.guideline === g).map((h) => renderResult(h, marked(h.snippet, h.highlights), h.related, byId)),
        '該当する条項が見つかりませんでした。',
      ),
    ),
  );
  status.textContent = `「${answer.normalizedQuery}」に近い条項（各ガイドライン上位5件、${e.manifest.embedder.id}、${ms.toFixed(0)} ms）`;
  results.dataset.state = 'done';
  // For tools and the site benchmark: when results were on screen, and how long the search took.
  performance.mark('kojo:results', { detail: { ms } });
  document.dispatchEvent(new CustomEvent('kojo:results', { detail: { ms } }));
}

interface PagefindResult {
  data(): Promise<{ url: string; meta: Record<string, string>; excerpt: string; filters: Record<string, string[]>; sub_results: { url: string; title: string; excerpt: string }[] }>;
}
interface Pagefind {
  search(q: string, options: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
  options(o: Record<string, unknown>): Promise<void>;
}
let pagefind: Promise<Pagefind> | null = null;

/** Pagefind excerpts are HTML with <mark>; keep only their text and marks, never their markup. */
function excerptNodes(html: string): DocumentFragment {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  for (const node of Array.from(doc.body.childNodes)) {
    out.append(node.nodeName === 'MARK' ? el('mark', {}, node.textContent ?? '') : node.textContent ?? '');
  }
  return out;
}

async function keywordSearch(q: string): Promise<void> {
  // Pagefind is generated after the site build, so it is loaded at run time from the site's own origin.
  const url = `${base}pagefind/pagefind.js`;
  pagefind ??= import(/* @vite-ignore */ url).then(async (m: Pagefind) => {
    await m.options({ excerptLength: 40 });
    return m;
  });
  // The clause data gives keyword hits the same section labels, provenance and counterparts.
  const [pf, e] = await Promise.all([pagefind, getEngine()]);
  const byId = clausesById(e);
  const groups: HTMLElement[] = [];
  for (const g of guidelineKeys) {
    const found = await pf.search(q, { filters: { guideline: g } });
    const pages = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
    const seen = new Set<string>();
    const items = pages
      .flatMap((p) => p.sub_results)
      .flatMap((sub) => {
        const clause = byId.get(clauseIdFromAnchor(decodeURIComponent(sub.url.split('#')[1] ?? '')));
        if (!clause || seen.has(clause.id)) return [];
        seen.add(clause.id);
        return [renderResult(clause, excerptNodes(sub.excerpt), e.data.related[clause.id] ?? [], byId)];
      })
      .slice(0, 8);
    groups.push(group(g, items, 'このキーワードを含む条項は見つかりませんでした。'));
  }
  results.replaceChildren(...groups);
  status.textContent = `キーワード「${q}」を含む条項`;
  results.dataset.state = 'done';
}

function currentParams(): { q: string; mode: Mode } {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', mode: params.get('mode') === 'keyword' ? 'keyword' : 'question' };
}

async function run(): Promise<void> {
  const { q, mode } = currentParams();
  input.value = q;
  form.querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`)!.checked = true;
  if (!q.trim()) {
    results.replaceChildren();
    status.textContent = '質問やキーワードを入力してください。';
    return;
  }
  results.dataset.state = 'loading';
  status.textContent = '検索しています…';
  try {
    await (mode === 'keyword' ? keywordSearch(q) : questionSearch(q));
  } catch (error) {
    results.replaceChildren();
    results.dataset.state = 'error';
    const message = (error as Error).message;
    status.textContent = /empty/.test(message) ? '検索できる語が含まれていません。言葉を足してください。' : `検索できませんでした: ${message}`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const params = new URLSearchParams({ q: String(data.get('q') ?? ''), mode: String(data.get('mode') ?? 'question') });
  if (params.get('mode') === 'question') params.delete('mode');
  history.pushState(null, '', `?${params}`);
  void run();
});
window.addEventListener('popstate', () => void run());
e5Toggle?.addEventListener('change', () => void run());
// Load the engine while the person is still typing.
input.addEventListener('focus', () => void getEngine().catch(() => undefined), { once: true });
void run();
