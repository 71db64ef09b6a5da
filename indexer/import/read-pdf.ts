/**
 * A PDF's text with positions, sizes and weights, and its bookmarks, read with pdfjs-dist (legacy
 * build, the one that runs on Node). CMaps and standard fonts come from the installed package, so
 * Japanese text is read offline.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { KojoError } from '../errors/index.ts';
import { t } from '../wording/index.ts';
import type { Frame, OutlineEntry, SourceDocument, SourcePage, TextRun } from './document.ts';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** How a heading may begin (its numbering or label): only such pages need their drawings read. */
const headingLike = /^(?:[(（【■]?\s*(?:\d|第|ステップ|付録|コラム|appendix|column|目次))/i;

/** Font names that say bold (`NotoSansJP-Bold`, `MS-Gothic,Bold`, `…-W6`). */
const boldName = /bold|black|heavy|semibold|demibold|[-,_ ]w[6-9]\b/i;

/**
 * Bounds on reading a PDF: a file of a few hundred bytes can declare 100,000 pages, and a page of
 * 80 kB can keep pdf.js busy for minutes. A guideline has a few hundred pages, each read in
 * milliseconds, so both bounds are far from any real one.
 */
export const PDF_LIMITS = {
  /** Pages a PDF may have (kojo import --max-pages raises it). */
  maxPages: 2000,
  /** How long one page may take. */
  pageMs: 15_000,
  /** After how many pages `checkStart` looks at the title page. */
  startPages: 2,
} as const;

/**
 * Reads every page in this thread, handing each to `onPage` as it is read (which may throw to stop).
 * pdf.js works synchronously for as long as a page takes: no timer can interrupt it here, so the
 * time budget is kept by running this in a worker thread (pdf-thread.ts).
 */
export async function readPdfHere(
  bytes: Uint8Array,
  file: string,
  maxPages: number,
  onPage: (page: SourcePage, total: number) => void,
): Promise<SourceDocument> {
  const pdf = await open(bytes, file);
  try {
    const total = pdf.numPages;
    if (total > maxPages)
      throw new KojoError('import-unsupported', t('import.tooManyPages', { file, total, maxPages }));
    const pages: SourcePage[] = [];
    for (let n = 1; n <= total; n++) {
      pages.push(await readPage(await pdf.getPage(n)));
      onPage(pages.at(-1)!, total);
    }
    return { kind: 'pdf', pages, outline: await readOutline(pdf) };
  } catch (error) {
    // Whatever pdf.js stumbles on (a circular page tree, arrays nested past the stack) is the file's fault.
    throw unreadable(error, file);
  } finally {
    await pdf.destroy();
  }
}

/** `error` as the one-line refusal of a PDF that cannot be read (a KojoError stays as it is). */
export function unreadable(error: unknown, file: string): unknown {
  if (error instanceof KojoError) return error;
  const reason = (error as Error | null)?.message?.split('\n')[0] || String(error);
  return new KojoError('import-unsupported', t('import.unreadablePdf', { file, reason }));
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
    throw unreadable(error, file);
  }
}

async function readPage(page: PDFPageProxy): Promise<SourcePage> {
  // A tagged PDF says which text is a heading: its structure tree maps marked content to H1–H6.
  const levels = headingContent(await page.getStructTree().catch(() => null));
  const content = await page.getTextContent(levels.size ? { includeMarkedContent: true } : undefined);
  const texts = content.items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
  // The operator list loads the fonts (their names say bold or a heavier weight) and holds the drawn
  // frames and images. Reading it costs as much as the text: only for a page with a font not seen
  // before, with no text (a scan?), or with a line that may be a heading (its frame matters).
  const needsOps =
    !texts.length ||
    texts.some((i) => !page.commonObjs.has(i.fontName)) ||
    texts.some((i) => headingLike.test(i.str.normalize('NFKC').trimStart()));
  const ops = needsOps ? await page.getOperatorList() : { fnArray: [], argsArray: [] };
  const fontName = (f: string) =>
    page.commonObjs.has(f) ? String((page.commonObjs.get(f) as { name?: string }).name ?? '') : '';
  const runs: TextRun[] = [];
  const open: (number | undefined)[] = [];
  for (const item of content.items as (TextItem | TextMarkedContent)[]) {
    if (!('str' in item)) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
        open.push(item.id ? levels.get(item.id) : undefined);
      else if (item.type === 'endMarkedContent') open.pop();
      continue;
    }
    if (item.str.trim() === '') continue;
    const [a, b, c, d, x, y] = item.transform as number[];
    const name = fontName(item.fontName);
    const heading = [...open].reverse().find((l) => l !== undefined);
    runs.push({
      text: item.str,
      x: x!,
      y: y!,
      width: item.width,
      size: Math.hypot(c!, d!) || Math.hypot(a!, b!),
      bold: boldName.test(name),
      ...(name ? { font: name.replace(/^[A-Z]{6}\+/, '') } : {}),
      ...(heading !== undefined ? { heading } : {}),
    });
  }
  const { frames, images } = drawn(ops);
  const [x0, y0, x1, y1] = page.view;
  page.cleanup();
  return {
    number: page.pageNumber,
    height: Math.abs(y1! - y0!),
    width: Math.abs(x1! - x0!),
    runs,
    frames,
    images,
  };
}

/** Marked-content ids of a structure tree's headings (H, H1–H6), with their level (H alone is 1). */
function headingContent(tree: unknown): Map<string, number> {
  const levels = new Map<string, number>();
  type Node = { role?: string; type?: string; id?: string; children?: Node[] };
  const walk = (node: Node, level: number | undefined) => {
    const m = /^H([1-6])?$/.exec(node.role ?? '');
    const here = m ? Number(m[1] ?? 1) : level;
    if (node.type === 'content' && node.id && here !== undefined) levels.set(node.id, here);
    for (const child of node.children ?? []) walk(child, here);
  };
  if (tree) walk(tree as Node, undefined);
  return levels;
}

/** Smaller shapes are rules, underlines, table borders or bullets, not frames around text. */
const MIN_FRAME = { width: 30, height: 12 };

/**
 * Rectangles drawn on the page (each path's bounding box, through the transformation matrices in
 * force) and how many images are painted.
 */
function drawn(ops: { fnArray: number[]; argsArray: unknown[] }): { frames: Frame[]; images: number } {
  type Matrix = [number, number, number, number, number, number];
  const multiply = (m: Matrix, n: Matrix): Matrix => [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const frames: Frame[] = [];
  let images = 0;
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageXObjectRepeat)
      images++;
    else if (fn === OPS.constructPath) {
      const box = args[2] as number[] | undefined;
      if (!box || box.length < 4 || !box.every(Number.isFinite)) return;
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [px, py] of [
        [box[0]!, box[1]!],
        [box[2]!, box[3]!],
        [box[0]!, box[3]!],
        [box[2]!, box[1]!],
      ] as const) {
        xs.push(ctm[0] * px + ctm[2] * py + ctm[4]);
        ys.push(ctm[1] * px + ctm[3] * py + ctm[5]);
      }
      const frame = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      if (frame.x1 - frame.x0 >= MIN_FRAME.width && frame.y1 - frame.y0 >= MIN_FRAME.height) frames.push(frame);
    }
  });
  return { frames, images };
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
