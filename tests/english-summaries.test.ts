/**
 * English summaries (`<guideline>/english.yml`): the project's own English for each clause, read with
 * the clause, checked against the folder's clauses, an index entry of its own that English questions
 * meet and show as an English excerpt, while the unit's Japanese entry answers Japanese questions as before.
 */
import { describe, expect, it } from 'vitest';
import { loadValidContent } from '../indexer/corpus/node.ts';
import { entryRuns, searchData } from '../indexer/index-format/index.ts';
import { ask, type Searchers } from '../indexer/search/index.ts';
import { passageText } from '../indexer/search/passages.ts';
import { features, lexicalTokens } from '../indexer/text/index.ts';
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

describe('an English question and a unit with an English summary', async () => {
  const dir = contentTree({
    'meti/english.yml': () =>
      summary('meti-3-step1-4', 'Step 1 lists the devices and data to protect. The inventory is kept up to date.'),
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

  it('is an entry of its own beside the Japanese one, both part of the unit, linking to the summary', () => {
    const at = data.clauses.findIndex((c) => c.id === 'meti-3-step1-4');
    const [ja, en] = [data.clauses[at]!, data.clauses[at + 1]!];
    expect([ja.unit, en.unit]).toEqual(['meti-3-step1-4', 'meti-3-step1-4']);
    expect(en).toMatchObject({ id: 'meti-3-step1-4-en', lang: 'en', url: '/meti/ch3/#meti-3-step1-4-en' });
    // The Japanese entry is searched as before: no English words added to its text.
    expect(passageText(ja)).not.toContain('inventory');
    expect(entryRuns(data).units).toContainEqual([at, 2]);
  });

  it('answers an English question from the summary: an English excerpt that holds and marks the words why names', async () => {
    const [hit] = (await ask('How do we keep an inventory of devices?', data, searchers, { guideline: 'meti' })).hits;
    expect(hit).toMatchObject({ id: 'meti-3-step1-4-en', unit: 'meti-3-step1-4', role: 'answer', snippetLang: 'en' });
    expect(hit!.snippet).toContain('The inventory is kept up to date.');
    const marked = hit!.highlights.map(([a, b]) => hit!.snippet.slice(a, b).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['devices', 'inventory']));
    for (const w of hit!.why.words) expect(hit!.snippet.toLowerCase()).toContain(w.toLowerCase());
  });

  it('answers a Japanese question from the Japanese text', async () => {
    const [hit] = (await ask('機器の台帳', data, searchers, { guideline: 'meti' })).hits;
    expect(hit!.id).toBe('meti-3-step1-4');
    expect(hit!.snippetLang).toBeUndefined();
    expect(hit!.snippet).toContain('台帳にまとめます');
  });
});
