/**
 * Failing well (issue 24, part a): another guideline's import, damaged indexes, hostile PDFs, paths
 * that cannot be written, oversized or deeply nested content, and a batch session across a rebuild.
 * Each case holds kojo to one line naming the file, line or argument, exit 1, nothing lost.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metiSpec, writeGuidelinePdf } from '../scripts/tools/sample-pdfs/index.ts';
import { kojo, root, type CliResult } from './helpers/cli.ts';
import { writeOfficial } from './helpers/official.ts';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `kojo-fw-${name}-`));

/** One line on stderr, exit 1, no stack, no internal error. */
const expectOneLine = (r: CliResult, message: RegExp) => {
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\bat .*\.(ts|js):\d+/);
  expect(r.status).toBe(1);
};

/** A content folder holding only guidelines.yml: all an import needs. */
function importContent(): string {
  const content = join(tmp('import'), 'content');
  mkdirSync(content);
  copyFileSync(join(root, 'content', 'guidelines.yml'), join(content, 'guidelines.yml'));
  return content;
}

describe('1. an import never replaces another guideline’s import', () => {
  it('refuses --out naming GUTP’s import for a METI PDF, leaving GUTP’s files as they were', async () => {
    const content = importContent();
    const gutp = writeOfficial(content, 'gutp', [
      { chapter: '1', title: 'はじめに', pages: [3, 4], body: 'GUTPの本文。' },
    ]);
    const before = readdirSync(gutp).map((f) => [f, readFileSync(join(gutp, f), 'utf8')]);
    const pdf = join(content, '..', 'meti.pdf');
    await writeGuidelinePdf(pdf, metiSpec());
    const r = kojo(['import', pdf, '--guideline', 'meti', '--content', content, '--out', gutp]);
    expectOneLine(r, /^kojo: refusing to replace .*official\/gutp: it holds gutp's import, not meti's/);
    expect(readdirSync(gutp).map((f) => [f, readFileSync(join(gutp, f), 'utf8')])).toEqual(before);
  });
});
