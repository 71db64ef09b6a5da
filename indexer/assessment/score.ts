/**
 * What an assessment amounts to: per category and overall, how many items are answered, the mean
 * level of the applicable ones, how many reach the target; the gaps below a target; and the change
 * between two assessments. Pure functions over the checklist data, so the page and `kojo checklist
 * report` can never disagree.
 */
import { NOT_APPLICABLE, type Answer, type Assessment } from './assessment.ts';
import type { ChecklistData, DataItem } from './data.ts';

export interface Tally {
  items: number;
  /** Answered with a level. */
  rated: number;
  notApplicable: number;
  unanswered: number;
  /** Mean level of the rated items, to two decimals; null when none is rated. */
  average: number | null;
  /** Rated items at or above the target level. */
  atTarget: number;
}

export interface CategoryScore extends Tally {
  id: string;
  name: string;
}

export interface Score {
  target: number;
  /** The highest level of the scale (the chart's full length). */
  top: number;
  categories: CategoryScore[];
  overall: Tally;
}

export interface Gap {
  item: DataItem;
  categoryName: string;
  level: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function tally(items: DataItem[], answers: Map<string, Answer>, target: number): Tally {
  const levels = items.map((i) => answers.get(i.id)?.level ?? null);
  const rated = levels.filter((l): l is number => typeof l === 'number');
  return {
    items: items.length,
    rated: rated.length,
    notApplicable: levels.filter((l) => l === NOT_APPLICABLE).length,
    unanswered: levels.filter((l) => l === null).length,
    average: rated.length ? round2(rated.reduce((s, l) => s + l, 0) / rated.length) : null,
    atTarget: rated.filter((l) => l >= target).length,
  };
}

export function answerMap(a: Assessment): Map<string, Answer> {
  return new Map(a.answers.map((x) => [x.item, x]));
}

export function scoreAssessment(data: ChecklistData, a: Assessment, target = a.target): Score {
  const answers = answerMap(a);
  return {
    target,
    top: data.levels.length,
    categories: data.categories.map((c) => ({
      id: c.id,
      name: c.name,
      ...tally(
        data.items.filter((i) => i.category === c.id),
        answers,
        target,
      ),
    })),
    overall: tally(data.items, answers, target),
  };
}

/** Rated items below the target: category by category (the checklist's order), lowest level first. */
export function gapList(data: ChecklistData, a: Assessment, target = a.target): Gap[] {
  const answers = answerMap(a);
  const categoryRank = new Map(data.categories.map((c, i) => [c.id, i]));
  const names = new Map(data.categories.map((c) => [c.id, c.name]));
  return data.items
    .map((item, order) => ({ item, order, level: answers.get(item.id)?.level }))
    .filter(
      (g): g is { item: DataItem; order: number; level: number } => typeof g.level === 'number' && g.level < target,
    )
    .sort(
      (x, y) =>
        (categoryRank.get(x.item.category) ?? 0) - (categoryRank.get(y.item.category) ?? 0) ||
        x.level - y.level ||
        x.order - y.order,
    )
    .map(({ item, level }) => ({ item, level, categoryName: names.get(item.category) ?? item.category }));
}

export interface CategoryChange {
  id: string;
  name: string;
  before: number | null;
  after: number | null;
  /** after − before, when both are rated. */
  delta: number | null;
}

export interface Comparison {
  categories: CategoryChange[];
  overall: Omit<CategoryChange, 'id' | 'name'>;
  /** Items whose answer differs, in checklist order. */
  changed: { item: DataItem; before: Answer['level']; after: Answer['level'] }[];
}

export function compareAssessments(data: ChecklistData, before: Assessment, after: Assessment): Comparison {
  const [a, b] = [scoreAssessment(data, before), scoreAssessment(data, after)];
  const change = (x: number | null, y: number | null) => ({
    before: x,
    after: y,
    delta: x !== null && y !== null ? round2(y - x) : null,
  });
  const [ma, mb] = [answerMap(before), answerMap(after)];
  return {
    categories: a.categories.map((c, i) => ({
      id: c.id,
      name: c.name,
      ...change(c.average, b.categories[i]!.average),
    })),
    overall: change(a.overall.average, b.overall.average),
    changed: data.items
      .map((item) => ({ item, before: ma.get(item.id)?.level ?? null, after: mb.get(item.id)?.level ?? null }))
      .filter((c) => c.before !== c.after),
  };
}
