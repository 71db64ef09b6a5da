/**
 * /checklist/ in Chromium: answers saved in the browser, export and import as JSON and CSV, the chart's
 * numbers and the gap list's links, comparison, a malformed import, the keyboard and a 390 px screen —
 * all without a request outside the origin or a Content-Security-Policy refusal.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtSiteSession } from '../helpers/browser.ts';

const session = builtSiteSession();

async function open(width = 1280): Promise<Page> {
  const w = await session.page();
  await w.page.setViewportSize({ width, height: 900 });
  await w.page.goto(`${session.origin}/checklist/`, { waitUntil: 'load' });
  await w.page.waitForSelector('#ck-page[data-state="ready"]');
  return w.page;
}

const radio = (item: string, value: string) => `input[name="ck-level-${item}"][value="${value}"]`;
/** The checked level's value; '' when none is (an unanswered item checks nothing). */
const checked = async (page: Page, item: string) => {
  const radio = page.locator(`input[name="ck-level-${item}"]:checked`);
  return (await radio.count()) ? radio.getAttribute('value') : '';
};
const chartValue = (page: Page, category: string) =>
  page.locator(`#ck-chart g[data-category="${category}"] text[data-series="current"]`).textContent();
const saved = (page: Page) => page.evaluate(() => localStorage.getItem('kojo-checklist'));

async function answer(page: Page): Promise<void> {
  await page.check(radio('kojo-prep-01', '2'));
  await page.check(radio('kojo-prep-03', '1'));
  await page.check(radio('kojo-org-01', '4'));
  await page.check(radio('kojo-tech-01', 'na'));
  await page.fill('textarea[name="ck-note-kojo-prep-01"]', '予算は来期, "要確認"');
}

/** Imports a file and waits for the page's verdict (reading a file is asynchronous). */
async function importFile(page: Page, name: string, text: string | Buffer): Promise<string> {
  await page.evaluate(() => (document.querySelector('#ck-status-text')!.textContent = ''));
  await page.setInputFiles('#ck-import', {
    name,
    mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json',
    buffer: Buffer.from(text),
  });
  await page.waitForFunction(() => document.querySelector('#ck-status-text')!.textContent !== '');
  return page.locator('#ck-status-text').innerText();
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('the checklist page', () => {
  it("is linked from the navigation and labels its items as the site's own", async () => {
    const page = await open();
    expect(await page.locator('.site-nav a[href="/checklist/"]').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('.ck-notice').first().innerText()).toContain('本サイトの確認項目');
    expect(await page.locator('#item-kojo-prep-01 .ck-item__kind').innerText()).toBe('確認項目');
    // The internal id is kept where tools read it, never shown as a label.
    expect(await page.locator('#item-kojo-prep-01 legend').innerText()).not.toContain('kojo-prep-01');
    expect(await page.locator('#item-kojo-prep-01').getAttribute('data-item')).toBe('kojo-prep-01');
    expect(await page.locator('.ck-facts').textContent()).toMatch(/35項目：S5／32項目：S11・S18/);
  });

  it('keeps answers over a reload, exports JSON and CSV, clears, and imports them back', async () => {
    const page = await open();
    await answer(page);
    await page.reload();
    await page.waitForSelector('#ck-page[data-state="ready"]');
    expect(await checked(page, 'kojo-prep-01')).toBe('2');
    expect(await checked(page, 'kojo-tech-01')).toBe('na');
    expect(await checked(page, 'kojo-ops-01')).toBe('');
    expect(await page.inputValue('textarea[name="ck-note-kojo-prep-01"]')).toBe('予算は来期, "要確認"');

    const json = await download(page, '#ck-export-json');
    expect(json.name).toMatch(/^kojo-assessment-評価1-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(json.bytes.toString('utf8'));
    expect(file).toMatchObject({ kojoAssessment: 1, name: '評価1', target: 3 });
    expect(file.answers).toEqual([
      { item: 'kojo-prep-01', level: 2, note: '予算は来期, "要確認"' },
      { item: 'kojo-prep-03', level: 1, note: '' },
      { item: 'kojo-org-01', level: 4, note: '' },
      { item: 'kojo-tech-01', level: 'na', note: '' },
    ]);

    const csv = await download(page, '#ck-export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('評価名,評価日,目標レベル,分類,確認項目ID,確認項目,レベル,レベルの意味,メモ');
    expect(lines[1]).toMatch(
      /^評価1,\d{4}-\d{2}-\d{2},3,準備,kojo-prep-01,[^,]+,2,2 一部実施,"予算は来期, ""要確認"""$/,
    );
    expect(lines.find((l) => l.includes('kojo-tech-01'))).toMatch(/,対象外,,$/);

    await page.click('#ck-clear');
    expect(await checked(page, 'kojo-prep-01')).toBe('');
    expect(await page.locator('#ck-gap-count').textContent()).toBe('0');
    expect(await page.locator('#ck-status').innerText()).toContain('消去しました');

    expect(await importFile(page, 'plant.json', json.bytes)).toContain('読み込みました');
    expect(await checked(page, 'kojo-prep-01')).toBe('2');
    expect(await checked(page, 'kojo-tech-01')).toBe('na');
    expect(await page.locator('#ck-overview tr').count()).toBe(2);

    expect(await importFile(page, 'plant.csv', csv.bytes)).toContain('読み込みました');
    expect(await page.locator('#ck-overview tr').count()).toBe(3);
    expect(await checked(page, 'kojo-org-01')).toBe('4');
    expect(await page.inputValue('textarea[name="ck-note-kojo-prep-01"]')).toBe('予算は来期, "要確認"');
  });

  it('refuses a malformed import with a clear message and changes nothing', async () => {
    const page = await open();
    await answer(page);
    const before = await saved(page);
    expect(await importFile(page, 'broken.json', '{\n "kojoAssessment": 1,\n "name": "x",,\n}')).toBe(
      '読み込めませんでした（何も変更していません）：broken.json:3: not valid JSON (export it again from the checklist page)',
    );
    expect(await importFile(page, 'bad.csv', '確認項目ID,レベル\r\nkojo-prep-01,9\r\n')).toBe(
      '読み込めませんでした（何も変更していません）：bad.csv:2: level 9 is above the highest level (5)',
    );
    expect(await page.locator('#ck-status').getAttribute('data-kind')).toBe('error');
    expect(await saved(page)).toBe(before);
    expect(await page.locator('#ck-overview tr').count()).toBe(1);
    expect(await checked(page, 'kojo-prep-01')).toBe('2');
  });

  it("draws each category's mean level in the chart, with the numbers as text, and lists gaps with clauses to read", async () => {
    const page = await open();
    await answer(page);
    expect(await chartValue(page, 'prep')).toBe('1.50');
    expect(await chartValue(page, 'org')).toBe('4.00');
    expect(await chartValue(page, 'tech')).toBe('—');
    const track = Number(
      await page.locator('#ck-chart g[data-category="prep"] .ck-chart__track').getAttribute('width'),
    );
    const bar = Number(
      await page.locator('#ck-chart g[data-category="prep"] rect[data-series="current"]').getAttribute('width'),
    );
    expect(bar).toBeCloseTo((track * 1.5) / 5, 5);
    expect(await page.locator('#ck-score tr[data-category="prep"] [data-slot="average"]').textContent()).toBe('1.50');
    expect(await page.locator('#ck-score tr[data-category="overall"] [data-slot="rated"]').textContent()).toBe(
      '3 / 34',
    );
    expect(await page.locator('#ck-overall').innerText()).toContain('全体の平均レベルは 2.33');

    const gaps = page.locator('#ck-gaps > li:not([hidden])');
    expect(await gaps.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-item')))).toEqual([
      'kojo-prep-03',
      'kojo-prep-01',
    ]);
    expect(await gaps.first().locator('[data-slot="level"]').textContent()).toBe('1 未実施');
    const hrefs = await gaps
      .first()
      .locator('a.clause-ref')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/meti/ch3/#meti-3-step1-factory', '/gutp/ch4/#gutp-4']);
    await gaps.first().locator('a.clause-ref').first().click();
    await page.waitForURL(`${session.origin}/meti/ch3/#meti-3-step1-factory`);
    expect(await page.locator('article#meti-3-step1-factory').count()).toBe(1);
  });

  it('raises the target, keeps several assessments and compares two (before/after)', async () => {
    const page = await open();
    await answer(page);
    await page.selectOption('#ck-target', '4');
    expect(await page.locator('#ck-gap-count').textContent()).toBe('2');
    await page.click('#ck-new');
    await page.fill('#ck-name', '第1工場 改善後');
    await page.check(radio('kojo-prep-01', '4'));
    await page.check(radio('kojo-prep-03', '3'));
    const first = await page.locator('#ck-compare option').nth(1).getAttribute('value');
    await page.selectOption('#ck-compare', first!);
    const row = page.locator('#ck-compare-table tr[data-category="prep"]');
    expect(await row.locator('[data-slot="before"]').textContent()).toBe('1.50');
    expect(await row.locator('[data-slot="after"]').textContent()).toBe('3.50');
    expect(await row.locator('[data-slot="delta"]').textContent()).toBe('+2.00');
    expect(await page.locator('#ck-chart g[data-category="prep"] text[data-series="compare"]').textContent()).toBe(
      '1.50',
    );
    expect(
      await page.locator('#ck-overview tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent)),
    ).toEqual(['評価1', '第1工場 改善後']);
    await page.click('#ck-delete');
    expect(await page.locator('#ck-overview tr').count()).toBe(1);
    await page.click('#ck-undo');
    expect(await page.locator('#ck-overview tr').count()).toBe(2);
  });

  it('offers only the levels whose meaning is sourced, and says why level 5 is not among them', async () => {
    const page = await open();
    const offered = await page.locator('#item-kojo-prep-01 .ck-choice:visible').allInnerTexts();
    expect(offered).toEqual([
      '1 未実施',
      '2 一部実施',
      '3 実施済み',
      '4 実施済みで、管理手順を文書化・自動化し、定期的に対策を見直している',
      '対象外',
      '未回答',
    ]);
    expect(await page.locator('.ck-choice:visible', { hasText: '定義未確認' }).count()).toBe(0);
    const targets = await page
      .locator('#ck-target option:not([hidden])')
      .evaluateAll((os) => os.map((o) => o.textContent));
    expect(targets.join('|')).not.toContain('定義未確認');
    expect(await page.locator('#ck-levels-offered').innerText()).toContain(
      'レベル5は公式の定義が確認できないため、回答の選択肢に含めていません',
    );
  });

  it('can be answered with the keyboard alone: Tab enters an item at its first level, arrows skip no level', async () => {
    const page = await open(390);
    // From the last link of the first item, Tab enters the second item's levels at 1, not at 未回答.
    await page.locator('#item-kojo-prep-01 .ck-links a').last().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('1');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('ck-level-kojo-prep-02');
    await page.keyboard.press('Space');
    expect(await checked(page, 'kojo-prep-02')).toBe('1');
    for (const expected of ['2', '3', '4', 'na', '']) {
      await page.keyboard.press('ArrowRight');
      expect(await checked(page, 'kojo-prep-02')).toBe(expected);
    }
    await page.focus(radio('kojo-ops-01', '1'));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await checked(page, 'kojo-ops-01')).toBe('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('鍵の管理簿あり');
    expect(JSON.parse((await saved(page))!).assessments[0].answers).toEqual([
      { item: 'kojo-ops-01', level: 2, note: '鍵の管理簿あり' },
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('shows every column of the score table and its whole caption on a phone; wide tables scroll in named regions the keyboard reaches', async () => {
    const page = await open(390);
    await answer(page);
    const wrap = page.locator('.ck-table-wrap:has(#ck-score)');
    expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    for (const column of ['対象外', '未回答']) {
      const box = (await page.locator('#ck-score thead th', { hasText: column }).boundingBox())!;
      expect(box.x + box.width, column).toBeLessThanOrEqual(390);
    }
    const caption = page.locator('#ck-score-caption');
    expect(await caption.evaluate((c) => c.scrollWidth <= c.clientWidth)).toBe(true);
    expect(await caption.innerText()).toBe('分類ごとの結果（平均は対象外・未回答を除いた回答の平均）');
    for (const region of await page.locator('.ck-table-wrap').all()) {
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect(await region.getAttribute('role')).toBe('region');
      const name = await region.evaluate(
        (r) => document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      );
      expect(name).not.toBe('');
    }
    // The saved assessments' table is wider than a phone: Tab reaches it and the arrows scroll it.
    const overview = page.locator('.ck-table-wrap:has(.ck-overview)');
    await page.locator('#ck-compare').focus();
    await page.keyboard.press('Tab');
    expect(await overview.evaluate((r) => r === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.ck-table-wrap:has(.ck-overview)')!.scrollLeft > 0);
  });

  it('draws the chart with no grid or target line through a category name', async () => {
    const page = await open();
    await answer(page);
    const crossings = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('#ck-chart')!;
      const lines = [...svg.querySelectorAll<SVGLineElement>('line')].map((l) => l.getBBox());
      return [...svg.querySelectorAll<SVGTextElement>('.ck-chart__label, .ck-chart__scale')].flatMap((t) => {
        const b = t.getBBox();
        return lines
          .filter((l) => l.x >= b.x && l.x <= b.x + b.width && l.y < b.y + b.height && l.y + l.height > b.y)
          .map(() => t.textContent);
      });
    });
    expect(crossings).toEqual([]);
  });
});
