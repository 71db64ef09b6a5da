/**
 * Accessibility of the pages readers use most, measured the way the issue measured them: axe-core in
 * Chromium, in light and dark colour schemes, no violation allowed (WCAG 2.x A/AA and axe's best
 * practices, as Lighthouse runs it). Plus the keyboard path to a chapter's text and the page's own
 * behaviours (copy link, current section) that only a browser shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtSiteSession } from '../helpers/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = builtSiteSession();

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const w = await session.page();
  await w.page.emulateMedia({ colorScheme });
  await w.page.goto(`${session.origin}${path}`, { waitUntil: 'load' });
  return w.page;
}

interface AxeViolation {
  id: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe's violations on the page. The site's CSP allows no inline or injected script, so axe is not
 * added as a <script>: its source runs through the DevTools protocol (page.evaluate), which a page's
 * policy does not govern, and the page stays exactly as built.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }).axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations),
  )) as AxeViolation[];
  return violations.map(
    (v) =>
      `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim()}`,
  );
}

const question = `/search/?q=${encodeURIComponent('古いOS端末はどうすればいい？')}`;

describe('axe-core finds no violation', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`on the home, table of contents, chapter, compare, downloads and search pages (${scheme})`, async () => {
      for (const path of ['/', '/meti/', '/gutp/', '/meti/ch3/', '/gutp/ch5/', '/compare/', '/downloads/', question]) {
        const page = await open(path, scheme);
        if (path === question) await page.waitForSelector('#search-results[data-state="done"]', { timeout: 10_000 });
        expect(await axeViolations(page), `${path} (${scheme})`).toEqual([]);
      }
    }, 120_000);
  }
});

describe('a short keyboard path to the text', () => {
  it('reaches a chapter’s first clause within a few Tabs of the skip link', async () => {
    const page = await open('/meti/ch3/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    let tabs = 0;
    let inClause = false;
    while (!inClause && tabs < 15) {
      await page.keyboard.press('Tab');
      tabs++;
      inClause = await page.evaluate(() => document.activeElement?.closest('article.clause') !== null);
    }
    expect(inClause, `still outside the clauses after ${tabs} Tabs`).toBe(true);
    expect(tabs).toBeLessThanOrEqual(8);
  });
});

describe('copy link and current section', () => {
  it('shows a named copy button beside each permalink that copies the absolute address', async () => {
    const page = await open('/meti/ch3/');
    const button = page.locator('article#meti-3-step2-2 button.copy-link');
    await expect(button.isVisible()).resolves.toBe(true);
    expect(await button.getAttribute('aria-label')).toMatch(/^この条項へのリンクをコピー：/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.origin });
    await button.click();
    await page.waitForFunction(() => document.getElementById('page-status')?.textContent?.includes('コピーしました'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${session.origin}/meti/ch3/#meti-3-step2-2`,
    );
  });

  it('marks the clause in view in the chapter sidebar', async () => {
    const page = await open('/meti/ch3/#meti-3-step2-2');
    await page.waitForSelector('#chapter-toc a[aria-current="location"]');
    expect(await page.locator('#chapter-toc a[aria-current="location"]').getAttribute('href')).toBe('#meti-3-step2-2');
    expect(await page.locator('#chapter-toc a[aria-current]').count()).toBe(1);
  });
});

describe('tables of contents and compare page as built', () => {
  const html = (path: string) => readFileSync(join(session.site.out, path, 'index.html'), 'utf8');

  it('count chapters, appendices and columns apart, and list no empty label column or repeated title', () => {
    expect(html('meti')).toContain('目次（3章・付録6件・コラム4件・');
    expect(html('gutp')).toContain('目次（7章・付録4件・');
    expect(html('gutp')).not.toContain('toc__section');
    // METI 3章 opens with the chapter link, not an entry repeating 「セキュリティ対策企画・導入の進め方」.
    const ch3 = html('meti').split('href="/meti/ch3/"')[1]!.split('</ul>')[0]!;
    expect(ch3).not.toContain('>セキュリティ対策企画・導入の進め方<');
  });

  it('reads every mapping table METI → GUTP and separates link parts', async () => {
    const page = await open('/compare/');
    const heads = await page.locator('table.mapping-table thead tr').first().locator('th').allInnerTexts();
    expect(heads.slice(0, 3)).toEqual(['METI（対応元）', '関係', 'GUTP（対応先）']);
    const firstCells = await page.locator('table.mapping-table tbody tr td:first-child').allInnerTexts();
    expect(firstCells.filter((t) => t.startsWith('GUTP'))).toEqual([]);
    expect(firstCells[0]).toBe('METI 1章 はじめに');
  });
});
