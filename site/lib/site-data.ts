/**
 * Where a built site serves its search data, relative to the site root: the build writes there and
 * the search page reads from there.
 */
export const siteDataDirs = { builtin: 'search-data/', e5: 'search-data/e5/' } as const;
