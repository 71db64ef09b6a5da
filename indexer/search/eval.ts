/**
 * Retrieval quality against the evaluation set: for each question, the rank of the first clause
 * that belongs to one of the expected official units, per guideline.
 */
import { z } from 'zod';
import type { Hit } from './ask.ts';

/**
 * A question and, under each guideline's key, the official units that should answer it
 * (`meti: [ステップ2-2]`): the file stays readable, and a new guideline is a new key.
 */
export const EvalQuestion = z
  .object({ q: z.string().min(1), theme: z.string() })
  .catchall(z.array(z.coerce.string()).min(1))
  .transform(({ q, theme, ...expect }) => ({ q, theme, expect: expect as Record<string, string[]> }));
export type EvalQuestion = z.output<typeof EvalQuestion>;

/** A clause answers for unit U when it sits in U: its chapter or section is U, or its section is a sub-step of U. */
export function inUnit(hit: Pick<Hit, 'chapter' | 'section'>, unit: string): boolean {
  return hit.chapter === unit || hit.section === unit || hit.section.startsWith(`${unit}-`);
}

/** 1-based rank of the first hit inside an expected unit, or null. */
export function firstRelevantRank(hits: Hit[], units: string[]): number | null {
  const i = hits.findIndex((h) => units.some((u) => inUnit(h, u)));
  return i < 0 ? null : i + 1;
}

export interface Metrics {
  hit1: number;
  hit3: number;
  mrr: number;
}

export function metrics(ranks: (number | null)[]): Metrics {
  const n = ranks.length || 1;
  return {
    hit1: ranks.filter((r) => r !== null && r <= 1).length / n,
    hit3: ranks.filter((r) => r !== null && r <= 3).length / n,
    mrr: ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n,
  };
}

/** Per guideline, the rank of the first relevant hit of every question that names that guideline. */
export function ranksByGuideline(guidelines: readonly string[], questions: EvalQuestion[], answers: Hit[][]): Map<string, (number | null)[]> {
  const out = new Map(guidelines.map((g) => [g, [] as (number | null)[]]));
  questions.forEach((q, i) => {
    for (const [g, ranks] of out) {
      const units = q.expect[g] ?? [];
      if (units.length) ranks.push(firstRelevantRank((answers[i] ?? []).filter((h) => h.guideline === g), units));
    }
  });
  return out;
}
