import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const minimalContent = join(import.meta.dirname, '..', 'fixtures', 'minimal-content');

/** A throwaway copy of the minimal content tree (or of `base`), with some files rewritten. */
export function contentTree(edits: Record<string, (source: string) => string> = {}, base = minimalContent): string {
  const dir = mkdtempSync(join(tmpdir(), 'kojo-content-'));
  cpSync(base, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    let source = '';
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      // a new file
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, edit(source));
  }
  return dir;
}

/** meti and gutp as in the minimal tree, plus a third guideline (ipa) added as data only. */
export const threeGuidelines = join(import.meta.dirname, '..', 'fixtures', 'three-guidelines');

/** The minimal tree with two reference frameworks (keys fw, sr), a checklist and the crosswalk to both. */
export const crosswalkContent = join(import.meta.dirname, '..', 'fixtures', 'crosswalk');
