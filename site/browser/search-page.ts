/**
 * /search/: question mode (search-question.ts, the shared engine, imported only when a question is
 * asked) and keyword mode (Pagefind, one record per clause). The query lives in the URL
 * (?q=…&mode=…) so a search can be shared and reopened. Each mode loads only its own code and data:
 * keyword mode never fetches the question engine or its index, question mode never Pagefind. The
 * results are drawn by search-results.ts from the page's templates, as text only.
 */
import { isKojoError } from '../../indexer/errors/index.ts';
import { faqIndex, matchFaq, type FaqIndex } from '../../indexer/search/index.ts';
import { t } from '../../indexer/wording/search-page.ts';
import { cloneElement, pageSynonyms, results } from './search-results.ts';

type Mode = 'question' | 'keyword';

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;

/** Question mode's code (the engine), fetched and evaluated on first use only. */
const questionMode = () => import('./search-question.ts');
/** Keyword mode's code (Pagefind and the glossary's synonyms), fetched on first use only. */
const keywordMode = () => import('./search-keyword.ts');

// ---- the FAQ entry a question asks --------------------------------------------------------------

let faqs: FaqIndex | undefined;

/**
 * The FAQ entry the question asks, shown at once: it needs only the page (its FAQ templates and the
 * glossary's synonyms), not the engine, so the answer a reader most likely wants is on screen while
 * the engine and its index load. The same match as `kojo ask` (indexer/search/faq.ts).
 */
function faqFor(q: string): HTMLElement | undefined {
  faqs ??= faqIndex(
    [...document.querySelectorAll<HTMLTemplateElement>('template[data-faq]')].map((t) => ({
      id: t.dataset.faq!,
      question: t.dataset.question ?? '',
    })),
    pageSynonyms(),
  );
  const faq = matchFaq(faqs, q);
  return faq ? cloneElement(`[data-faq="${faq.id}"]`) : undefined;
}

/**
 * Resolves once what is on screen now has been painted (just after the next frame). A first frame can
 * come late (a page's first layout of Japanese text may take a second on a slow machine), and the
 * engine is not to compete with it; a hidden tab paints no frame, so there it resolves at once.
 */
const painted = () =>
  new Promise<void>((done) => {
    if (document.visibilityState === 'hidden') return done();
    requestAnimationFrame(() => setTimeout(done, 0));
    document.addEventListener('visibilitychange', () => done(), { once: true });
  });

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
    status.textContent = t('search.status.idle');
    return;
  }
  results.dataset.state = 'loading';
  status.textContent = t('search.status.busy');
  try {
    let line: string;
    if (mode === 'keyword') line = await (await keywordMode()).keywordSearch(q);
    else {
      // The FAQ entry is found and painted first; only then do the engine's code and index start
      // loading, so the answer a reader most likely wants is on screen before any of that work.
      const faq = faqFor(q);
      results.replaceChildren(...(faq ? [faq] : []));
      if (faq) await painted();
      line = await (await questionMode()).questionSearch(q, faq);
    }
    status.textContent = line;
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
  if (isKojoError(error, 'empty-question')) return t('search.status.noWords');
  if (isKojoError(error)) {
    console.error(error);
    return t('search.status.noData');
  }
  console.error(error);
  return t('search.status.failed');
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
