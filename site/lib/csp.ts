/**
 * The Content-Security-Policy of every page, delivered as <meta http-equiv> by site/layouts/Base.astro
 * (plant intranets serve the files as they are, so no response header can be relied on).
 *
 * The site is static and same-origin: every script, stylesheet, image, fetch and worker comes from the
 * site itself, and nothing is inline — astro.config.mjs keeps Astro and Vite from inlining scripts,
 * stylesheets or assets, so no hash or 'unsafe-inline' is needed. An injected <script>, inline event
 * handler, style attribute, plugin, <base> or foreign request is refused by the browser.
 *
 * WebAssembly: compiling a module on the page needs 'wasm-unsafe-eval'. Only the search page of a
 * site that bundles the e5 model does that (onnxruntime-web on the main thread); Pagefind runs its wasm
 * in its own worker (pagefind/pagefind-worker.js, a same-origin script, allowed by script-src), which
 * a <meta> policy does not reach, so keyword search needs nothing more. (Pagefind falls back to its
 * main thread only where a worker cannot start; there the policy would refuse its wasm. The browser
 * tests fail on any refusal, so that fallback would show.)
 */
export interface CspOptions {
  /** Allow WebAssembly compilation on this page ('wasm-unsafe-eval'; no JavaScript eval). */
  wasm?: boolean;
}

export function contentSecurityPolicy({ wasm = false }: CspOptions = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
