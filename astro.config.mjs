// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

/**
 * A fully static site: every page is HTML built from content/, nothing is fetched at build or run
 * time, so it can be copied onto an isolated plant network and opened there.
 *
 * `npm run build` (scripts/tools/build-site.ts) overrides the values below: the content folder it was
 * given, whether it bundled the e5 model, and which non-publishable official text it opted in to.
 * These defaults serve a plain `astro dev` / `astro build` of the repo's own content/, wherever the
 * command is started from.
 */
const defaults = {
  'import.meta.env.KOJO_CONTENT_DIR': JSON.stringify(fileURLToPath(new URL('./content/', import.meta.url))),
  'import.meta.env.KOJO_E5': JSON.stringify(''),
  'import.meta.env.KOJO_INCLUDE_OFFICIAL': JSON.stringify(''),
};

/**
 * onnxruntime-web (the e5 search, KOJO_BUNDLE_MODEL=1) bundles protobufjs's `inquire`, which probes for
 * Node's `require` with eval(). The site's Content-Security-Policy allows no eval: the probe is refused
 * inside a try and yields nothing, but every refusal is a reported violation. Replace the probe with
 * what it amounts to in a browser — nothing to call — so the bundle holds no eval at all.
 */
const evalProbe = 'eval("quire".replace(/^/,"re"))';
/** @returns {import('vite').Plugin} */
function noEvalProbe() {
  return {
    name: 'kojo:no-eval-probe',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]onnxruntime-web[\\/]/.test(id) || !code.includes(evalProbe)) return null;
      return { code: code.replaceAll(evalProbe, 'undefined'), map: null };
    },
  };
}

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  // Permalinks from indexer/corpus/urls.ts all end in "/" (e.g. /meti/ch3/); build them the same way.
  trailingSlash: 'always',
  // Nothing inline: every page carries a Content-Security-Policy (site/lib/csp.ts) that allows
  // scripts and styles from the site's own files only. Astro would otherwise inline stylesheets and
  // import-free scripts smaller than Vite's assetsInlineLimit (4 kB), and Vite small assets as data:.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No integrations: none is needed, and none may download anything.
  integrations: [],
  // Prefetch and the dev toolbar would add scripts the site does not need.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: { define: defaults, build: { assetsInlineLimit: 0 }, plugins: [noEvalProbe()] },
});
