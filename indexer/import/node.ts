/**
 * Reading the file a user holds (PDF or plain text) and writing the import folder (Node only).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { errnoCode, KojoError, osError } from '../errors/index.ts';
import type { SourceDocument } from './document.ts';
import { readPdf, type ReadPdfOptions } from './pdf-thread.ts';
import { PDF_LIMITS } from './read-pdf.ts';

export { PDF_LIMITS, type ReadPdfOptions };
import { readText } from './read-text.ts';
import type { SourceFile } from './write.ts';

export * from './index.ts';
export {
  assertImportTarget,
  importFiles,
  importFolderOf,
  isImportFolder,
  pageMap,
  writeImport,
  checkImport,
  type ChecklistImport,
  type SourceFile,
} from './write.ts';

export interface ReadSource {
  document: SourceDocument;
  source: SourceFile;
}

/**
 * Reads a PDF or a UTF-8 text file into a source document, with the file's SHA-256. Refuses (one
 * line, KojoError) anything else, an encrypted PDF and a PDF without a text layer.
 */
export async function readSource(path: string, options: ReadPdfOptions = {}): Promise<ReadSource> {
  const bytes = await readFile(path).catch((error: unknown) => {
    // A file the user named that is not there is their mistake, not a bug.
    if (errnoCode(error) === 'ENOENT') throw new KojoError('usage', `cannot read ${path}: no such file`);
    throw osError(error, 'read', path, { code: 'usage' });
  });
  const source = {
    file: basename(path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
  const document = isPdf(bytes) ? await readPdf(bytes, path, options) : readText(decodeText(bytes, path));
  const chars = document.pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.trim().length, 0), 0);
  if (!chars) {
    throw document.kind === 'pdf'
      ? new KojoError(
          'import-scanned',
          `${path} has no text layer (scanned: run OCR first, e.g. ocrmypdf, then import the result)`,
        )
      : new KojoError('import-unsupported', `${path} holds no text`);
  }
  return { document, source };
}

/** The PDF header may follow a little junk (the format allows it within the first kilobyte). */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

function decodeText(bytes: Uint8Array, path: string): string {
  const refuse = () =>
    new KojoError(
      'import-unsupported',
      `${path} is neither a PDF nor a UTF-8 text file (text in another encoding: save it as UTF-8)`,
    );
  if (bytes.includes(0)) throw refuse();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse();
  }
}
