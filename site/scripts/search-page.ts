/**
 * /search/: question mode (the shared engine) and keyword mode (Pagefind). The query lives in the URL
 * (?q=…&mode=…) so a search can be shared and reopened. Everything from the query or the index is
 * written as text nodes: a query like <img src=x onerror=…> shows literally and runs nothing.
 */
import { guidelineKeys, type GuidelineKey } from '../../indexer/keys.ts';
import type { Hit } from '../../indexer/search.ts';
import { chapterName } from '../../indexer/urls.ts';
import { clauseIdFromAnchor } from '../lib/paths.ts';
import { basisHelp, basisLabel, relationshipLabel, sectionLabel, unverifiedHelp, unverifiedLabel } from '../../indexer/labels.ts';
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

function renderHit(hit: Hit, engineData: BrowserEngine['data']): HTMLElement {
  const byId = new Map(engineData.clauses.map((c) => [c.id, c]));
  const place = hit.section === hit.chapter ? chapterName(hit.chapter) : `${chapterName(hit.chapter)} ${hit.section}`;
  const badges = el('span', { class: 'badges' }, el('span', { class: `badge badge-${hit.basis}`, title: basisHelp[hit.basis] }, basisLabel[hit.basis]));
  if (!hit.verified) badges.append(el('span', { class: 'badge badge-unverified', title: unverifiedHelp }, unverifiedLabel));
  const counterparts = hit.related
    .map((r) => ({ r, c: byId.get(r.id) }))
    .filter((x) => x.c)
    .map(({ r, c }) =>
      el('li', {}, el('span', { class: `rel rel-${r.relationship}` }, relationshipLabel[r.relationship]), ' ', el('a', { href: c!.url, class: 'counterpart' }, `${sectionLabel(c!)} ${c!.title}`)),
    );
  return resultItem(
    hit,
    el('a', { href: hit.url, class: 'result-title' }, el('span', { class: 'result-section' }, place), ' ', hit.title),
    badges,
    el('p', { class: 'snippet' }, marked(hit.snippet, hit.highlights)),
    ...(counterparts.length ? [el('div', { class: 'counterparts' }, el('span', { class: 'counterparts-label' }, '対応する条項:'), el('ul', {}, ...counterparts))] : []),
  );
}

async function questionSearch(q: string): Promise<void> {
  const e = await getEngine();
  const t = performance.now();
  const answer = await e.ask(q, { k: 5 });
  const ms = performance.now() - t;
  results.replaceChildren(
    ...guidelineKeys.map((g) => group(g, answer.hits.filter((h) => h.guideline === g).map((h) => renderHit(h, e.data)), '該当する条項が見つかりませんでした。')),
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
  const pf = await pagefind;
  const groups: HTMLElement[] = [];
  for (const g of guidelineKeys) {
    const found = await pf.search(q, { filters: { guideline: g } });
    const pages = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
    const items = pages.flatMap((p) =>
      (p.sub_results.length ? p.sub_results : [{ url: p.url, title: p.meta.title ?? '', excerpt: p.excerpt }]).slice(0, 3).map((s) => {
        const id = clauseIdFromAnchor(decodeURIComponent(s.url.split('#')[1] ?? ''));
        return resultItem(
          { guideline: g, chapter: p.meta.chapter ?? '', section: p.meta.section ?? '', id },
          el('a', { href: s.url, class: 'result-title' }, s.title),
          el('p', { class: 'snippet' }, excerptNodes(s.excerpt)),
        );
      }),
    );
    groups.push(group(g, items, 'このキーワードを含むページは見つかりませんでした。'));
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
