import { describe, expect, it } from 'vitest';
import { relatedIndex } from '../indexer/corpus/index.ts';
import { isKojoError } from '../indexer/errors/index.ts';
import type { SearchData } from '../indexer/index-format/index.ts';
import { ask, reciprocalRankFusion, type Searchers } from '../indexer/search/index.ts';
import { synonymGroups } from '../indexer/text/index.ts';
import { guidelineEntries, indexedClause } from './helpers/search-data.ts';

describe('reciprocal rank fusion', () => {
  it('rewards agreement between rankings over a single high rank', () => {
    const fused = reciprocalRankFusion([
      [
        { index: 1, score: 0.9 },
        { index: 2, score: 0.8 },
        { index: 3, score: 0.1 },
      ],
      [
        { index: 4, score: 13 },
        { index: 2, score: 12 },
        { index: 3, score: 11 },
      ],
    ]);
    expect(fused.map((r) => r.index)).toEqual([2, 3, 1, 4]);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 62);
  });
});

describe('related clauses', () => {
  it('reads mappings in both directions, inverting subset/superset', () => {
    const related = relatedIndex([
      {
        from: 'meti-a',
        to: 'gutp-b',
        level: 'clause',
        relationship: 'subset-of',
        rationale: 'r',
        confidence: 'inferred',
      },
      {
        from: 'meti:1',
        to: null,
        level: 'chapter',
        relationship: 'no-counterpart',
        rationale: 'r',
        confidence: 'inferred',
      },
    ]);
    expect(related['meti-a']).toEqual([
      { id: 'gutp-b', relationship: 'subset-of', rationale: 'r', confidence: 'inferred' },
    ]);
    expect(related['gutp-b']).toEqual([
      { id: 'meti-a', relationship: 'superset-of', rationale: 'r', confidence: 'inferred' },
    ]);
  });
});

describe('grouping', () => {
  const clause = (i: number, guideline: string) => indexedClause(i, guideline, `本文${i} 端末`);
  const data: SearchData = {
    guidelines: guidelineEntries(['meti', 'gutp']),
    clauses: [...[0, 1, 2, 3].map((i) => clause(i, 'meti')), ...[4, 5, 6].map((i) => clause(i, 'gutp'))],
    related: { 'meti-c1': [{ id: 'gutp-c5', relationship: 'equal', rationale: '', confidence: 'inferred' }] },
    synonyms: [],
  };
  const rank = (ids: number[]) => ids.map((index, r) => ({ index, score: 1 - r / 10 }));
  // Groups are positions in the index's view: 0 is METI, 1 GUTP (registry order), 2 a third guideline.
  const searchers: Searchers = {
    embedQuery: async () => new Float32Array(4),
    dense: (_v, g) => (g === 0 ? rank([1, 0, 2]) : rank([5])),
    // The lexical side finds nothing in GUTP: the guideline must still answer.
    lexical: (_t, g) => (g === 0 ? rank([1, 3]) : []),
  };

  it('answers from both guidelines, best first, with counterparts', async () => {
    const answer = await ask('古い端末はどうすればいい？', data, searchers, { k: 2 });
    expect(answer.normalizedQuery).toBe('古い端末');
    expect(answer.hits.map((h) => h.id)).toEqual(['meti-c1', 'meti-c0', 'gutp-c5', 'gutp-c4']);
    // A counterpart as a result shows it: its place, title and link, from the answer alone.
    expect(answer.hits[0]!.related).toEqual([
      {
        id: 'gutp-c5',
        relationship: 'equal',
        guideline: 'gutp',
        chapter: '1',
        section: '1',
        title: '条項5',
        url: '/gutp/ch1/#gutp-c5',
      },
    ]);
  });

  it('limits to one guideline when asked', async () => {
    const answer = await ask('端末', data, searchers, { k: 3, guideline: 'gutp' });
    expect(new Set(answer.hits.map((h) => h.guideline))).toEqual(new Set(['gutp']));
  });

  it('rejects a question with nothing to search for, with a code the views branch on', async () => {
    for (const q of ['？？ 　', 'の？']) {
      const error = await ask(q, data, searchers).catch((e: unknown) => e);
      expect(isKojoError(error, 'empty-question'), q).toBe(true);
    }
  });

  it('answers for every guideline the index lists, in its order', async () => {
    const three: SearchData = {
      ...data,
      guidelines: guidelineEntries(['meti', 'gutp', 'ipa']),
      clauses: [...data.clauses, clause(7, 'ipa')],
    };
    const answer = await ask(
      '端末',
      three,
      { ...searchers, dense: (_v, g) => (g === 2 ? rank([7]) : searchers.dense(_v, g, 2)) },
      { k: 1 },
    );
    expect(answer.hits.map((h) => h.guideline)).toEqual(['meti', 'gutp', 'ipa']);
  });
});

describe('fusion ties', () => {
  it('breaks an exact rank tie by how clearly each ranking preferred the candidates', () => {
    // Dense: 1 and 2 nearly tied; BM25: 2 far ahead of 1. Ranks alone tie; the scores do not.
    const fused = reciprocalRankFusion([
      [
        { index: 1, score: 0.18 },
        { index: 2, score: 0.179 },
      ],
      [
        { index: 2, score: 418 },
        { index: 1, score: 89 },
      ],
    ]);
    expect(fused.map((r) => r.index)).toEqual([2, 1]);
    expect(fused[0]!.score).toBe(fused[1]!.score);
  });
});

describe('why a result matched', () => {
  it('names a glossary idea by the spelling the question used when the text holds it, not by another that comes first', async () => {
    const synonyms = synonymGroups([{ id: 'remote', term: 'リモート保守', aliases: ['遠隔監視', '踏み台サーバ'] }]);
    const data: SearchData = {
      guidelines: guidelineEntries(['meti']),
      clauses: [indexedClause(0, 'meti', '遠隔監視や踏み台サーバを使う保守の接続は、承認して記録する。')],
      related: {},
      synonyms,
    };
    const searchers: Searchers = {
      embedQuery: async () => new Float32Array(4),
      dense: () => [{ index: 0, score: 0.1 }],
      lexical: () => [{ index: 0, score: 1 }],
    };
    const [hit] = (await ask('踏み台サーバの運用', data, searchers, { k: 1 })).hits;
    expect(hit!.why).toMatchObject({ words: ['踏み台サーバ'], synonyms: [] });
    const [other] = (await ask('リモート保守の運用', data, searchers, { k: 1 })).hits;
    expect(other!.why.synonyms).toEqual([{ asked: 'リモート保守', found: '遠隔監視' }]);
  });
});
