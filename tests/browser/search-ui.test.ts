/**
 * The search page's words (issue 19 items 5–6): keyword mode searches the glossary's other names and
 * says so, counts what it found and shows the rest on request, and offers question mode when a group
 * is empty; the status quotes the question as typed, with controls shown escaped. And the glossary's
 * letter index as touch targets (issue 20).
 */
import { describe, expect, it } from 'vitest';
import type { Watched } from '../../scripts/tools/site-session.ts';
import { builtSiteSession } from '../helpers/browser.ts';

const session = builtSiteSession();

async function search(q: string, mode?: 'keyword', width = 1280): Promise<Watched> {
  const w = await session.page();
  await w.page.setViewportSize({ width, height: 900 });
  const params = new URLSearchParams({ q, ...(mode && { mode }) });
  await w.page.goto(`${session.origin}/search/?${params}`, { waitUntil: 'load' });
  await w.page.waitForSelector('#search-results[data-state="done"]', { timeout: 20_000 });
  return w;
}

const status = async (w: Watched) => (await w.page.textContent('#search-status')) ?? '';

describe('keyword mode', () => {
  it('also searches the glossary names of what the words name, and says so (USB finds 可搬媒体)', async () => {
    const w = await search('USB', 'keyword');
    const note = await w.page.locator('.keyword-expanded').innerText();
    expect(note).toContain('「USB」');
    expect(note).toContain('可搬媒体');
    // Neither guideline says USB; both say 可搬媒体, and their clauses that do are found, saying so.
    for (const g of ['meti', 'gutp']) {
      const group = w.page.locator(`[data-guideline-group="${g}"]`);
      expect(await group.locator('li.result').count(), g).toBeGreaterThan(0);
      expect(await group.locator('li.result .why').first().innerText(), g).toContain('可搬媒体');
    }
    // The USB note leads the notes, its word marked.
    expect(await w.page.locator('[data-group-kind="note"] li.result').first().getAttribute('data-clause-id')).toBe(
      'note-removable-media',
    );
    expect(await w.page.locator('[data-group-kind="note"] mark').allInnerTexts()).toContain('USB');
    expect(await status(w)).toContain('用語集の同義語を含む');
    // A word no glossary term names is searched as typed, with no such note.
    const plain = await search('立案', 'keyword');
    expect(await plain.page.locator('.keyword-expanded').count()).toBe(0);
  });

  it('counts every result found, shows the first ones and the rest on request', async () => {
    const w = await search('USB', 'keyword');
    const notes = w.page.locator('[data-group-kind="note"]');
    const count = notes.locator('.result-more__count');
    const [, total, shown] = /(\d+)件中(\d+)件を表示/.exec(await count.innerText()) ?? [];
    expect(Number(shown)).toBe(8);
    expect(Number(total)).toBeGreaterThan(8);
    expect(await notes.locator('li.result').count()).toBe(8);
    // The status says the same: never a silent cap.
    expect(await status(w)).toContain(`実務メモ ${total}件中8件を表示`);
    await notes.locator('.result-more__button').click();
    await expect.poll(() => notes.locator('li.result').count()).toBe(Math.min(Number(total), 8 + 20));
    expect(await count.innerText()).toContain(`${total}件中${Math.min(Number(total), 28)}件を表示`);
    if (Number(total) <= 28) expect(await notes.locator('.result-more__button').count()).toBe(0);
    // Each result once.
    const ids = await notes.locator('li.result').evaluateAll((items) => items.map((li) => li.dataset.clauseId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('offers question mode and the glossary in a group that found nothing', async () => {
    const w = await search('xyzzyfoo', 'keyword');
    for (const g of ['meti', 'gutp']) {
      const group = w.page.locator(`[data-guideline-group="${g}"]`);
      expect(await group.innerText()).toContain('このキーワードを含む条項は見つかりませんでした');
      const href = await group.locator('a', { hasText: '質問の形で探す' }).getAttribute('href');
      expect(new URLSearchParams(href!.replace(/^\?/, '')).get('mode')).toBeNull();
      expect(new URLSearchParams(href!.replace(/^\?/, '')).get('q')).toBe('xyzzyfoo');
    }
  });

  it('shows control and bidi characters of the query escaped in the status, never raw', async () => {
    const w = await search('abc\u202eFSIRT\u0007', 'keyword');
    const line = await status(w);
    expect(line).toContain('abc\\u202eFSIRT\\u0007');
    expect(line).not.toMatch(/[\u202e\u0007]/);
  });
});

describe('question mode status', () => {
  it('quotes the question as typed, and what was searched for only as 検索語', async () => {
    const typed = 'リモート保守の接続はどう管理すればいい？';
    const w = await search(typed);
    const line = await status(w);
    expect(line.startsWith(`「${typed}」（検索語: `)).toBe(true);
    expect(line).toMatch(/（検索語: リモート保守[^）]*）に近い条項：/);
    // The FAQ entry it asks is above the results.
    expect(await w.page.locator('#search-results > :first-child').getAttribute('class')).toContain('faq-match');
    const bidi = await search('古いOS\u202e端末');
    expect(await status(bidi)).toContain('「古いOS\\u202e端末」');
  });
});

describe('glossary letter index', () => {
  it('has touch targets of at least 24 × 24 px that do not overlap, on a phone', async () => {
    const w = await session.page();
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.goto(`${session.origin}/glossary/`, { waitUntil: 'load' });
    const boxes = await w.page
      .locator('.kana-index > li > a')
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThan(10);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThanOrEqual(24);
      expect(b.height).toBeGreaterThanOrEqual(24);
    }
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(boxes.some((a, i) => boxes.slice(i + 1).some((b) => overlap(a, b)))).toBe(false);
  });
});
