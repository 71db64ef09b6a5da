/**
 * The page's saved state in localStorage: every assessment the user keeps in this browser, which one
 * is open, which one it is compared with. Versioned: `readStoredState` upgrades an older layout step by
 * step through `migrations`, and refuses a newer or unreadable one without touching it, so opening an
 * old page never destroys what a newer page saved.
 */
import { z } from 'zod';
import { t } from '../wording/checklist-storage.ts';
import { Assessment } from './assessment.ts';

export const STORAGE_KEY = 'kojo-checklist';
export const STORAGE_VERSION = 1;

export const StoredAssessment = Assessment.extend({ id: z.string().min(1) });
export type StoredAssessment = z.infer<typeof StoredAssessment>;

export const StoredState = z.object({
  version: z.literal(STORAGE_VERSION),
  current: z.string().nullable(),
  compareWith: z.string().nullable().default(null),
  assessments: z.array(StoredAssessment),
});
export type StoredState = z.infer<typeof StoredState>;

/**
 * Upgrades from version n to n + 1, keyed by n. Version 1 is the first layout; when the layout
 * changes, bump STORAGE_VERSION and add the step from the previous one here.
 */
export const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export type StoredRead =
  | { ok: true; state: StoredState; migrated: boolean }
  | { ok: false; reason: 'newer' | 'invalid'; message: string };

export function emptyState(): StoredState {
  return { version: STORAGE_VERSION, current: null, compareWith: null, assessments: [] };
}

/** The saved text (null when nothing is saved) as the current layout. */
export function readStoredState(text: string | null, steps = migrations): StoredRead {
  if (text === null) return { ok: true, state: emptyState(), migrated: false };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid', message: t('checklist.storage.broken') };
  }
  let value = raw as Record<string, unknown>;
  const from = typeof value?.version === 'number' ? value.version : NaN;
  if (from > STORAGE_VERSION) {
    return {
      ok: false,
      reason: 'newer',
      message: t('checklist.storage.newer'),
    };
  }
  for (let v = from; v < STORAGE_VERSION; v++) {
    const step = steps[v];
    if (!step) return { ok: false, reason: 'invalid', message: t('checklist.storage.unknownLayout') };
    value = { ...step(value), version: v + 1 };
  }
  const parsed = StoredState.safeParse(value);
  return parsed.success
    ? { ok: true, state: parsed.data, migrated: from !== STORAGE_VERSION }
    : { ok: false, reason: 'invalid', message: t('checklist.storage.unknownLayout') };
}
