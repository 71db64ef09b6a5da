import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const minimalContent = join(import.meta.dirname, '..', 'fixtures', 'minimal-content');

/** A throwaway copy of the minimal content tree, with some files rewritten. */
export function contentTree(edits: Record<string, (source: string) => string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kojo-content-'));
  cpSync(minimalContent, dir, { recursive: true });
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
