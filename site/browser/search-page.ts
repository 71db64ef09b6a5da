/**
 * /search/: question mode (the shared engine) and keyword mode (Pagefind). The query lives in the URL
 * (?q=…&mode=…) so a search can be shared and reopened.
 *
 * The markup of results is not written here: site/pages/search.astro renders it with the site's
 * components into <template>s (a result, a counterpart, a guideline's group, each provenance badge
 * set, each relationship tag), and this script clones them and fills them with text. Everything from
 * the query or the index is written as text nodes: a query like <img src=x onerror=…> shows
 * literally and runs nothing.
 */
import { placeLabel, sectionLabel, type Basis, type RelationshipCode } from '../../indexer/corpus/index.ts';
import { isKojoError } from '../../indexer/errors/index.ts';
import type { IndexedClause } from '../../indexer/index-format/index.ts';
import type { Engine, Hit } from '../../indexer/search/index.ts';
import { MAX_QUESTION_CHARS } from '../../indexer/text/index.ts';
import { clauseIdFromAnchor } from '../lib/paths.ts';
import { loadEngine, type Variant } from './search-engine.ts';

type Mode = 'question' | 'keyword';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const results = document.querySelector<HTMLElement>('#search-results')!;
const e5Toggle = document.querySelector<HTMLInputElement>('#search-e5');

// ---- engines ----------------------------------------------------------------------------------

const engines: Partial<Record<Variant, Promise<Engine>>> = {};

/** The engine the form asks for, loaded once (a failed load is retried on the next search). */
function getEngine(): Promise<Engine> {
  const variant: Variant = e5Toggle?.checked ? 'e5' : 'builtin';
  return (engines[variant] ??= loadEngine(base, variant).catch((error: unknown) => {
    delete engines[variant];
    throw error;
  }));
}

// ---- markup from the page's templates -----------------------------------------------------------

/** Looked up once each: with a thousand results on the page, a document-wide query per result took seconds. */
const templates = new Map<string, HTMLTemplateElement>();

function template(selector: string): HTMLTemplateElement {
  const t = templates.get(selector) ?? document.querySelector<HTMLTemplateElement>(`template${selector}`);
  if (!t) throw new Error(`search page: no template ${selector}`);
  templates.set(selector, t);
  return t;
}

/** A copy of a template's first element. */
function cloneElement(selector: string): HTMLElement {
  return template(selector).content.firstElementChild!.cloneNode(true) as HTMLElement;
}

/** A copy of a template's whole content (a component may render several nodes). */
function cloneContent(selector: string): DocumentFragment {
  return template(selector).content.cloneNode(true) as DocumentFragment;
}

function slot(root: Element, name: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`[data-slot="${name}"]`);
  if (!found) throw new Error(`search page: template has no slot ${name}`);
  return found;
}

/** Text with marked ranges, as DOM text nodes and <mark> elements. */
function marked(text: string, ranges: [number, number][]): DocumentFragment {
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

/** What a result shows of its clause: a question hit or, in keyword mode, the index's clause. */
type ResultClause = Pick<Hit, 'id' | 'guideline' | 'chapter' | 'section' | 'title' | 'basis' | 'verified' | 'url'>;
type Counterpart = { id: string; relationship: RelationshipCode };

interface View {
  byId: Map<string, IndexedClause>;
  labels: Map<string, string>;
}

const viewOf = (e: Engine): View => ({
  byId: new Map(e.data.clauses.map((c) => [c.id, c])),
  labels: new Map(e.data.guidelines.map((g) => [g.key, g.label])),
});

function provenance(basis: Basis, verified: boolean): DocumentFragment {
  return cloneContent(`[data-provenance="${basis}:${verified}"]`);
}

function counterpartItem(r: Counterpart, other: IndexedClause, view: View): HTMLElement {
  const li = cloneElement('#result-counterpart-template');
  slot(li, 'relationship').replaceWith(cloneContent(`[data-relationship="${r.relationship}"]`));
  slot(li, 'link').setAttribute('href', other.url);
  slot(li, 'guideline').textContent = view.labels.get(other.guideline) ?? other.guideline;
  slot(li, 'place').textContent = sectionLabel(other);
  slot(li, 'title').textContent = other.title;
  return li;
}

/** One result, the same in both modes: place, title, provenance, snippet, counterparts. */
function resultItem(c: ResultClause, snippet: Node, related: Counterpart[], view: View): HTMLElement {
  const li = cloneElement('#result-template');
  Object.assign(li.dataset, { guideline: c.guideline, chapter: c.chapter, section: c.section, clauseId: c.id });
  slot(li, 'link').setAttribute('href', c.url);
  slot(li, 'place').textContent = placeLabel(c);
  slot(li, 'title').textContent = c.title;
  slot(li, 'badges').replaceWith(provenance(c.basis, c.verified));
  slot(li, 'snippet').append(snippet);
  const counterparts = related.flatMap((r) => {
    const other = view.byId.get(r.id);
    return other ? [counterpartItem(r, other, view)] : [];
  });
  if (counterparts.length) slot(li, 'counterpart-list').append(...counterparts);
  else slot(li, 'counterparts').remove();
  return li;
}

/** Every guideline's results, in the index's (registry) order, each under its name. */
function showGroups(e: Engine, items: Map<string, HTMLElement[]>, empty: string): void {
  const groups = e.data.guidelines.map((g) => {
    const section = cloneElement('#result-group-template');
    const headingId = `results-${g.key}`;
    section.dataset.guidelineGroup = g.key;
    section.setAttribute('aria-labelledby', headingId);
    const heading = slot(section, 'heading');
    heading.id = headingId;
    heading.textContent = `${g.shortTitle}（${g.version}）`;
    const found = items.get(g.key) ?? [];
    if (found.length) {
      slot(section, 'list').append(...found);
      slot(section, 'empty').remove();
    } else {
      slot(section, 'list').remove();
      slot(section, 'empty').textContent = empty;
    }
    return section;
  });
  results.replaceChildren(...groups);
  results.dataset.state = 'done';
}

// ---- the two modes ----------------------------------------------------------------------------

async function questionSearch(q: string): Promise<void> {
  const e = await getEngine();
  const t = performance.now();
  const answer = await e.ask(q, { k: 5 });
  const ms = performance.now() - t;
  const view = viewOf(e);
  const items = new Map<string, HTMLElement[]>();
  for (const h of answer.hits) {
    const list = items.get(h.guideline) ?? [];
    list.push(resultItem(h, marked(h.snippet, h.highlights), h.related, view));
    items.set(h.guideline, list);
  }
  showGroups(e, items, '該当する条項が見つかりませんでした。');
  status.textContent = `「${answer.normalizedQuery}」に近い条項（各ガイドライン上位5件、${e.manifest.embedder.id}、${ms.toFixed(0)} ms）`;
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
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent ?? '';
      out.append(mark);
    } else {
      out.append(node.textContent ?? '');
    }
  }
  return out;
}

async function keywordSearch(typed: string): Promise<void> {
  // The same cap as questions: a pasted document must not cost the page seconds.
  const q = typed.slice(0, MAX_QUESTION_CHARS);
  // Pagefind is generated after the site build, so it is loaded at run time from the site's own origin.
  const url = `${base}pagefind/pagefind.js`;
  pagefind ??= import(/* @vite-ignore */ url).then(async (m: Pagefind) => {
    await m.options({ excerptLength: 40 });
    return m;
  });
  // The clause data gives keyword hits the same section labels, provenance and counterparts.
  const [pf, e] = await Promise.all([pagefind, getEngine()]);
  const found = await Promise.all(
    e.data.guidelines.map(async ({ key }) => {
      const pages = await Promise.all((await pf.search(q, { filters: { guideline: key } })).results.slice(0, 5).map((r) => r.data()));
      return { key, subs: pages.flatMap((p) => p.sub_results).map((sub) => ({ sub, id: clauseIdFromAnchor(decodeURIComponent(sub.url.split('#')[1] ?? '')) })) };
    }),
  );
  // The index is read lazily: only the clauses shown are loaded.
  await e.loadClauses(found.flatMap((f) => f.subs.map((s) => s.id)));
  const view = viewOf(e);
  const items = new Map<string, HTMLElement[]>();
  for (const { key, subs } of found) {
    const seen = new Set<string>();
    const list = subs
      .flatMap(({ sub, id }) => {
        const clause = view.byId.get(id);
        if (!clause || seen.has(clause.id)) return [];
        seen.add(clause.id);
        return [resultItem(clause, excerptNodes(sub.excerpt), e.data.related[clause.id] ?? [], view)];
      })
      .slice(0, 8);
    items.set(key, list);
  }
  showGroups(e, items, 'このキーワードを含む条項は見つかりませんでした。');
  status.textContent = `キーワード「${q}」を含む条項`;
}

// ---- the page ---------------------------------------------------------------------------------

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
    results.dataset.state = 'idle';
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
    status.textContent = statusFor(error);
  }
}

/** What to tell the reader: their question can be fixed; the index can be rebuilt; anything else is ours. */
function statusFor(error: unknown): string {
  if (isKojoError(error, 'empty-question')) return '検索できる語が含まれていません。言葉を足してください。';
  if (isKojoError(error)) return `検索できませんでした（${error.code}）: ${error.message}`;
  console.error(error);
  return '検索できませんでした（内部エラー）。ページを再読み込みしても直らない場合は、サイトの管理者に連絡してください。';
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
