/**
 * Permalinks. One place decides the URL of a guideline, a chapter and a clause, so the CLI, the
 * search results and the site always agree. Chapter slugs come from guidelines.yml.
 */
export const guidelineUrl = (key: string): string => `/${key}/`;

export const chapterUrl = (key: string, slug: string): string => `${guidelineUrl(key)}${slug}/`;

export const clauseUrl = (key: string, slug: string, id: string): string => `${chapterUrl(key, slug)}#${id}`;

/** The folder of practice notes and their pages: reserved as a guideline key (see reservedKeys). */
export const NOTES_KEY = 'notes';

/** A practice note's own page: `/notes/eol-os/` for `note-eol-os`. */
export const noteUrl = (id: string): string => `/${NOTES_KEY}/${id.replace(/^note-/, '')}/`;

/** The sources page, and a source's place on it. */
export const sourcesUrl = '/sources/';
export const sourceUrl = (id: string): string => `${sourcesUrl}#${id.toLowerCase()}`;
