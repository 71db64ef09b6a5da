/**
 * The worker thread pdf-thread.ts reads a PDF in: each page is posted as read, then the outline;
 * any failure as a message (a KojoError keeps its code). Ended by the main thread when a page
 * takes too long.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isKojoError } from '../errors/index.ts';
import type { WorkerInput, WorkerMessage } from './pdf-thread.ts';
import { readPdfHere } from './read-pdf.ts';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const { bytes, file, maxPages } = workerData as WorkerInput;
try {
  const doc = await readPdfHere(bytes, file, maxPages, (page, total) => post({ type: 'page', page, total }));
  post({ type: 'done', outline: doc.outline });
} catch (error) {
  post(
    isKojoError(error)
      ? { type: 'error', code: error.code, message: error.message }
      : { type: 'error', message: (error as Error)?.message ?? String(error) },
  );
}
