/** The synthetic corpus the scale benches measure is valid content: kojo check accepts it. */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../indexer/corpus/index.ts';
import { checkContent } from '../indexer/corpus/node.ts';
import { scaledContent } from '../scripts/tools/scale-corpus.ts';

describe('npm run bench -- --scale N', () => {
  it('builds a 3× copy of content/ that passes kojo check, with three times the guidelines', async () => {
    const scaled = await scaledContent('content', 3);
    try {
      const { corpus, problems } = await checkContent(scaled.dir);
      expect(problems.map(formatProblem)).toEqual([]);
      expect(corpus.guidelines.keys).toHaveLength(6);
      expect(corpus.checklist.items.length).toBeGreaterThan(0);
    } finally {
      await scaled.dispose();
    }
  }, 60_000);
});
