/**
 * /checklist/ when the browser cannot keep the answers (issue 24 points 6 and 15): an import over the
 * storage quota is said to be unsaved, not reported as done; a browser that blocks storage gets a
 * working form for this visit, with one line saying nothing will be kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtSiteSession } from '../helpers/browser.ts';

const session = builtSiteSession();

async function open(blockStorage = false): Promise<Page> {
  const w = await session.page();
  if (blockStorage)
    // As Chromium does with site data blocked: touching localStorage throws.
    await w.page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The user has blocked access to storage', 'SecurityError');
        },
      });
    });
  await w.page.goto(`${session.origin}/checklist/`, { waitUntil: 'load' });
  await w.page.waitForSelector('#ck-page[data-state="ready"]');
  return w.page;
}

const status = (page: Page) => page.locator('#ck-status-text').innerText();

describe('the checklist page when answers cannot be kept', () => {
  it('says an import over the storage quota was read but not saved, and it is indeed gone on reload', async () => {
    const page = await open();
    // Laying out a 6,000,000-character note takes the page a while.
    page.setDefaultTimeout(100_000);
    const note = 'a'.repeat(6_000_000);
    const file = JSON.stringify({
      kojoAssessment: 1,
      name: '大きいメモ',
      date: '2026-01-01',
      target: 3,
      answers: [{ item: 'kojo-prep-01', level: 2, note }],
    });
    await page.evaluate(() => (document.querySelector('#ck-status-text')!.textContent = ''));
    await page.setInputFiles('#ck-import', {
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await page.waitForFunction(() => document.querySelector('#ck-status-text')!.textContent !== '');
    const said = (await page.evaluate(() => document.querySelector('#ck-status-text')!.textContent)) ?? '';
    expect(said).toContain('「大きいメモ」を読み込みましたが');
    expect(said).toContain('保存できませんでした');
    expect(await page.locator('#ck-status').getAttribute('data-kind')).toBe('error');
    await page.reload();
    await page.waitForSelector('#ck-page[data-state="ready"]');
    expect(await page.locator('#ck-current option').allInnerTexts()).not.toContain('大きいメモ（2026-01-01）');
  }, 240_000);

  it('works without storage for this visit, saying in one line that answers are not kept', async () => {
    const page = await open(true);
    const said = await status(page);
    expect(said).toContain('回答は保存されません');
    expect(said.split('\n')).toHaveLength(1);
    expect(await page.locator('#ck-status').getAttribute('data-kind')).toBe('error');
    // The form answers and scores as usual.
    await page.check('input[name="ck-level-kojo-prep-01"][value="4"]');
    expect(await page.locator('input[name="ck-level-kojo-prep-01"]:checked').getAttribute('value')).toBe('4');
    await page.fill('textarea[name="ck-note-kojo-prep-01"]', '保存なしで記入');
    expect(await page.inputValue('textarea[name="ck-note-kojo-prep-01"]')).toBe('保存なしで記入');
    expect(await page.locator('#ck-page').getAttribute('data-state')).toBe('ready');
  });
});
