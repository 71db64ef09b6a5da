/**
 * Content is data, never markup or code, wherever the site puts it: in HTML text and attributes, in
 * <title>, in the search export the page fetches, in Pagefind's index. tests/fixtures/hostile-content
 * is the minimal tree with `</script>`, an <img onerror>, both quotes, U+2028 and `{{` in guideline
 * names and versions, chapter and clause titles, glossary terms, FAQ entries and mapping rationales
 * (and `kojo check` accepts it). Every page shows them as text, and nothing runs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PreviewServer } from 'astro';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanPages, startSession } from '../helpers/browser.ts';
import { watchedPage, type Watched } from '../../scripts/tools/site-session.ts';
import { contentSecurityPolicy } from '../../site/lib/csp.ts';
import { kojo } from '../helpers/cli.ts';
import { buildSite, type BuiltSite } from '../helpers/site-build.ts';

const hostileContent = 'tests/fixtures/hostile-content';

// What the fixture writes (see its guidelines.yml, clause files and YAML files).
const SCRIPT = '</script><script>window.__x=1</script>';
const IMG = '<img src=x onerror="window.__x=2">';
const QUOTES = `"二重"と'一重'`;
const LS = '\u2028';
const BRACES = '{{x}}';
const text = {
  metiShortTitle: `METI${SCRIPT}`,
  metiVersion: `Ver 1.0${IMG}`,
  metiTitle: `テスト用METIガイドライン${QUOTES}${LS}${BRACES}`,
  gutpShortTitle: `GUTP${IMG}${QUOTES}`,
  gutpVersion: `v1.00${SCRIPT}${LS}`,
  metiCh3: `進め方${SCRIPT}${QUOTES}${LS}${BRACES}`,
  gutpAppx1: `チェックリスト${IMG}`,
  metiEolClause: `サポートが切れたOS端末の扱い${SCRIPT}${QUOTES}${LS}${BRACES}`,
  metiStepClause: `保護対象の整理${IMG}`,
  gutpEolClause: `古い端末の守り方${IMG}${QUOTES}${BRACES}`,
  term: `サポート終了OS${SCRIPT}${QUOTES}${LS}${BRACES}`,
  definition: `開発元の更新が終わったOS。${IMG}`,
  faqQuestion: `古いOSの端末はどうすればいいですか？${IMG}${BRACES}`,
  faqAnswer: `分離して守ります。${SCRIPT}${QUOTES}${LS}${BRACES}`,
  clauseRationale: `同じ主題の実務メモ。${SCRIPT}${QUOTES}${LS}${BRACES}`,
  chapterRationale: `どちらも導入の章である。${IMG}${QUOTES}`,
  noteTitle: `古いOS端末${IMG}${BRACES}`,
};
type Key = keyof typeof text;

let site: BuiltSite;
let server: PreviewServer;
let origin: string;
let browser: Browser;
const visited: (Watched & { dialogs: string[] })[] = [];

beforeAll(async () => {
  site = buildSite({ content: hostileContent });
  ({ server, origin, browser } = await startSession(site.out));
}, 240_000);

// As in site.test.ts: each test answers for its own pages — same origin, no error, no CSP violation, no dialog.
afterEach(() => expectCleanPages(visited, (w) => w.dialogs));

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  site?.dispose();
});

async function open(path: string) {
  const w = { ...(await watchedPage(browser, origin)), dialogs: [] as string[] };
  visited.push(w);
  // Registered before the page loads, so a dialog opened while it parses is seen (and dismissed).
  w.page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await w.page.goto(`${origin}${path}`, { waitUntil: 'load' });
  if (path.startsWith('/search/'))
    await w.page.waitForSelector('#search-results[data-state="done"]', { timeout: 10_000 });
  return w;
}

/** Nothing from the content ran or became an element, and the page kept its policy. */
async function expectInert(w: Watched, path: string) {
  const state = await w.page.evaluate(() => ({
    x: (window as unknown as { __x?: unknown }).__x,
    // Every script of the site is a module file from _astro/; an <img> or handler would be injected.
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    images: document.querySelectorAll('img').length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on')))
      .length,
    csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) =>
      m.getAttribute('content'),
    ),
  }));
  expect(state, path).toEqual({
    x: undefined,
    inlineScripts: 0,
    images: 0,
    handlers: 0,
    csp: [contentSecurityPolicy()],
  });
}

/** The page's text (title and body) holds each of these strings exactly, as characters. */
async function expectLiteral(w: Watched, path: string, keys: Key[]) {
  const shown = await w.page.evaluate(() => `${document.title}\n${document.body.textContent}`);
  for (const key of keys) expect(shown.includes(text[key]), `${path}: ${key} ${JSON.stringify(text[key])}`).toBe(true);
}

describe('hostile content', () => {
  it('passes kojo check: its headings carry the hostile strings as escaped text, which the site shows literally', () => {
    const r = kojo(['check', '--content', hostileContent]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('is refused by kojo check when a clause heading holds raw HTML (issue 24)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojo-hostile-'));
    cpSync(hostileContent, dir, { recursive: true });
    const file = join(dir, 'meti', '03.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\\<img', '<img'));
    const r = kojo(['check', '--content', dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/meti\/03\.md:7: error clause-heading-html:/);
  });

  it('shows as text on every kind of page and runs nothing', async () => {
    const pages: [string, Key[]][] = [
      ['/', ['metiShortTitle', 'metiVersion', 'metiTitle', 'gutpShortTitle', 'gutpVersion']],
      ['/meti/', ['metiTitle', 'metiCh3', 'metiEolClause', 'metiStepClause']],
      ['/gutp/', ['gutpVersion', 'gutpAppx1', 'gutpEolClause']],
      ['/meti/ch1/', ['metiEolClause', 'gutpEolClause', 'term', 'clauseRationale', 'chapterRationale', 'noteTitle']],
      ['/notes/', ['noteTitle']],
      ['/notes/eol-os/', ['noteTitle', 'metiEolClause', 'gutpEolClause', 'term']],
      ['/sources/', ['metiEolClause', 'gutpEolClause']],
      ['/meti/ch3/', ['metiCh3', 'gutpAppx1', 'metiStepClause']],
      ['/gutp/ch1/', ['gutpEolClause', 'metiEolClause', 'term', 'clauseRationale', 'chapterRationale']],
      [
        '/compare/',
        ['metiShortTitle', 'gutpShortTitle', 'metiCh3', 'gutpAppx1', 'clauseRationale', 'chapterRationale'],
      ],
      ['/compare/meti-gutp/', ['metiCh3', 'gutpAppx1', 'metiEolClause', 'gutpEolClause', 'clauseRationale']],
      ['/glossary/', ['term', 'definition', 'metiEolClause', 'gutpEolClause', 'noteTitle']],
      ['/faq/', ['faqQuestion', 'faqAnswer', 'metiEolClause', 'gutpEolClause', 'noteTitle']],
      ['/about/', ['metiTitle', 'metiVersion', 'gutpVersion']],
    ];
    for (const [path, keys] of pages) {
      const w = await open(path);
      await expectInert(w, path);
      await expectLiteral(w, path, keys);
    }
  });

  it('keeps the chapter title literal in the document title', async () => {
    const w = await open('/meti/ch3/');
    expect(await w.page.title()).toContain(text.metiCh3);
  });

  it('question search answers, with hostile names and titles as text', async () => {
    const path = `/search/?q=${encodeURIComponent('古いOSの端末')}`;
    const w = await open(path);
    await expectInert(w, path);
    const ids = await w.page.$$eval('#search-results li.result', (items) =>
      items.map((li) => li.getAttribute('data-clause-id')),
    );
    expect(ids).toContain('meti-1-eol');
    expect(ids).toContain('gutp-1-eol');
    expect(ids).toContain('note-eol-os');
    // The group headings are `${shortTitle}（${version}）`, from the exported index; the notes come last.
    expect(
      await w.page.$$eval('#search-results section.result-group h2', (hs) => hs.map((h) => h.textContent)),
    ).toEqual([
      `${text.metiShortTitle}（${text.metiVersion}）`,
      `${text.gutpShortTitle}（${text.gutpVersion}）`,
      '本サイトの実務メモ（ガイドラインの記述ではありません）',
    ]);
    await expectLiteral(w, path, ['metiEolClause', 'gutpEolClause']);
  });

  it('keyword search (Pagefind) answers, and a hostile query shows literally', async () => {
    const query = `${SCRIPT}${IMG} 端末`;
    const path = `/search/?mode=keyword&q=${encodeURIComponent(query)}`;
    const w = await open(path);
    await expectInert(w, path);
    expect(await w.page.inputValue('#search-q')).toBe(query);
    expect(await w.page.textContent('#search-status')).toContain(query);
    const ids = await w.page.$$eval('#search-results li.result', (items) =>
      items.map((li) => li.getAttribute('data-clause-id')),
    );
    expect(ids).toContain('meti-1-eol');
    expect(ids).toContain('gutp-1-eol');
    await expectLiteral(w, path, [
      'metiShortTitle',
      'metiVersion',
      'gutpShortTitle',
      'gutpVersion',
      'metiEolClause',
      'gutpEolClause',
    ]);
  });
});
