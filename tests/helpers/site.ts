/**
 * The built site, served on localhost, and Debian's Chromium driven by playwright-core (Playwright
 * cannot download its own browser here). Every request is recorded so tests can prove that nothing
 * leaves the site's origin.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'astro';
import { chromium, type Browser, type Page } from 'playwright-core';
import { root } from './cli.ts';

export const CHROMIUM = process.env.KOJO_CHROMIUM ?? '/usr/bin/chromium';

export function buildSite(env: Record<string, string> = {}): void {
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`site build failed:\n${r.stderr}`);
}

export async function serveSite(): Promise<{ server: PreviewServer; origin: string }> {
  const port = 4400 + Math.floor(Math.random() * 90);
  const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port } });
  return { server, origin: `http://127.0.0.1:${server.port}` };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set KOJO_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Watched {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught page errors. */
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
  // Anything outside the origin is refused outright, so a stray CDN link fails loudly, not slowly.
  await context.route((url) => url.origin !== origin && !url.protocol.startsWith('data'), (route) => route.abort());
  return {
    page,
    requests,
    errors,
    foreign: () => requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:')),
  };
}
