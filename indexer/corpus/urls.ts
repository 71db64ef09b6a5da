/**
 * Permalinks. One place decides the URL of a guideline, a chapter and a clause, so the CLI, the
 * search results and the site always agree. Chapter slugs come from guidelines.yml.
 */
export const guidelineUrl = (key: string): string => `/${key}/`;

export const chapterUrl = (key: string, slug: string): string => `${guidelineUrl(key)}${slug}/`;

export const clauseUrl = (key: string, slug: string, id: string): string => `${chapterUrl(key, slug)}#${id}`;
