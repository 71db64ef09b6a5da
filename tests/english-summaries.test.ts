/**
 * English summaries (`<guideline>/english.yml`): the project's own English for each clause, read with
 * the clause, checked against the folder's clauses, searched by English questions and shown as an
 * English excerpt — never standing in for the Japanese one of a Japanese question.
 */
import { describe, expect, it } from 'vitest';
import { loadValidContent } from '../indexer/corpus/node.ts';
import type { SearchData } from '../indexer/index-format/index.ts';
import { ask, type Searchers } from '../indexer/search/index.ts';
import { passageText } from '../indexer/search/passages.ts';
import { features, lexicalTokens, synonymGroups } from '../indexer/text/index.ts';
import { contentTree } from './helpers/fixture.ts';
import { problemsOf } from './helpers/problems.ts';
import { guidelineEntries, indexedClause } from './helpers/search-data.ts';

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
    expect(passageText(clause)).toContain('devices and data to protect');
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

  it('still reports any other file in a guideline folder', async () => {
    const dir = contentTree({ 'meti/notes.yml': () => summary('meti-3-step1-4', 'One.') });
    expect(await problemsOf(dir)).toEqual(['meti/notes.yml:1 stray-file']);
  });
});

describe('an English question and a unit with an English summary', () => {
  const synonyms = synonymGroups([]);
  const data: SearchData = {
    guidelines: guidelineEntries(['meti']),
    clauses: [
      {
        ...indexedClause(0, 'meti', '守るべき機器やデータを洗い出し、台帳にまとめます。'),
        summaryEn: 'Step 1 lists the devices and data to protect. The inventory is kept up to date.',
      },
      indexedClause(1, 'meti', 'ゾーンごとに対策の優先度を決めます。'),
    ],
    related: {},
    synonyms,
  };
  const tokens = data.clauses.map((c) => new Set(lexicalTokens(features(passageText(c), synonyms))));
  const searchers: Searchers = {
    embedQuery: async () => new Float32Array(4),
    dense: () => [
      { index: 0, score: 0.1 },
      { index: 1, score: 0.09 },
    ],
    lexical: (ts) =>
      [0, 1]
        .map((index) => ({ index, score: ts.filter((t) => tokens[index]!.has(t)).length }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score),
  };

  it('answers from the summary: an English excerpt that holds and marks the words why names', async () => {
    const [hit] = (await ask('How do we keep an inventory of devices?', data, searchers, { k: 2 })).hits;
    expect(hit!.id).toBe('meti-c0');
    expect(hit!.role).toBe('answer');
    expect(hit!.snippetLang).toBe('en');
    expect(hit!.snippet).toContain('The inventory is kept up to date.');
    const marked = hit!.highlights.map(([a, b]) => hit!.snippet.slice(a, b).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['devices', 'inventory']));
    for (const w of hit!.why.words) expect(hit!.snippet.toLowerCase()).toContain(w.toLowerCase());
  });

  it('keeps the Japanese excerpt for a Japanese question', async () => {
    const [hit] = (await ask('機器の台帳', data, searchers, { k: 2 })).hits;
    expect(hit!.id).toBe('meti-c0');
    expect(hit!.snippetLang).toBeUndefined();
    expect(hit!.snippet).toContain('台帳にまとめます');
  });
});
