/**
 * A built site served on localhost and pages that record every request, console error, page error and
 * Content-Security-Policy violation, so a browser test or benchmark can prove nothing left the site's
 * origin and nothing was refused.
 */
import { createServer } from 'node:net';
import { preview, type PreviewServer } from 'astro';
import type { Browser, Page } from 'playwright-core';

export async function serveSite(outDir = 'dist'): Promise<{ server: PreviewServer; origin: string }> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const port = await freePort();
  const server = await preview({ root: process.cwd(), outDir, logLevel: 'error', server: { host: '127.0.0.1', port } });
  return { server, origin: `http://127.0.0.1:${server.port}` };
}

/** A port nothing listens on now (astro preview does not report the port it picks for 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Watched {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors, uncaught page errors and Content-Security-Policy violations. */
  errors: string[];
  /** Requests that left the origin (should stay empty). */
  foreign(): string[];
}

export async function watchedPage(browser: Browser, origin: string): Promise<Watched> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  // Content-Security-Policy violations count as errors too. Chromium logs most of them on the console,
  // but not all (a refused WebAssembly compile only rejects a promise the page may catch), so the
  // page's securitypolicyviolation events are reported as well, through a binding CSP cannot block.
  await context.exposeBinding('__kojoCspViolation', (_source, text: string) => void errors.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __kojoCspViolation(text: string): void }).__kojoCspViolation;
      void report(
        `CSP violation: ${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  // Anything outside the origin is refused outright, so a stray CDN link fails loudly, not slowly.
  await context.route(
    (url) => url.origin !== origin && !url.protocol.startsWith('data'),
    (route) => route.abort(),
  );
  return {
    page,
    requests,
    errors,
    foreign: () => requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:')),
  };
}
