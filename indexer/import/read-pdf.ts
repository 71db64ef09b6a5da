/**
 * A PDF's text with positions, sizes and weights, and its bookmarks, read with pdfjs-dist (legacy
 * build, the one that runs on Node). CMaps and standard fonts come from the installed package, so
 * Japanese text is read offline.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { KojoError } from '../errors/index.ts';
import type { OutlineEntry, SourceDocument, SourcePage, TextRun } from './document.ts';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Font names that say bold (`NotoSansJP-Bold`, `MS-Gothic,Bold`, `…-W6`). */
const boldName = /bold|black|heavy|semibold|demibold|[-,_ ]w[6-9]\b/i;

export async function readPdf(
  bytes: Uint8Array,
  file: string,
  onPage?: (done: number, total: number) => void,
): Promise<SourceDocument> {
  const pdf = await open(bytes, file);
  try {
    const pages: SourcePage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      pages.push(await readPage(await pdf.getPage(n)));
      onPage?.(n, pdf.numPages);
    }
    return { kind: 'pdf', pages, outline: await readOutline(pdf) };
  } finally {
    await pdf.destroy();
  }
}

async function open(bytes: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({
      // pdfjs takes the buffer over: give it a copy, the caller still hashes the bytes.
      data: new Uint8Array(bytes),
      cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'PasswordException')
      throw new KojoError(
        'import-encrypted',
        `${file} is encrypted (password-protected): open it in a PDF viewer and save or print an unprotected copy, then import that`,
      );
    if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException')
      throw new KojoError('import-unsupported', `${file} is not a readable PDF (${(error as Error).message})`);
    throw error;
  }
}

async function readPage(page: PDFPageProxy): Promise<SourcePage> {
  const content = await page.getTextContent();
  const items = content.items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
  // Font names are known to the page once its fonts are loaded; load them only for a font not seen before.
  const fonts = [...new Set(items.map((i) => i.fontName))];
  if (fonts.some((f) => !page.commonObjs.has(f))) await page.getOperatorList();
  const bold = new Map(
    fonts.map((f) => [
      f,
      page.commonObjs.has(f) && boldName.test(String((page.commonObjs.get(f) as { name?: string }).name ?? '')),
    ]),
  );
  const runs: TextRun[] = items.map((i) => {
    const [a, b, c, d, x, y] = i.transform as number[];
    return {
      text: i.str,
      x: x!,
      y: y!,
      width: i.width,
      size: Math.hypot(c!, d!) || Math.hypot(a!, b!),
      bold: bold.get(i.fontName) ?? false,
    };
  });
  const [, y0, , y1] = page.view;
  page.cleanup();
  return { number: page.pageNumber, height: Math.abs(y1! - y0!), runs };
}

async function readOutline(pdf: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = [];
  type Item = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];
  const walk = async (items: Item[], depth: number) => {
    for (const item of items) {
      entries.push({ title: item.title, page: await destinationPage(pdf, item.dest), depth });
      await walk(item.items ?? [], depth + 1);
    }
  };
  await walk((await pdf.getOutline()) ?? [], 0);
  return entries;
}

/** A bookmark's page, 1-based; null when it has no destination in the file (a link, a broken one). */
async function destinationPage(pdf: PDFDocumentProxy, dest: string | unknown[] | null): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    const ref = explicit?.[0];
    if (typeof ref === 'number') return ref + 1;
    if (ref && typeof ref === 'object')
      return (await pdf.getPageIndex(ref as Parameters<PDFDocumentProxy['getPageIndex']>[0])) + 1;
  } catch {
    // An unresolvable destination is a bookmark without a page, not a failed import.
  }
  return null;
}
