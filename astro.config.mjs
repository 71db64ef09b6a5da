// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

/**
 * A fully static site: every page is HTML built from content/, nothing is fetched at build or run
 * time, so it can be copied onto an isolated plant network and opened there.
 *
 * `npm run build` (scripts/tools/build-site.ts) overrides the two values below: the content folder it
 * was given, and whether it bundled the e5 model. These defaults serve a plain `astro dev` / `astro
 * build` of the repo's own content/, wherever the command is started from.
 */
const defaults = {
  'import.meta.env.KOJO_CONTENT_DIR': JSON.stringify(fileURLToPath(new URL('./content/', import.meta.url))),
  'import.meta.env.KOJO_E5': JSON.stringify(''),
};

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  // Permalinks from indexer/corpus/urls.ts all end in "/" (e.g. /meti/ch3/); build them the same way.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No integrations: none is needed, and none may download anything.
  integrations: [],
  // Prefetch and the dev toolbar would add scripts the site does not need.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: { define: defaults },
});
