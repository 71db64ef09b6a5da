/**
 * English summaries (`<guideline>/english.yml`): the project's own English for each clause, read with
 * the clause and checked against the folder's clauses; a result for an English question shows an
 * excerpt of it, while ranking reads the Japanese text as before.
 */
import { describe, expect, it } from 'vitest';
import { loadValidContent } from '../indexer/corpus/node.ts';
import { searchData } from '../indexer/index-format/index.ts';
import { ask, type Searchers } from '../indexer/search/index.ts';
import { passageText } from '../indexer/search/passages.ts';
import { features, lexicalTokens } from '../indexer/text/index.ts';
import { kojo } from './helpers/cli.ts';
import { contentTree } from './helpers/fixture.ts';
import { problemsOf } from './helpers/problems.ts';

const summary = (id: string, text: string) => `- id: ${id}\n  summary: >-\n    ${text}\n`;

describe('english.yml in a guideline folder', () => {
  it('gives each clause it names its summary, and is not a stray file', async () => {
    const dir = contentTree({
      'meti/english.yml': () => summary('meti-3-step1-4', 'Listing the devices and data to protect in an inventory.'),
    });
    expect(await problemsOf(dir)).toEqual([]);
    const corpus = await loadValidContent(dir);
    const clause = corpus.clauses.find((c) => c.id === 'meti-3-step1-4')!;
    expect(clause.summaryEn).toBe('Listing the devices and data to protect in an inventory.');
  });

  it('is listed by kojo list --json with the clause it summarises', () => {
    const dir = contentTree({ 'meti/english.yml': () => summary('meti-3-step1-4', 'Listing what to protect.') });
    const r = kojo(['list', '--json', '--content', dir]);
    expect(r.status).toBe(0);
    const units = JSON.parse(r.stdout).filter((c: { kind: string }) => c.kind === 'unit');
    expect(units.find((c: { id: string }) => c.id === 'meti-3-step1-4').summaryEn).toBe('Listing what to protect.');
    expect(units.find((c: { id: string }) => c.id !== 'meti-3-step1-4')).not.toHaveProperty('summaryEn');
  });

  it("reports a summary of a clause the folder does not define, and a clause's second summary, by line", async () => {
    const dir = contentTree({
      'meti/english.yml': () =>
        summary('meti-3-step1-4', 'One.') + summary('gutp-1', 'Not a METI clause.') + summary('meti-3-step1-4', 'Two.'),
    });
    expect(await problemsOf(dir)).toEqual([
      'meti/english.yml:4 english-unknown-clause',
      'meti/english.yml:7 english-duplicate',
    ]);
  });

  it('warns of markup in a summary, which the page shows as typed', async () => {
    const dir = contentTree({
      'meti/english.yml': () => summary('meti-3-step1-4', 'See [the PDF](https://example.com).'),
    });
    expect(await problemsOf(dir)).toEqual(['meti/english.yml:1 plain-text-markup']);
  });

  it('still reports any other file in a guideline folder', async () => {
    const dir = contentTree({ 'meti/notes.yml': () => summary('meti-3-step1-4', 'One.') });
    expect(await problemsOf(dir)).toEqual(['meti/notes.yml:1 stray-file']);
  });
});

describe('a unit with an English summary, asked in English and in Japanese', async () => {
  const dir = contentTree({
    'meti/english.yml': () =>
      summary(
        'meti-3-step1-4',
        'Step 1 lists the devices and data to protect. The asset inventory is kept up to date.',
      ),
    'glossary/terms.yml': (s) =>
      `${s}- id: inventory\n  term: 台帳\n  en: asset inventory\n  definition: 守るべき機器やデータの一覧。\n`,
  });
  const data = searchData(await loadValidContent(dir));
  const tokens = data.clauses.map((c) => new Set(lexicalTokens(features(passageText(c), data.synonyms))));
  const searchers: Searchers = {
    embedQuery: async () => new Float32Array(4),
    dense: () => [],
    lexical: (ts) =>
      data.clauses
        .map((_, index) => ({ index, score: ts.filter((t) => tokens[index]!.has(t)).length }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score),
  };

  it('is shown, not searched: the words of the summary alone do not find the unit', async () => {
    const clause = data.clauses.find((c) => c.id === 'meti-3-step1-4')!;
    expect(clause.summaryEn).toContain('kept up to date');
    expect(passageText(clause)).not.toContain('kept up to date');
  });

  it('shows an English question an excerpt of the summary, marking the words why names', async () => {
    const [hit] = (await ask('How do we keep an asset inventory?', data, searchers, { guideline: 'meti' })).hits;
    expect(hit).toMatchObject({ id: 'meti-3-step1-4', role: 'answer', snippetLang: 'en' });
    expect(hit!.snippet).toContain('The asset inventory is kept up to date.');
    const marked = hit!.highlights.map(([a, b]) => hit!.snippet.slice(a, b).toLowerCase());
    expect(marked).toContain('asset inventory');
    expect(hit!.why.words).toEqual(['asset inventory']);
  });

  it('shows a Japanese question the Japanese text', async () => {
    const [hit] = (await ask('機器の台帳', data, searchers, { guideline: 'meti' })).hits;
    expect(hit!.id).toBe('meti-3-step1-4');
    expect(hit!.snippetLang).toBeUndefined();
    expect(hit!.snippet).toContain('台帳にまとめます');
  });
});
