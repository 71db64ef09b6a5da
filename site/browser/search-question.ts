/**
 * Question mode of /search/: the shared engine (ranking in indexer/search, the index read by the
 * index format's browser reader), "no close match" per guideline, why each clause matched, and the FAQ
 * entry a question asks. Loaded only in question mode (search-page.ts imports it on demand), so
 * keyword mode never downloads or evaluates any of it.
 */
import { resultPlace, sectionLabel } from '../../indexer/corpus/index.ts';
import type { Answer, Engine, Hit } from '../../indexer/search/index.ts';
import { whyText } from '../../indexer/search/index.ts';
import { t } from '../../indexer/wording/search-question.ts';
import { loadEngine, type Variant } from './search-engine.ts';
import {
  counts,
  marked,
  quoted,
  results,
  resultItem,
  showGroups,
  yieldToMain,
  type Group,
  type Shown,
} from './search-results.ts';
import { groupOf, guidelineGroup, notesGroup, type PageGroup } from '../lib/search-groups.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const e5Toggle = document.querySelector<HTMLInputElement>('#search-e5');

const engines: Partial<Record<Variant, Promise<Engine>>> = {};

/** The engine the form asks for, loaded once (a failed load is retried on the next search). */
export function getEngine(): Promise<Engine> {
  const variant: Variant = e5Toggle?.checked ? 'e5' : 'builtin';
  return (engines[variant] ??= loadEngine(base, variant).catch((error: unknown) => {
    delete engines[variant];
    throw error;
  }));
}

/** Answers the question into the results, below the FAQ entry it asks (if any); returns the status line. */
export async function questionSearch(q: string, faq?: HTMLElement): Promise<string> {
  const e = await getEngine();
  await yieldToMain();
  const answer = await e.ask(q, { k: 5, pause: yieldToMain });
  const labels = new Map(e.guidelines.map((g) => [g.key, g.label]));
  // A hit carries what a result shows of its counterparts: nothing more is read for them.
  const shown = (h: Hit): Shown[] =>
    h.related.map((other) => ({
      relationship: other.relationship,
      guideline: labels.get(other.guideline) ?? other.guideline,
      place: sectionLabel(other),
      // A reference entry without a name of its own is titled by its identifier, its place already.
      title: other.title === sectionLabel(other) ? '' : other.title,
      url: other.url,
    }));
  // The groups are the index's: its guidelines in registry order, then its notes.
  const pageGroups: PageGroup[] = e.groups.map((g) => {
    const info = g.kind === 'unit' && e.guidelines.find((x) => x.key === g.guideline);
    return info ? guidelineGroup(info) : notesGroup;
  });
  const groups: Group[] = pageGroups.map((group) => ({
    group,
    items: [],
    close: (group.kind === 'note' ? answer.notes : answer.verdicts[group.guideline])?.closeMatch ?? false,
  }));
  for (const h of answer.hits) {
    const item = resultItem({ ...h, place: resultPlace(h) }, marked(h.snippet, h.highlights), honestWhy(h), shown(h));
    // What search decided of the result (issue 19): the answers-ui work styles and groups on these.
    if (h.role) item.dataset.role = h.role;
    if (h.folded) item.dataset.folded = '';
    groups.find((g) => g.group === groupOf(pageGroups, h))?.items.push(item);
  }
  showGroups(groups, q, faq ? [faq] : []);
  results.dataset.embedder = e.manifest.embedder.id;
  return questionStatus(q, answer, groups);
}

/** Why it matched, after what it is: a pointer says so (with the import hint without official text). */
function honestWhy(h: Hit): string {
  const parts = [
    ...(h.role === 'pointer'
      ? [t('search.pointer'), ...(h.basis === 'official' ? [] : [t('search.pointer.importHint')])]
      : []),
    whyText(h.why),
  ];
  return parts.join('／');
}

/** The question as the person typed it, and what was searched for once cleaned, when that differs. */
function askedLine(typed: string, searched: string): string {
  const shown = quoted(typed);
  return t('search.asked', { typed: shown, ...(quoted(searched) !== shown && { searched: quoted(searched) }) });
}

function questionStatus(typed: string, answer: Answer, groups: Group[]): string {
  const found = counts(groups, (g) => g.close);
  const none = groups.filter((g) => !g.close).map((g) => g.group.label);
  const asked = askedLine(typed, answer.normalizedQuery);
  if (!found) return t('search.question.none', { asked });
  return t('search.question.found', { asked, found, none });
}
