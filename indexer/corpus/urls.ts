/**
 * Permalinks. One place decides the URL of a guideline, a chapter and a clause, so the CLI, the
 * search results and the site always agree. Chapter slugs come from guidelines.yml.
 */
export const guidelineUrl = (key: string): string => `/${key}/`;

export const chapterUrl = (key: string, slug: string): string => `${guidelineUrl(key)}${slug}/`;

export const clauseUrl = (key: string, slug: string, id: string): string => `${chapterUrl(key, slug)}#${id}`;

/**
 * The id of a unit's imported official text: `meti-official-ch3-step1-1`, `meti-official-appx-e`.
 * Derived from the official labels, so a re-import keeps every permalink.
 */
export function officialClauseId(key: string, chapterSlug: string, chapterLabel: string, section: string): string {
  if (section === chapterLabel) return `${key}-official-${chapterSlug}`;
  const ascii = section
    .normalize('NFKC')
    .replace(/ステップ/g, 'step')
    .replace(/付録/g, 'appx-')
    .replace(/コラム/g, 'col-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const tail = ascii || [...section].map((ch) => ch.codePointAt(0)!.toString(36)).join('');
  return `${key}-official-${chapterSlug}-${tail}`;
}
/** A passage of official text: its anchor on the reading page and its id in the index (`meti-official-ch3-step2-2-p7`, n from 1). */
export const passageAnchor = (clauseId: string, n: number): string => `${clauseId}-p${n}`;

/** Where a clause's English summary (english.yml) stands on its page. */
export const englishAnchor = (clauseId: string): string => `${clauseId}-en`;

/** The practice notes' pages: `notes` is reserved as a guideline key so the two never share a path (see reservedKeys). */
export const notesUrl = '/notes/';

/** A practice note's own page: `/notes/eol-os/` for `note-eol-os`. */
export const noteUrl = (id: string): string => `${notesUrl}${id.replace(/^note-/, '')}/`;

/** The sources page, and a source's place on it. */
export const sourcesUrl = '/sources/';
export const sourceUrl = (id: string): string => `${sourcesUrl}#${id.toLowerCase()}`;

/** The FAQ page, and an entry's place on it (the site's /search/ and `kojo ask` both link there). */
export const faqUrl = '/faq/';
export const faqEntryUrl = (id: string): string => `${faqUrl}#${id}`;
