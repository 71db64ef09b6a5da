/**
 * Reading a PDF within bounds (Node): pdf.js runs in a worker thread, and the page it is on is given
 * PDF_LIMITS.pageMs before the thread is ended — a hostile page (40,000 unbalanced `q` operators)
 * keeps pdf.js busy synchronously for minutes, which no timer in the same thread can interrupt. The
 * first pages are looked at as soon as they arrive, so a wrong file stops early.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ErrorCode, KojoError } from '../errors/index.ts';
import { t } from '../wording/index.ts';
import type { SourceDocument, SourcePage } from './document.ts';
import { PDF_LIMITS, readPdfHere } from './read-pdf.ts';

export interface ReadPdfOptions {
  onPage?: (done: number, total: number) => void;
  maxPages?: number;
  pageMs?: number;
  /** Called with the first pages once read: throws to stop early (a title page of another document). */
  checkStart?: (pages: SourcePage[], total: number) => void;
}

/** What the worker (pdf-worker.ts) posts: each page as read, then the outline, or the error. */
export type WorkerMessage =
  | { type: 'page'; page: SourcePage; total: number }
  | { type: 'done'; outline: SourceDocument['outline'] }
  | { type: 'error'; code?: ErrorCode; message: string };

export interface WorkerInput {
  bytes: Uint8Array;
  file: string;
  maxPages: number;
}

/**
 * The worker's script beside this module in the CLI bundle (bin/dist/pdf-worker.js); null when run
 * from the TypeScript sources (tests, tools under tsx), whose loader does not reach worker threads:
 * those read in this thread, without the time budget.
 */
function workerScript(): URL | null {
  if (!import.meta.url.endsWith('.js')) return null;
  const url = new URL('./pdf-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export async function readPdf(bytes: Uint8Array, file: string, options: ReadPdfOptions = {}): Promise<SourceDocument> {
  const { onPage, maxPages = PDF_LIMITS.maxPages, pageMs = PDF_LIMITS.pageMs, checkStart } = options;
  const pages: SourcePage[] = [];
  const take = (page: SourcePage, total: number) => {
    pages.push(page);
    onPage?.(pages.length, total);
    if (pages.length === Math.min(PDF_LIMITS.startPages, total)) checkStart?.(pages, total);
  };
  const script = workerScript();
  if (!script) {
    const doc = await readPdfHere(bytes, file, maxPages, take);
    return { ...doc, pages };
  }
  const worker = new Worker(script, { workerData: { bytes, file, maxPages } satisfies WorkerInput });
  return new Promise<SourceDocument>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (error: unknown, doc?: SourceDocument) => {
      clearTimeout(timer);
      void worker.terminate();
      if (doc) resolve(doc);
      else reject(error);
    };
    // Each page (the first with the opening of the file) has its own budget.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const page = pages.length + 1;
        finish(new KojoError('import-unsupported', t('import.pageTooSlow', { file, page, seconds: pageMs / 1000 })));
      }, pageMs);
    };
    arm();
    worker.on('message', (m: WorkerMessage) => {
      try {
        if (m.type === 'page') {
          take(m.page, m.total);
          arm();
        } else if (m.type === 'done') finish(null, { kind: 'pdf', pages, outline: m.outline });
        else finish(m.code ? new KojoError(m.code, m.message) : new Error(m.message));
      } catch (error) {
        finish(error);
      }
    });
    worker.on('error', (error) =>
      finish(
        new KojoError('import-unsupported', t('import.unreadablePdf', { file, reason: error.message.split('\n')[0]! })),
      ),
    );
    worker.on('exit', () => finish(new Error(`the PDF reader of ${file} stopped without an answer`)));
  });
}
