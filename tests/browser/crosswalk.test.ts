/**
 * The crosswalk in the browser, on the fixture's two reference frameworks: the compare page shows the
 * coverage and passes axe (light and dark, phone and desktop), the reading page of a framework anchors
 * each entry and labels our lines as ours, and the search page answers with counterparts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { builtSiteSession } from '../helpers/browser.ts';

const session = builtSiteSession({ content: 'tests/fixtures/crosswalk' });

async function open(path: string, width = 1280, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const w = await session.page();
  await w.page.setViewportSize({ width, height: 900 });
  await w.page.emulateMedia({ colorScheme });
  await w.page.goto(`${session.origin}${path}`, { waitUntil: 'load' });
  return w.page;
}

describe('the crosswalk pages', () => {
  it('compare METI ↔ a framework: entries grouped by top entry, units mapped, and what no unit reaches', async () => {
    const page = await open('/compare/meti-fw/');
    await expect(page.locator('h1').textContent()).resolves.toContain('METI ↔ Test FW 2.0');
    const coverage = page.locator('section[aria-labelledby="coverage"]');
    await expect(coverage.textContent()).resolves.toMatch(/グループ2件（全6件中）、細目3件（全5件中）/);
    expect(await coverage.locator('li').allTextContents()).toEqual(['GV', 'GV.OC', 'GV.OC-01', 'GV.OC-02', 'ID.AM-02']);
    const row = page.locator('tr', { has: page.locator('th a', { hasText: 'ID.AM-01' }) });
    await expect(row.textContent()).resolves.toMatch(/ステップ1-4 保護対象の整理/);
    await expect(page.locator('.crosswalk-notice').textContent()).resolves.toMatch(/本文は一切転載していません/);
  });

  it('pass the accessibility checks on the compare and reading pages', async () => {
    for (const path of ['/compare/meti-fw/', '/compare/meti-sr/', '/fw/', '/fw/id/'])
      for (const [width, scheme] of [
        [390, 'light'],
        [1280, 'dark'],
      ] as const)
        expect(await axeViolations(await open(path, width, scheme)), `${path} ${width} ${scheme}`).toEqual([]);
  });

  it('a framework reading page anchors each entry by its id, shows the official id and labels our lines', async () => {
    const page = await open('/fw/id/#fw-id-am-01');
    const entry = page.locator('article#fw-id-am-01');
    await expect(entry.locator('.ref-entry__id').textContent()).resolves.toBe('ID.AM-01');
    await expect(entry.locator('dt').textContent()).resolves.toBe('本サイトによる説明');
    await expect(entry.locator('a', { hasText: '公式の本文' }).getAttribute('href')).resolves.toBe(
      'https://example.org/fw/id-am-01',
    );
  });

  it('the search page shows a unit its counterparts in the frameworks', async () => {
    const page = await open(`/search/?${new URLSearchParams({ q: 'ゾーンの分離', mode: 'keyword' })}`);
    // The answer is drawn by the page's script: wait for it, then both frameworks' entries are there.
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('SR 5.1'), null, {
      timeout: 30_000,
    });
    await expect(page.locator('main').textContent()).resolves.toContain('PR.IR-01');
  });
});
