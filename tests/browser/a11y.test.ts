/**
 * Reading on every screen, measured the way issues 9 and 20 measured it: axe-core in Chromium on every
 * kind of page, light and dark, at 390 and 1280 px, no violation allowed (WCAG 2.x A/AA and axe's best
 * practices, as Lighthouse runs it); the navigation; the first screen on a phone; the width used on a
 * desktop; compare on a phone. Plus the keyboard path to a chapter's text and the page's own behaviours
 * (copy link, current section) that only a browser shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { builtSiteSession } from '../helpers/browser.ts';

const session = builtSiteSession();

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const w = await session.page();
  await w.page.emulateMedia({ colorScheme });
  await w.page.goto(`${session.origin}${path}`, { waitUntil: 'load' });
  return w.page;
}

const search = (q: string, mode?: 'keyword') => `/search/?${new URLSearchParams({ q, ...(mode ? { mode } : {}) })}`;
const question = search('古いOS端末はどうすればいい？');

/**
 * One page of every kind a reader meets: home, both tables of contents, chapters (GUTP 3章 has only
 * its chapter-level text), compare (and a crosswalk's, with a reference framework's pages), the checklist with an answer, FAQ, glossary, the notes and a note,
 * sources, about, search in both modes and with no close match, and the 404 page.
 */
const everyKind = [
  '/',
  '/meti/',
  '/gutp/',
  '/meti/ch3/',
  '/gutp/ch3/',
  '/compare/',
  '/compare/meti-csf/',
  '/csf/',
  '/iec62443/fr-5/',
  '/downloads/',
  '/checklist/',
  '/faq/',
  '/glossary/',
  '/notes/',
  '/notes/eol-os/',
  '/sources/',
  '/about/',
  question,
  search('USBメモリ', 'keyword'),
  search('ぱぴぷぺぽ量子もつれ'),
  '/404.html',
];

/** A page as a reader meets it: results shown, the checklist ready and answered once. */
async function openReady(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const w = await session.page();
  await w.page.setViewportSize({ width, height: 844 });
  await w.page.emulateMedia({ colorScheme });
  await w.page.goto(`${session.origin}${path}`, { waitUntil: 'load' });
  if (path.startsWith('/search/'))
    await w.page.waitForSelector('#search-results[data-state="done"]', { timeout: 10_000 });
  if (path === '/checklist/') {
    await w.page.waitForSelector('#ck-page[data-state="ready"]');
    await w.page.check('input[name="ck-level-kojo-prep-01"][value="2"]');
  }
  return w.page;
}

describe('axe-core finds no violation on any kind of page', () => {
  for (const width of [390, 1280])
    for (const scheme of ['light', 'dark'] as const) {
      it(`at ${width} px, ${scheme}`, async () => {
        for (const path of everyKind) {
          const page = await openReady(path, width, scheme);
          expect(await axeViolations(page), `${path} (${width} px, ${scheme})`).toEqual([]);
          await page.context().close();
        }
        // 17 pages: about 95–135 s on a loaded 2-core machine.
      }, 360_000);
    }
});

describe('navigation', () => {
  it('reaches the practice notes and the sources from every page, header and footer, marking where the reader is', async () => {
    for (const path of everyKind) {
      const page = await openReady(path, 1280);
      for (const href of ['/notes/', '/sources/']) {
        expect(await page.locator(`header .site-nav a[href="${href}"]`).isVisible(), `${path} header ${href}`).toBe(
          true,
        );
        expect(await page.locator(`footer a[href="${href}"]`).count(), `${path} footer ${href}`).toBe(1);
      }
      await page.context().close();
    }
    const marked = async (path: string) => {
      const page = await openReady(path, 1280);
      return page
        .locator('.site-nav a[aria-current]')
        .evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.getAttribute('aria-current')}`));
    };
    expect(await marked('/notes/')).toEqual(['/notes/ page']);
    expect(await marked('/notes/eol-os/')).toEqual(['/notes/ true']);
    expect(await marked('/sources/')).toEqual(['/sources/ page']);
    expect(await marked('/meti/ch3/')).toEqual(['/meti/ true']);
  });

  it('lists in the footer the home page, every section the header links to, search, the frameworks and the downloads', async () => {
    const page = await openReady('/meti/ch3/', 1280);
    const hrefs = (selector: string) =>
      page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const header = await hrefs('header .site-nav a');
    expect(header.length).toBeGreaterThan(5);
    expect(await hrefs('footer nav a')).toEqual(['/', ...header, '/search/', '/csf/', '/iec62443/', '/downloads/']);
  });

  it('folds the navigation into a メニュー button on a phone that opens without a script, by keyboard', async () => {
    const w = await session.page();
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.goto(`${session.origin}/notes/eol-os/`, { waitUntil: 'load' });
    const notes = w.page.locator('.site-nav a[href="/notes/"]');
    expect(await notes.isVisible()).toBe(false);
    await w.page.focus('.site-menu > summary');
    await w.page.keyboard.press('Enter');
    expect(await notes.isVisible()).toBe(true);
    expect(await notes.getAttribute('aria-current')).toBe('true');
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/meti/');
  });
});

describe('the first screen on a phone (390 × 844)', () => {
  it('starts the content within the top quarter and the page heading within the top 40 %, on every kind of page', async () => {
    for (const path of everyKind) {
      const page = await openReady(path, 390);
      const top = await page.evaluate(() => ({
        main: document.querySelector('main')!.getBoundingClientRect().top,
        h1: document.querySelector('main h1')!.getBoundingClientRect().top,
      }));
      expect(top.main, `${path}: <main> starts at ${top.main} px`).toBeLessThanOrEqual(844 * 0.25);
      expect(top.h1, `${path}: <h1> starts at ${top.h1} px`).toBeLessThanOrEqual(844 * 0.4);
      await page.context().close();
    }
  });

  it('says "unofficial" in one line on every page, and once on the home page with the full statement', async () => {
    const page = await openReady('/meti/ch3/', 390);
    const notice = page.locator('aside.notice p');
    const lines = await notice.evaluate(
      (p) => p.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(p).lineHeight),
    );
    expect(lines).toBeLessThan(1.5);
    expect(await notice.locator('a').getAttribute('href')).toBe('/about/#unofficial');
    const home = await openReady('/', 390);
    expect((await home.locator('body').innerText()).match(/非公式/g)).toHaveLength(1);
    expect(await home.locator('aside.notice').count()).toBe(0);
    expect(await home.locator('#unofficial a[href^="https://"]').count()).toBe(2);
    const about = await openReady('/about/', 390);
    expect(await about.locator('#unofficial').count()).toBe(1);
  });
});

describe('wide screens', () => {
  it('use the width on the home, FAQ, glossary, notes and sources pages (no empty right side)', async () => {
    for (const path of ['/', '/faq/', '/glossary/', '/notes/', '/sources/']) {
      const page = await openReady(path, 1280);
      const { used, width } = await page.evaluate(() => {
        const main = document.querySelector('main')!.getBoundingClientRect();
        const right = Math.max(
          ...[...document.querySelectorAll('main *')]
            .map((e) => e.getBoundingClientRect())
            .filter((r) => r.width > 0 && r.top < innerHeight * 2)
            .map((r) => r.right),
        );
        return { used: right - main.left, width: main.width };
      });
      expect(used / width, path).toBeGreaterThan(0.9);
      await page.context().close();
    }
  });
});

describe('compare on a phone', () => {
  it('shows each mapping as a card with every column named, and the diagram in a keyboard-scrollable region with a cue', async () => {
    const page = await openReady('/compare/', 390);
    const table = page.locator('table.mapping-table').first();
    expect(await table.evaluate((t) => t.scrollWidth <= t.clientWidth)).toBe(true);
    const row = table.locator('tbody tr').first();
    // The later guideline's end is on the screen, not off to the right.
    const right = (await row.locator('td').nth(2).boundingBox())!;
    expect(right.x + right.width).toBeLessThanOrEqual(390);
    const labels = await row
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
    expect(labels).toEqual([
      '"METI（対応元）："',
      '"関係："',
      '"GUTP（対応先）："',
      '"根拠の種類："',
      '"確度："',
      '"根拠："',
    ]);
    expect(await page.locator('.diagram .scroll-cue').isVisible()).toBe(true);
    const region = page.locator('.diagram__scroll');
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('aria-label')).toContain('横にスクロール');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.diagram__scroll')!.scrollLeft > 0);
  });
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

describe('a chapter’s sidebar, a note’s boxes and results on paper (issue 20, point 5)', () => {
  it('counts and lists a chapter’s own text in its sidebar (GUTP 3章 has only that)', async () => {
    const page = await open('/gutp/ch3/');
    expect(await page.locator('#chapter-toc-title').innerText()).toBe('この章の条項（1）');
    expect(await page.locator('#chapter-toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#gutp-3',
    ]);
  });

  it('titles a note’s units box at the size of its sibling boxes, with no empty band above the title', async () => {
    const page = await open('/notes/eol-os/');
    const fontSize = (selector: string) =>
      page.locator(selector).evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(await fontSize('.note-units > h2')).toBe(await fontSize('.clause-aside.terms h3'));
    const band = await page.locator('.note-units').evaluate((box) => {
      const style = getComputedStyle(box);
      const inner = box.getBoundingClientRect().top + Number.parseFloat(style.borderTopWidth);
      return box.querySelector('h2')!.getBoundingClientRect().top - inner - Number.parseFloat(style.paddingTop);
    });
    expect(band).toBeLessThanOrEqual(1);
  });

  it('lays out every result of a question, on screen (a full-page capture) and when printed', async () => {
    const page = await openReady(question, 390);
    // checkVisibility with contentVisibilityAuto is false inside a result whose rendering is skipped.
    const rendered = () =>
      page.locator('.result-list > li').evaluateAll((lis) =>
        lis
          // Folded results sit closed under their summary on purpose.
          .filter((li) => !li.closest('details:not([open])'))
          .map((li) => li.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? false),
      );
    const onScreen = await rendered();
    expect(onScreen.length).toBeGreaterThan(3);
    expect(new Set(onScreen)).toEqual(new Set([true]));
    await page.emulateMedia({ media: 'print' });
    expect(new Set(await rendered())).toEqual(new Set([true]));
  });
});
