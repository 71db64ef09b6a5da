/**
 * The built site and the licences of the guidelines' own text: METI's (publishable) appears on its
 * chapter pages with page citations and attribution, and answers in the site's search; the GUTP text
 * (the WG's copyright) appears nowhere in the site unless the builder opts in for a private copy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreviewServer } from 'astro';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedPage } from '../../scripts/tools/site-session.ts';
import { startSession } from '../helpers/browser.ts';
import { contentTree } from '../helpers/fixture.ts';
import { officialFixture } from '../helpers/official.ts';
import { buildSite, type BuiltSite } from '../helpers/site-build.ts';

const content = contentTree({
  'guidelines.yml': (s) =>
    s.replace(
      'official: { publishable: false, attribution: テスト用の出典表示 }',
      'official: { publishable: true, attribution: METIテスト出典（政府標準利用規約） }',
    ),
});
officialFixture(content);

/** Every text file of the site that mentions `needle`. */
function filesWith(site: BuiltSite, needle: string): string[] {
  return site.files.filter(
    (f) => /\.(html|json|js|yaml|csv)$/.test(f) && readFileSync(join(site.out, f), 'utf8').includes(needle),
  );
}

describe('official text on the built site', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite({ content });
  }, 180_000);
  afterAll(() => site?.dispose());

  it('shows a publishable guideline’s official text on its chapter page, cited by page with the attribution', () => {
    const html = readFileSync(join(site.out, 'meti/ch3/index.html'), 'utf8');
    const article = html.slice(html.indexOf('id="meti-official-ch3-step1-4"'));
    expect(article).toMatch(/公式本文/);
    expect(article).toContain('公式本文テスト：保護対象を洗い出し');
    expect(article).toMatch(/公式PDF p\.21–23/);
    expect(article).toContain('METIテスト出典（政府標準利用規約）');
    // The guideline's words come before the project's summary of the same unit.
    expect(html.indexOf('id="meti-official-ch3-step1-4"')).toBeLessThan(html.indexOf('id="meti-3-step1-4"'));
    expect(filesWith(site, '公式本文テスト：保護対象を洗い出し').some((f) => f.startsWith('search-data/'))).toBe(true);
    // …and in the exports /downloads/ serves.
    expect(filesWith(site, '公式本文テスト：保護対象を洗い出し')).toEqual(
      expect.arrayContaining(['downloads/catalog-meti.json', 'downloads/kojo-meti.yaml']),
    );
  });

  it('anchors each passage of the official text on its chapter page, and shows the unit’s counterparts with it', () => {
    const html = readFileSync(join(site.out, 'meti/ch3/index.html'), 'utf8');
    const article = html.slice(html.indexOf('id="meti-official-ch3-step1-4"'), html.indexOf('id="meti-3-step1-4"'));
    for (const n of [1, 2, 3]) expect(article).toContain(`id="meti-official-ch3-step1-4-p${n}"`);
    // Official text shares the counterparts of the project's clauses on its unit (meti-1-eol ↔ gutp-1-eol).
    const ch1 = readFileSync(join(site.out, 'meti/ch1/index.html'), 'utf8');
    expect(ch1.slice(ch1.indexOf('id="meti-official-ch1"'), ch1.indexOf('id="meti-1"'))).toContain(
      'href="/gutp/ch1/#gutp-1-eol"',
    );
  });

  it('answers in the site’s search with the passage, its page, its anchor and its unit’s counterparts', async () => {
    let session: { server: PreviewServer; origin: string; browser: Browser } | undefined;
    try {
      session = await startSession(site.out);
      const { browser, origin } = session;
      const w = await watchedPage(browser, origin);
      await w.page.goto(`${origin}/search/?q=${encodeURIComponent('制御システムを対象とする手引き')}`, {
        waitUntil: 'load',
      });
      await w.page.waitForSelector('#search-results[data-state="done"]', { timeout: 10_000 });
      const hit = w.page.locator('li.result[data-clause-id="meti-official-ch1-p1"]');
      expect(await hit.count()).toBe(1);
      expect(await hit.locator('a.result-title').getAttribute('href')).toBe('/meti/ch1/#meti-official-ch1-p1');
      expect(await hit.innerText()).toContain('公式PDF p.3–4');
      expect(await hit.locator('a.counterpart').getAttribute('href')).toBe('/gutp/ch1/#gutp-1-eol');
      await hit.locator('a.result-title').click();
      await w.page.waitForURL(`${origin}/meti/ch1/#meti-official-ch1-p1`);
      expect(await w.page.locator('#meti-official-ch1-p1').innerText()).toContain('公式本文テスト');
    } finally {
      await session?.browser.close();
      await session?.server.stop();
    }
  }, 60_000);

  it('keeps a non-publishable guideline’s official text out of every page and search file', () => {
    expect(filesWith(site, 'GUTP公式本文テスト')).toEqual([]);
  });

  it('publishes it in a build that opts in explicitly', () => {
    const opted = buildSite({ content, args: ['--include-official', 'gutp'] });
    try {
      expect(filesWith(opted, 'GUTP公式本文テスト')).toEqual(expect.arrayContaining(['gutp/ch1/index.html']));
    } finally {
      opted.dispose();
    }
  }, 180_000);
});
