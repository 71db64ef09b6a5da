/**
 * Retrieval quality against the evaluation set: for each question, the rank of the first clause
 * that belongs to one of the expected official units, per guideline.
 */
import { z } from 'zod';
import type { Hit } from './ask.ts';

/**
 * A question and, under each guideline's key, the official units that should answer it
 * (`meti: [ステップ2-2]`): the file stays readable, and a new guideline is a new key. A question
 * with no guideline key is out of scope: every guideline should answer "no close match".
 */
export const EvalQuestion = z
  .object({ q: z.string().min(1), theme: z.string(), faq: z.string().optional() })
  .catchall(z.array(z.coerce.string()).min(1))
  .transform(({ q, theme, faq, ...expect }) => ({ q, theme, faq, expect: expect as Record<string, string[]> }));

export const isOutOfScope = (q: EvalQuestion) => Object.keys(q.expect).length === 0;
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
export function ranksByGuideline(
  guidelines: readonly string[],
  questions: EvalQuestion[],
  answers: Hit[][],
): Map<string, (number | null)[]> {
  const out = new Map(guidelines.map((g) => [g, [] as (number | null)[]]));
  questions.forEach((q, i) => {
    for (const [g, ranks] of out) {
      const units = q.expect[g] ?? [];
      if (units.length)
        ranks.push(
          firstRelevantRank(
            (answers[i] ?? []).filter((h) => h.guideline === g),
            units,
          ),
        );
    }
  });
  return out;
}

export interface NoMatchMetrics {
  precision: number;
  recall: number;
  /** Out-of-scope questions and answerable ones counted for this guideline. */
  outOfScope: number;
  answerable: number;
  /** Answerable questions wrongly told "no close match". */
  falseNoMatch: number;
}

/**
 * How well "no close match" is said for one guideline: over the out-of-scope questions (which should
 * get it) and the questions naming this guideline's units (which should not).
 */
export function noMatchMetrics(guideline: string, questions: EvalQuestion[], noMatch: boolean[]): NoMatchMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let outOfScope = 0;
  let answerable = 0;
  questions.forEach((q, i) => {
    const said = noMatch[i] ?? false;
    if (isOutOfScope(q)) {
      outOfScope++;
      if (said) tp++;
      else fn++;
    } else if (q.expect[guideline]) {
      answerable++;
      if (said) fp++;
    }
  });
  return {
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    outOfScope,
    answerable,
    falseNoMatch: fp,
  };
}

/**
 * How well the FAQ entry is picked: precision over the labelled and out-of-scope questions it was
 * shown for (right entry / shown), recall over the labelled ones; shows for answerable questions
 * without a label are counted apart (often a near entry, not wrong).
 */
export function faqMetrics(
  questions: EvalQuestion[],
  shown: (string | null)[],
): { precision: number; recall: number; labelled: number; unlabelled: number } {
  let right = 0;
  let wrong = 0;
  let unlabelled = 0;
  const labelled = questions.filter((q) => q.faq).length;
  questions.forEach((q, i) => {
    const id = shown[i];
    if (!id) return;
    if (q.faq) id === q.faq ? right++ : wrong++;
    else if (isOutOfScope(q)) wrong++;
    else unlabelled++;
  });
  return {
    precision: right + wrong ? right / (right + wrong) : 1,
    recall: labelled ? right / labelled : 1,
    labelled,
    unlabelled,
  };
}

/** A question's closeness figure (confidence.ts) for one guideline, and whether it should get "no close match". */
export interface CalibrationPoint {
  score: number;
  outOfScope: boolean;
  guideline: string;
}

export interface ThresholdChoice {
  threshold: number;
  /** Share of out-of-scope points below it (all guidelines), and the highest share of a guideline's answerable points below it (false "no close match"). */
  recall: number;
  falseRate: number;
}

/** What a threshold gives on the points: "no close match" below it. */
export function atThreshold(points: CalibrationPoint[], threshold: number): ThresholdChoice {
  const below = (ps: CalibrationPoint[]) => ps.filter((p) => p.score < threshold).length / (ps.length || 1);
  const guidelines = [...new Set(points.map((p) => p.guideline))];
  return {
    threshold,
    recall: below(points.filter((p) => p.outOfScope)),
    falseRate: Math.max(0, ...guidelines.map((g) => below(points.filter((p) => !p.outOfScope && p.guideline === g)))),
  };
}

/**
 * The "no close match" threshold the points support: the one with the highest recall while every
 * guideline's false no-match rate stays within `maxFalse`, placed in the middle of the gap between the
 * scores it separates (so it does not hug the tuning set's last answerable question); among equal
 * recalls, the widest gap.
 */
export function chooseThreshold(points: CalibrationPoint[], maxFalse: number): ThresholdChoice {
  const scores = [...new Set(points.map((p) => p.score))].sort((a, b) => a - b);
  let best = atThreshold(points, scores[0] ?? 0);
  let bestGap = 0;
  for (let i = 0; i + 1 < scores.length; i++) {
    const gap = scores[i + 1]! - scores[i]!;
    const c = atThreshold(points, (scores[i]! + scores[i + 1]!) / 2);
    if (c.falseRate > maxFalse) continue;
    if (c.recall > best.recall || (c.recall === best.recall && gap > bestGap)) {
      best = c;
      bestGap = gap;
    }
  }
  return best;
}
