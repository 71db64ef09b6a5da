/**
 * Generated PDFs are cached by a hash of their layout and of the generator's own source, so the
 * test suite sets each layout once per change of the generator, not once per run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Layout } from './layouts.ts';
import { type Truth, typeset } from './typeset.ts';

export interface SamplePdf {
  path: string;
  truth: Truth;
}

const sources = ['model.ts', 'layouts.ts', 'typeset.ts', 'pdf-io.ts'];

function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of sources) hash.update(readFileSync(join(import.meta.dirname, file)));
  return hash.digest('hex');
}

/** The layout's PDF and its ground truth, from `dir`'s cache or freshly set (default: the OS's temp folder). */
export async function samplePdf(layout: Layout, dir = join(tmpdir(), 'kojo-sample-pdfs')): Promise<SamplePdf> {
  const key = createHash('sha256').update(generatorHash()).update(JSON.stringify(layout)).digest('hex').slice(0, 16);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${layout.name}-${key}.pdf`);
  const truthPath = `${path}.json`;
  if (existsSync(path) && existsSync(truthPath))
    return { path, truth: JSON.parse(readFileSync(truthPath, 'utf8')) as Truth };
  // Written under a temporary name and renamed: a parallel test worker never reads half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  const truth = await typeset(layout, tmp);
  writeFileSync(`${truthPath}.${process.pid}.tmp`, JSON.stringify(truth));
  renameSync(tmp, path);
  renameSync(`${truthPath}.${process.pid}.tmp`, truthPath);
  // Older versions of the same layout are of no further use.
  for (const f of readdirSync(dir))
    if (f.startsWith(`${layout.name}-`) && !f.startsWith(`${layout.name}-${key}`) && !f.endsWith('.tmp'))
      try {
        rmSync(join(dir, f), { force: true });
      } catch {
        // Another worker removed it first.
      }
  return { path, truth };
}
