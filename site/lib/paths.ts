/**
 * Site pages that are not guidelines, chapters or clauses. Those permalinks come only from
 * indexer/corpus (guidelineUrl, chapterUrl, clause.url); these are the few fixed pages around them.
 */
import { faqUrl, notesUrl, sourcesUrl } from '../../indexer/corpus/index.ts';

export const paths = {
  home: '/',
  compare: '/compare/',
  faq: faqUrl,
  glossary: '/glossary/',
  about: '/about/',
  search: '/search/',
  checklist: '/checklist/',
  sources: sourcesUrl,
  notes: notesUrl,
  mappingsCsv: '/compare/mappings.csv',
  mappingsJson: '/compare/mappings.json',
  downloads: '/downloads/',
} as const;

/** Where the full unofficial-edition statement is (About); the one-line notice of other pages links here. */
export const UNOFFICIAL_ANCHOR = 'unofficial';
export const unofficialUrl = `${paths.about}#${UNOFFICIAL_ANCHOR}`;

/** The question search with a question filled in (the search page reads `q`). */
export const searchUrl = (question: string) => `${paths.search}?${new URLSearchParams({ q: question })}`;

export const termUrl = (id: string) => `${paths.glossary}#${id}`;

/**
 * The compare page of one pair of guidelines, earlier one first (`/compare/meti-gutp/`). Guideline
 * keys are lowercase letters and digits, so the hyphen cannot be part of a key.
 */
export const comparePairSlug = (from: string, to: string) => `${from}-${to}`;
export const compareUrl = (from: string, to: string) => `${paths.compare}${comparePairSlug(from, to)}/`;

/** Where one chapter's clause-level mappings are listed on a compare page (`clauses-meti-ch3`). */
export const compareChapterAnchor = (guideline: string, slug: string) => `clauses-${guideline}-${slug}`;

/**
 * The id of a clause's h2. The article carries the clause id (the permalink); the heading needs an id
 * of its own. `--` never occurs in a clause id (schema: words joined by single hyphens), so this cannot
 * collide.
 */
export const clauseHeadingId = (clauseId: string) => `${clauseId}--title`;
