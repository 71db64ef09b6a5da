/**
 * What "no close match" reads from a question's words (issue 19): a word one guideline's text lacks is
 * not a sign the question is off topic when the rest of the index (the other guideline, the notes) uses
 * it; a word nothing in the index uses is — a Latin one too when the question is Japanese (Docker,
 * Outlook); and a glossary idea the best clause holds is recorded as evidence.
 */
import { describe, expect, it } from 'vitest';
import type { SearchData } from '../indexer/index-format/index.ts';
import { ask, type Searchers } from '../indexer/search/index.ts';
import { features, lexicalTokens, synonymGroups } from '../indexer/text/index.ts';
import { guidelineEntries, indexedClause } from './helpers/search-data.ts';

const synonyms = synonymGroups([{ id: 'soc', term: 'SOC', aliases: ['セキュリティ監視センター'] }]);

const data: SearchData = {
  guidelines: guidelineEntries(['meti', 'gutp']),
  clauses: [
    indexedClause(0, 'meti', '通信の監視を続け、異常に気づける体制をつくる。'),
    indexedClause(1, 'meti', 'SOCが通信を監視し、報告する。'),
    indexedClause(2, 'meti', '資産の台帳を作る。'),
    indexedClause(3, 'gutp', '監視の業務は外注してもよい。'),
    indexedClause(4, 'gutp', '台帳の整備。'),
  ],
  related: {},
  synonyms,
};

// A lexical searcher over the clauses' own tokens: it knows which clause holds which term, as the index does.
const tokens = data.clauses.map((c) => new Set(lexicalTokens(features(`${c.title} ${c.text}`, synonyms))));
const members = [
  [0, 1, 2],
  [3, 4],
];
const searchers: Searchers = {
  embedQuery: async () => new Float32Array(4),
  dense: (_v, g) => members[g]!.map((index, r) => ({ index, score: 0.1 - r / 100 })),
  lexical: (ts, g) =>
    members[g]!.map((index) => ({ index, score: ts.filter((t) => tokens[index]!.has(t)).length }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score),
};

const coverage = async (q: string) => (await ask(q, data, searchers, { k: 3 })).verdicts.meti!.coverage;

describe('what a question\'s words say about "no close match"', () => {
  it('counts a word the guideline lacks but the index uses as a rare word, not as a sign of another topic', async () => {
    // 外注 is in GUTP only, 請負 nowhere (both one two-kanji word): METI holds 監視 for both questions.
    expect(await coverage('監視の外注')).toBeGreaterThan(await coverage('監視の請負'));
  });

  it('weighs a Latin word nothing uses as unknown in a Japanese question', async () => {
    // Before: Docker weighed as an English question's everyday word, and the question looked as close as 外注's.
    expect(await coverage('Dockerで通信の監視を続けたい')).toBeLessThan(await coverage('外注で通信の監視を続けたい'));
  });

  it('records whether the best clauses hold a glossary idea of the question', async () => {
    const named = await ask('SOCによる監視の体制', data, searchers, { k: 3 });
    expect(named.verdicts.meti!.glossary).toBe(true);
    // GUTP's clauses never name it.
    expect(named.verdicts.gutp!.glossary).toBe(false);
    const plain = await ask('監視の体制', data, searchers, { k: 3 });
    expect(plain.verdicts.meti!.glossary).toBe(false);
  });
});
