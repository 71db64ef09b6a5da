/**
 * A guideline brought with `kojo import --new` on the built site, with no code change: its reading
 * pages and compare pages exist, its text answers in the site's search (a private build, since its text
 * is not publishable), and the suggested mappings waiting for review appear nowhere as mappings.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreviewServer } from 'astro';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutNamed, samplePdf } from '../../scripts/tools/sample-pdfs/index.ts';
import { watchedPage } from '../../scripts/tools/site-session.ts';
import { startSession } from '../helpers/browser.ts';
import { kojo, root } from '../helpers/cli.ts';
import { buildSite, type BuiltSite, workFolder } from '../helpers/site-build.ts';

describe('a guideline imported with --new, on the built site', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const work = workFolder('import-new-site-');
    const content = join(work, 'content');
    cpSync(join(root, 'content'), content, {
      recursive: true,
      filter: (src) => !src.startsWith(join(root, 'content', 'official')),
    });
    const pdf = (await samplePdf(layoutNamed('plant-numbered'), join(root, 'tests', '.tmp', 'sample-pdfs'))).path;
    const imported = kojo(['import', pdf, '--new', 'plant', '--content', content]);
    if (imported.status !== 0) throw new Error(imported.stderr);
    const suggested = kojo(['suggest-mappings', 'plant', '--to', 'meti', '--content', content]);
    if (suggested.status !== 0) throw new Error(suggested.stderr);
    site = buildSite({ content, work, args: ['--include-official', 'plant'] });
  }, 300_000);
  afterAll(() => site?.dispose());

  it('has its reading pages and a compare page with each other guideline', () => {
    expect(site.files).toEqual(
      expect.arrayContaining([
        'plant/index.html',
        'plant/ch3/index.html',
        'compare/meti-plant/index.html',
        'compare/gutp-plant/index.html',
      ]),
    );
    const ch3 = readFileSync(join(site.out, 'plant/ch3/index.html'), 'utf8');
    expect(ch3).toContain('専用の検査端末でウイルス検査を行う。');
    expect(ch3).toMatch(/公式PDF p\.7/);
  });

  it('shows no suggested mapping as a mapping: not in the mapping downloads, not on the compare page', () => {
    const json = JSON.parse(readFileSync(join(site.out, 'compare/mappings.json'), 'utf8')) as {
      from: string;
      to: string | null;
    }[];
    expect(json.filter((m) => `${m.from} ${m.to}`.includes('plant'))).toEqual([]);
    expect(readFileSync(join(site.out, 'compare/mappings.csv'), 'utf8')).not.toContain('plant-official');
    expect(readFileSync(join(site.out, 'compare/meti-plant/index.html'), 'utf8')).not.toContain(
      'href="/plant/ch4/#plant-official-ch4-4-2"',
    );
  });

  it('answers in the site’s search from its text', async () => {
    let session: { server: PreviewServer; origin: string; browser: Browser } | undefined;
    try {
      session = await startSession(site.out);
      const { browser, origin } = session;
      const w = await watchedPage(browser, origin);
      await w.page.goto(`${origin}/search/?q=${encodeURIComponent('USBメモリを工場に持ち込むときの手順')}`, {
        waitUntil: 'load',
      });
      await w.page.waitForSelector('#search-results[data-state="done"]', { timeout: 10_000 });
      // Its own group, a close match (not the folded "nearest" list of a group without one).
      const group = w.page.locator('section[data-guideline-group="plant"]');
      expect(await group.getAttribute('data-no-match'), await group.innerHTML()).toBeNull();
      const hit = group.locator('li.result').first();
      expect(await hit.getAttribute('data-clause-id')).toMatch(/^plant-official-ch3-3-1/);
      expect(await hit.locator('a.result-title').getAttribute('href')).toMatch(
        /^\/plant\/ch3\/#plant-official-ch3-3-1/,
      );
      // textContent: a group below the fold is not rendered yet (content-visibility), so it has no innerText.
      expect(await hit.textContent()).toContain('公式PDF p.7');
    } finally {
      await session?.browser.close();
      await session?.server.stop();
    }
  }, 60_000);
});
