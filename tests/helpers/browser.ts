/** What every browser test file does around its pages: serve a built site, drive Chromium, check each page. */
import type { PreviewServer } from 'astro';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../scripts/tools/chromium.ts';
import { serveSite, watchedPage, type Watched } from '../../scripts/tools/site-session.ts';
import { buildSite, type BuiltSite, type SiteBuildOptions } from './site-build.ts';

export async function startSession(out: string): Promise<{ server: PreviewServer; origin: string; browser: Browser }> {
  const { server, origin } = await serveSite(out);
  return { server, origin, browser: await launchChromium() };
}

/**
 * The pages a test opened stayed within their origin and logged no error (CSP violations included),
 * plus whatever else a file records per page; empties the list so each test answers for its own.
 */
export function expectCleanPages<W extends Watched>(visited: W[], ...more: ((w: W) => string[])[]): void {
  const pages = visited.splice(0);
  expect(pages.flatMap((w) => w.foreign())).toEqual([]);
  expect(pages.flatMap((w) => w.errors)).toEqual([]);
  for (const extra of more) expect(pages.flatMap(extra)).toEqual([]);
}

export interface SiteSession {
  site: BuiltSite;
  origin: string;
  browser: Browser;
  /** A new page whose requests and errors are checked after the test. */
  page(): Promise<Watched>;
}

/**
 * The usual browser test file: the repository's content (or `options.content`) built once, served,
 * Chromium started, every page checked after each test, all of it torn down after the file. Use the
 * returned session inside tests (its fields are filled once `beforeAll` has run).
 */
export function builtSiteSession(options: SiteBuildOptions = {}): SiteSession {
  const visited: Watched[] = [];
  let server: PreviewServer | undefined;
  const session = {
    page: async () => {
      const w = await watchedPage(session.browser, session.origin);
      visited.push(w);
      return w;
    },
  } as SiteSession;
  beforeAll(async () => {
    session.site = buildSite(options);
    let started;
    ({ server, ...started } = await startSession(session.site.out));
    Object.assign(session, started);
  }, 240_000);
  afterEach(() => expectCleanPages(visited));
  afterAll(async () => {
    await session.browser?.close();
    await server?.stop();
    session.site?.dispose();
  });
  return session;
}
