/**
 * Retrieval quality against the evaluation set: for each question, the rank of the first clause
 * that belongs to one of the expected official units, per guideline.
 */
import { z } from 'zod';
import { guidelineKeys, type GuidelineKey } from './schema.ts';
import type { Hit } from './search.ts';

export const EvalQuestion = z.object({
  q: z.string().min(1),
  theme: z.string(),
  meti: z.array(z.coerce.string()).min(1),
  gutp: z.array(z.coerce.string()).min(1),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

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

export function ranksByGuideline(questions: EvalQuestion[], answers: Hit[][]): Record<GuidelineKey, (number | null)[]> {
  const out = { meti: [], gutp: [] } as Record<GuidelineKey, (number | null)[]>;
  questions.forEach((q, i) => {
    for (const g of guidelineKeys) out[g].push(firstRelevantRank(answers[i]!.filter((h) => h.guideline === g), q[g]));
  });
  return out;
}
