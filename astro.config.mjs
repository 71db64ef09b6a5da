// @ts-check
import { defineConfig } from 'astro/config';

/**
 * A fully static site: every page is HTML built from content/, nothing is fetched at build or run
 * time, so it can be copied onto an isolated plant network and opened there.
 */
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  // Permalinks from indexer/urls.ts all end in "/" (e.g. /meti/ch3/); build them the same way.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No integrations: none is needed, and none may download anything.
  integrations: [],
  // Prefetch and the dev toolbar would add scripts the site does not need.
  prefetch: false,
  devToolbar: { enabled: false },
});
