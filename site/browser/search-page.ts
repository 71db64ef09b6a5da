/**
 * /search/: question mode (the shared engine) and keyword mode (Pagefind, one record per clause).
 * The query lives in the URL (?q=…&mode=…) so a search can be shared and reopened. Each mode loads
 * only its own data: keyword mode never fetches the question engine's index, question mode never
 * Pagefind.
 *
 * The markup of results is not written here: site/pages/search.astro renders it with the site's
 * components into <template>s (a result, a counterpart, each guideline's group, the "no close match"
 * block, each provenance badge set, each relationship tag, the glossary's term links), and this script
 * clones them and fills them with text. Everything from the query or the index is written as text
 * nodes: a query like <img src=x onerror=…> shows literally and runs nothing.
 */
import { placeLabel, sectionLabel, type Basis, type RelationshipCode } from '../../indexer/corpus/index.ts';
import { isKojoError } from '../../indexer/errors/index.ts';
import type { Answer, Engine, Hit } from '../../indexer/search/index.ts';
import { faqIndex, matchFaq, whyText, type FaqIndex } from '../../indexer/search/index.ts';
import { bigrams, features, makeSnippet, matchRanges, MAX_QUESTION_CHARS, normalizeText, stripConversational } from '../../indexer/text/index.ts';
import type { KeywordCounterpart, KeywordMeta } from '../lib/keyword-records.ts';
import { loadEngine, type Variant } from './search-engine.ts';

type Mode = 'question' | 'keyword';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const results = document.querySelector<HTMLElement>('#search-results')!;
const e5Toggle = document.querySelector<HTMLInputElement>('#search-e5');

/** Lets the browser paint and handle input between pieces of work: no task over ~50 ms. */
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

function template(selector: string): HTMLTemplateElement {
  const t = document.querySelector<HTMLTemplateElement>(`template${selector}`);
  if (!t) throw new Error(`search page: no template ${selector}`);
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

/** What a result shows of its clause, the same in both modes. */
type ResultClause = Pick<Hit, 'id' | 'guideline' | 'chapter' | 'section' | 'title' | 'basis' | 'verified' | 'url'>;
type Shown = Omit<KeywordCounterpart, 'relationship'> & { relationship: RelationshipCode };

/** The guidelines the page was built with, in registry order, with their names (from the group templates). */
const guidelines = [...document.querySelectorAll<HTMLTemplateElement>('template[data-group]')].map((t) => ({
  key: t.dataset.group!,
  label: t.dataset.label ?? t.dataset.group!,
}));
const shortName = (key: string) => guidelines.find((g) => g.key === key)?.label ?? key;

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
function resultItem(c: ResultClause, snippet: Node, why: string, related: Shown[]): HTMLElement {
  const li = cloneElement('#result-template');
  Object.assign(li.dataset, { guideline: c.guideline, chapter: c.chapter, section: c.section, clauseId: c.id });
  slot(li, 'link').setAttribute('href', c.url);
  slot(li, 'place').textContent = placeLabel(c);
  slot(li, 'title').textContent = c.title;
  slot(li, 'badges').replaceWith(cloneContent(`[data-provenance="${c.basis satisfies Basis}:${c.verified}"]`));
  slot(li, 'snippet').append(snippet);
  if (why) slot(li, 'why').textContent = why;
  else slot(li, 'why').remove();
  if (related.length) slot(li, 'counterpart-list').append(...related.map(counterpartItem));
  else slot(li, 'counterparts').remove();
  return li;
}

/** A guideline's results: a list, or "no close match" with suggestions and the nearest clauses folded away. */
interface Group {
  items: HTMLElement[];
  close: boolean;
  empty?: string;
}

function showGroups(groups: Map<string, Group>, q: string, before: HTMLElement[] = []): void {
  const sections = guidelines.map(({ key }) => {
    const section = cloneElement(`[data-group="${key}"]`);
    const headingId = `results-${key}`;
    section.dataset.guidelineGroup = key;
    section.setAttribute('aria-labelledby', headingId);
    slot(section, 'heading').id = headingId;
    const group = groups.get(key) ?? { items: [], close: false };
    const list = slot(section, 'list');
    const empty = slot(section, 'empty');
    if (!group.items.length) {
      list.remove();
      empty.textContent = group.empty ?? '';
    } else if (group.close) {
      list.append(...group.items);
      empty.remove();
    } else {
      empty.remove();
      list.replaceWith(noMatch(group.items, q));
      section.dataset.noMatch = '';
    }
    return section;
  });
  results.replaceChildren(...before, ...sections);
  results.dataset.state = 'done';
}

function noMatch(nearest: HTMLElement[], q: string): HTMLElement {
  const block = cloneElement('#no-match-template');
  slot(block, 'nearest').append(...nearest);
  const terms = closeTerms(q);
  if (terms.length) {
    const into = slot(block, 'terms');
    terms.forEach((t, i) => into.append(...(i ? ['・', t] : [t])));
  } else slot(block, 'terms-wrap').remove();
  slot(block, 'keyword-link').setAttribute('href', `?${new URLSearchParams({ q, mode: 'keyword' })}`);
  return block;
}

/** Glossary terms that share a word piece with the question (two kanji or katakana in a row), at most three. */
function closeTerms(q: string): HTMLElement[] {
  const pieces = new Set(bigrams(normalizeText(q)));
  if (!pieces.size) return [];
  return [...template('#glossary-terms-template').content.querySelectorAll<HTMLAnchorElement>('a[data-term]')]
    .filter((a) => bigrams(normalizeText(a.textContent ?? '')).some((b) => pieces.has(b)))
    .slice(0, 3)
    .map((a) => a.cloneNode(true) as HTMLElement);
}

/** 「METI 5件・GUTP 5件」: how many from which guideline, in plain words. */
function counts(groups: Map<string, Group>, close: (g: Group) => boolean): string {
  return guidelines
    .filter(({ key }) => close(groups.get(key)!))
    .map(({ key }) => `${shortName(key)} ${groups.get(key)!.items.length}件`)
    .join('・');
}

// ---- question mode ----------------------------------------------------------------------------

/** The FAQ entries the page was built with (their templates), matched against questions once indexed. */
const faqEntries = () => [...document.querySelectorAll<HTMLTemplateElement>('template[data-faq]')].map((t) => ({ id: t.dataset.faq!, question: t.dataset.question ?? '' }));
let faqs: FaqIndex | undefined;

async function questionSearch(q: string): Promise<void> {
  const e = await getEngine();
  await yieldToMain();
  const t = performance.now();
  const answer = await e.ask(q, { k: 5, pause: yieldToMain });
  const ms = performance.now() - t;
  const byId = new Map(e.data.clauses.map((c) => [c.id, c]));
  const labels = new Map(e.data.guidelines.map((g) => [g.key, g.label]));
  const shown = (h: Hit): Shown[] =>
    h.related.flatMap((r) => {
      const other = byId.get(r.id);
      return other ? [{ relationship: r.relationship, guideline: labels.get(other.guideline) ?? other.guideline, place: sectionLabel(other), title: other.title, url: other.url }] : [];
    });
  const groups = new Map<string, Group>(guidelines.map(({ key }) => [key, { items: [], close: answer.verdicts[key]?.closeMatch ?? false }]));
  for (const h of answer.hits) groups.get(h.guideline)?.items.push(resultItem(h, marked(h.snippet, h.highlights), whyText(h.why), shown(h)));
  const faq = matchFaq((faqs ??= faqIndex(faqEntries(), e.data.synonyms)), q);
  showGroups(groups, q, faq ? [cloneElement(`[data-faq="${faq.id}"]`)] : []);
  results.dataset.embedder = e.manifest.embedder.id;
  status.textContent = questionStatus(answer, groups);
  // For tools and the site benchmark: when results were on screen, and how long the search took.
  performance.mark('kojo:results', { detail: { ms } });
  document.dispatchEvent(new CustomEvent('kojo:results', { detail: { ms } }));
}

function questionStatus(answer: Answer, groups: Map<string, Group>): string {
  const found = counts(groups, (g) => g.close);
  const none = guidelines.filter(({ key }) => !groups.get(key)!.close).map(({ key }) => shortName(key));
  const asked = `「${answer.normalizedQuery}」`;
  if (!found) return `${asked}に近い条項は、どのガイドラインにも見つかりませんでした。`;
  return `${asked}に近い条項：${found}${none.length ? `（${none.join('・')}には近い条項なし）` : ''}`;
}

// ---- keyword mode -----------------------------------------------------------------------------

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

/** Results per guideline in keyword mode. */
const KEYWORD_RESULTS = 8;

/**
 * Pagefind requires every term: a whole question (「USBメモリの持ち込みはどうすればいい？」) finds
 * nothing. Then the question's content words are searched one by one, and clauses ranked by how
 * many of them they contain, then by Pagefind's scores.
 */
async function rankedFor(pf: Pagefind, q: string, words: string[], guideline: string): Promise<{ found: PagefindResult[]; partial: boolean }> {
  const filters = { guideline };
  const whole = await pf.search(q, { filters });
  if (whole.results.length || words.length < 2) return { found: whole.results.slice(0, KEYWORD_RESULTS), partial: false };
  const tally = new Map<string, { result: PagefindResult; words: number; score: number }>();
  const each = await Promise.all(words.map((w) => pf.search(w, { filters })));
  for (const { results: found } of each) {
    for (const r of found) {
      const t = tally.get(r.id) ?? { result: r, words: 0, score: 0 };
      t.words++;
      t.score += r.score;
      tally.set(r.id, t);
    }
  }
  const found = [...tally.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((t) => t.result);
  return { found: found.slice(0, KEYWORD_RESULTS), partial: found.length > 0 };
}

/** A normalised word as the person typed it (ＵＳＢ, not usb). */
function spelled(q: string, word: string): string {
  const [range] = matchRanges(q, [word]);
  return range ? q.slice(range[0], range[1]) : word;
}

async function keywordSearch(typed: string): Promise<void> {
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
  const groups = new Map<string, Group>();
  let partial = false;
  // Every guideline's searches, and every result's fragment, fetched at once.
  const rankings = await Promise.all(guidelines.map(({ key }) => rankedFor(pf, q, words, key).then(async (r) => ({ ...r, data: await Promise.all(r.found.map((f) => f.data())) }))));
  for (const [i, { key }] of guidelines.entries()) {
    const ranked = rankings[i]!;
    partial ||= ranked.partial;
    const items: HTMLElement[] = [];
    for (const { url: href, meta } of ranked.data) {
      const clause: ResultClause = { id: meta.id, guideline: meta.guideline, chapter: meta.chapter, section: meta.section, title: meta.title, basis: meta.basis as Basis, verified: meta.verified === 'true', url: href };
      const snippet = makeSnippet(meta.body, words);
      const text = normalizeText(`${meta.title}\n${meta.body}`);
      const contained = words.filter((w) => text.includes(w)).map((w) => spelled(q, w));
      items.push(resultItem(clause, marked(snippet.text, snippet.highlights), contained.length ? `含む語: ${contained.join('、')}` : '', JSON.parse(meta.related) as Shown[]));
      await yieldToMain();
    }
    groups.set(key, { items, close: true, empty: 'このキーワードを含む条項は見つかりませんでした。' });
  }
  showGroups(groups, q);
  const found = counts(groups, (g) => g.items.length > 0);
  status.textContent = !found
    ? `キーワード「${q}」を含む条項は見つかりませんでした。質問の形で探すこともできます。`
    : `キーワード「${q}」${partial ? 'の一部の語' : ''}を含む条項：${found}`;
  performance.mark('kojo:results');
  document.dispatchEvent(new CustomEvent('kojo:results', { detail: {} }));
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
    // Tools waiting for results hear that this search has ended too.
    document.dispatchEvent(new CustomEvent('kojo:results', { detail: { error: true } }));
  }
}

/** What to tell the reader: their question can be fixed; the index can be rebuilt; anything else is ours. */
function statusFor(error: unknown): string {
  if (isKojoError(error, 'empty-question')) return '検索できる語が含まれていません。言葉を足してください。';
  if (isKojoError(error)) {
    console.error(error);
    return '検索データを読み込めませんでした。サイトの管理者に連絡してください。';
  }
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
// Load the question engine while the person is still typing (not in keyword mode: it needs none of it).
input.addEventListener('focus', () => currentParams().mode === 'question' && void getEngine().catch(() => undefined), { once: true });
void run();
