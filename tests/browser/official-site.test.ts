/**
 * The built site and the licences of the guidelines' own text: METI's (publishable) appears on its
 * chapter pages with page citations and attribution, and answers in the site's search; the GUTP text
 * (the WG's copyright) appears nowhere in the site unless the builder opts in for a private copy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
