/** What every browser test file does around its pages: serve a built site, drive Chromium, check each page. */
import type { PreviewServer } from 'astro';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../scripts/tools/chromium.ts';
import { serveSite, type Watched } from '../../scripts/tools/site-session.ts';

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
