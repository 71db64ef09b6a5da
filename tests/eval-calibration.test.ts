import { describe, expect, it } from 'vitest';
import { atThreshold, chooseThreshold, type CalibrationPoint } from '../indexer/search/index.ts';

const point = (score: number, outOfScope: boolean, guideline = 'meti'): CalibrationPoint => ({
  score,
  outOfScope,
  guideline,
});

describe('the "no close match" calibration (npm run eval)', () => {
  it('takes the highest recall that keeps false no-match within the target, in the middle of its gap', () => {
    const points = [
      ...[0.3, 0.4, 0.5, 0.6].map((s) => point(s, false)),
      ...[0.0, 0.05, 0.1, 0.35].map((s) => point(s, true)),
    ];
    const c = chooseThreshold(points, 0);
    // 0.35 sits among the answerable ones: taking it would wrongly say "no close match" to 0.3.
    expect(c.threshold).toBeCloseTo(0.2);
    expect(c.recall).toBe(0.75);
    expect(c.falseRate).toBe(0);
  });

  it('holds every guideline to the false no-match target, not their pool', () => {
    const points = [
      point(0.1, false, 'meti'),
      ...[0.5, 0.6, 0.7].map((s) => point(s, false, 'meti')),
      ...[0.5, 0.6, 0.7, 0.8].map((s) => point(s, false, 'gutp')),
      point(0.2, true, 'meti'),
      point(0.05, true, 'gutp'),
    ];
    // Pooled, one of eight answerable below 0.3 is 0.125; meti's own share is 0.25.
    expect(atThreshold(points, 0.3).falseRate).toBe(0.25);
    const c = chooseThreshold(points, 0.2);
    expect(c.threshold).toBeLessThan(0.1);
    expect(c.falseRate).toBe(0);
    expect(c.recall).toBe(0.5);
  });
});
