/**
 * An exported assessment as the export formats read it: checked to be an assessment of this very
 * checklist (an answer to an item the checklist does not have means it came from another version of
 * it, and exporting it would silently drop answers), and each answer classified once against the
 * assessment's target, so CISO Assistant's CSV and OSCAL's assessment results say the same.
 */
import {
  NOT_APPLICABLE,
  parseAssessmentFile,
  type Assessment,
  type ChecklistData,
  type DataItem,
} from '../assessment/index.ts';
import { KojoError } from '../errors/index.ts';

/** The assessment in an exported file (JSON or CSV), or one line saying why it cannot be exported. */
export function readAssessmentForExport(text: string, file: string, data: ChecklistData): Assessment {
  const parsed = parseAssessmentFile(text, file, data);
  if (!parsed.ok) throw new KojoError('assessment-invalid', parsed.error);
  if (parsed.warnings.length) {
    const items = parsed.warnings.map((w) => /item "([^"]+)"/.exec(w)?.[1] ?? '?');
    throw new KojoError(
      'assessment-invalid',
      `${file}: answers ${items.length} item(s) this checklist does not have (${items.slice(0, 3).join(', ')}${items.length > 3 ? ', …' : ''}): it is an assessment of another version of the checklist; open it on the /checklist/ page of the site it came from, or export it again from this one`,
    );
  }
  return parsed.value;
}

export type AnswerState = 'unanswered' | 'not-applicable' | 'at-target' | 'below-target';

export interface ItemAnswer {
  item: DataItem;
  state: AnswerState;
  /** The level answered, when it is a level. */
  level: number | null;
  note: string;
}

/** Every item of the checklist, in its order, with what the assessment says of it. */
export function itemAnswers(data: ChecklistData, a: Assessment): ItemAnswer[] {
  const answers = new Map(a.answers.map((x) => [x.item, x]));
  return data.items.map((item) => {
    const answer = answers.get(item.id);
    const value = answer?.level ?? null;
    const level = typeof value === 'number' ? value : null;
    const state: AnswerState =
      value === NOT_APPLICABLE
        ? 'not-applicable'
        : level === null
          ? 'unanswered'
          : level >= a.target
            ? 'at-target'
            : 'below-target';
    return { item, state, level, note: answer?.note ?? '' };
  });
}
