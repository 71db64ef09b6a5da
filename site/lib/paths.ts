/**
 * Site pages that are not chapters or clauses. Chapter and clause permalinks come only from
 * indexer/urls.ts (chapterUrl, clauseUrl); these are the few fixed pages around them.
 */
import type { GuidelineKey } from '../../indexer/schema.ts';

export const paths = {
  home: '/',
  compare: '/compare/',
  faq: '/faq/',
  glossary: '/glossary/',
  about: '/about/',
  search: '/search/',
  mappingsCsv: '/compare/mappings.csv',
  mappingsJson: '/compare/mappings.json',
} as const;

/** The table of contents of one guideline. */
export const guidelineUrl = (key: GuidelineKey) => `/${key}/`;

/** The question search with a question filled in (the search page reads `q`). */
export const searchUrl = (question: string) => `${paths.search}?${new URLSearchParams({ q: question })}`;

export const termUrl = (id: string) => `${paths.glossary}#${id}`;

/** Where one METI chapter's clause-level mappings are listed on the compare page. */
export const compareChapterAnchor = (slug: string) => `clauses-meti-${slug}`;

/**
 * The id of a clause's h2. The article carries the clause id (the permalink); Pagefind splits
 * sub-results on headings with ids, so the heading needs its own. `--` never occurs in a clause id
 * (schema: words joined by single hyphens), so this cannot collide and maps back unambiguously.
 */
export const clauseHeadingId = (clauseId: string) => `${clauseId}--title`;
export const clauseIdFromAnchor = (anchor: string) => anchor.replace(/--title$/, '');
