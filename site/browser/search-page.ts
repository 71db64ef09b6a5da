/**
 * /search/: question mode (search-question.ts, the shared engine, imported only when a question is
 * asked) and keyword mode (Pagefind, one record per clause). The query lives in the URL
 * (?q=…&mode=…) so a search can be shared and reopened. Each mode loads only its own code and data:
 * keyword mode never fetches the question engine or its index, question mode never Pagefind. The
 * results are drawn by search-results.ts from the page's templates, as text only.
 */
import type { Basis } from '../../indexer/corpus/index.ts';
import { isKojoError } from '../../indexer/errors/index.ts';
import {
  features,
  makeSnippet,
  matchRanges,
  MAX_QUESTION_CHARS,
  normalizeText,
  stripConversational,
} from '../../indexer/text/index.ts';
import type { KeywordMeta } from '../lib/keyword-records.ts';
import { pageGroupsOf } from '../lib/search-groups.ts';
import {
  counts,
  marked,
  results,
  resultItem,
  showGroups,
  yieldToMain,
  type Group,
  type ResultClause,
  type Shown,
} from './search-results.ts';

type Mode = 'question' | 'keyword';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;

/** Question mode's code (the engine, the FAQ), fetched and evaluated on first use only. */
const questionMode = () => import('./search-question.ts');

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
async function rankedFor(
  pf: Pagefind,
  q: string,
  words: string[],
  filters: Record<string, string>,
): Promise<{ found: PagefindResult[]; partial: boolean }> {
  const whole = await pf.search(q, { filters });
  if (whole.results.length || words.length < 2)
    return { found: whole.results.slice(0, KEYWORD_RESULTS), partial: false };
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

/** Keyword search into the results; returns the status line. */
async function keywordSearch(typed: string): Promise<string> {
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
  const groups: Group[] = [];
  let partial = false;
  // The page's groups (keyword records are filtered by guideline, notes by kind: site/lib/keyword-records.ts).
  const pageGroups = pageGroupsOf(results.dataset.groups);
  // Every group's searches, and every result's fragment, fetched at once.
  const rankings = await Promise.all(
    pageGroups.map((g) =>
      rankedFor(pf, q, words, g.kind === 'note' ? { kind: 'note' } : { guideline: g.guideline }).then(async (r) => ({
        ...r,
        data: await Promise.all(r.found.map((f) => f.data())),
      })),
    ),
  );
  for (const [i, group] of pageGroups.entries()) {
    const ranked = rankings[i]!;
    partial ||= ranked.partial;
    const items: HTMLElement[] = [];
    for (const { url: href, meta } of ranked.data) {
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
      const snippet = makeSnippet(meta.body, words);
      const text = normalizeText(`${meta.title}\n${meta.body}`);
      const contained = words.filter((w) => text.includes(w)).map((w) => spelled(q, w));
      items.push(
        resultItem(
          clause,
          marked(snippet.text, snippet.highlights),
          contained.length ? `含む語: ${contained.join('、')}` : '',
          JSON.parse(meta.related) as Shown[],
        ),
      );
      await yieldToMain();
    }
    groups.push({ group, items, close: true, empty: 'このキーワードを含む条項は見つかりませんでした。' });
  }
  showGroups(groups, q);
  const found = counts(groups, (g) => g.items.length > 0);
  return !found
    ? `キーワード「${q}」を含む条項は見つかりませんでした。質問の形で探すこともできます。`
    : `キーワード「${q}」${partial ? 'の一部の語' : ''}を含む条項：${found}`;
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
    status.textContent = await (mode === 'keyword' ? keywordSearch(q) : (await questionMode()).questionSearch(q));
    // For tools and the site benchmark: when results were on screen.
    performance.mark('kojo:results');
    document.dispatchEvent(new CustomEvent('kojo:results'));
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
document.querySelector('#search-e5')?.addEventListener('change', () => void run());
// Load the question engine while the person is still typing (not in keyword mode: it needs none of it).
input.addEventListener(
  'focus',
  () =>
    currentParams().mode === 'question' &&
    void questionMode()
      .then((m) => m.getEngine())
      .catch(() => undefined),
  { once: true },
);
void run();
