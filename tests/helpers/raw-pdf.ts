/**
 * Small hand-written PDFs, byte by byte, for the hostile cases of kojo import (issue 24): a page of
 * 40,000 unbalanced `q` operators, a page tree of 100,000 pages in a few hundred bytes, a circular
 * page tree, arrays nested 100,000 deep. Written by the tests themselves rather than committed.
 */
import { writeFileSync } from 'node:fs';

/** A PDF of these objects (object i+1 is objects[i]; object 1 is the catalog), with a correct xref. */
export function rawPdf(objects: string[]): Buffer {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content: string) =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const text = 'BT /F1 24 Tf 72 720 Td (Hostile) Tj ET';

/** One page whose content stream is `content`. */
export function onePage(content: string): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    font,
  ]);
}

export const hostilePdfs = {
  /** 40,000 `q` (save state) never restored, before some text: pdf.js takes minutes over it. */
  unbalancedSaves: () => onePage(`${'q '.repeat(40_000)}${text}`),
  /** Arrays nested 100,000 deep in the page's dictionary: a recursive parser runs out of stack. */
  deepArrays: () =>
    rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep ${'['.repeat(100_000)}${']'.repeat(100_000)} /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
      stream(text),
      font,
    ]),
  /** A page tree whose node is its own kid. */
  circularTree: () =>
    rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    ]),
  /** 100,000 pages in a few hundred bytes: five levels of ten kids, all the same node, over one page. */
  manyPages: () => {
    const kids = (ref: number) => Array(10).fill(`${ref} 0 R`).join(' ');
    return rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      ...[2, 3, 4, 5, 6].map((n) => `<< /Type /Pages /Kids [${kids(n + 1)}] /Count ${10 ** (7 - n)} >>`),
      '<< /Type /Page /Parent 6 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 9 0 R >> >> /Contents 8 0 R >>',
      stream(text),
      font,
    ]);
  },
};

export function writeHostilePdf(path: string, kind: keyof typeof hostilePdfs): string {
  writeFileSync(path, hostilePdfs[kind]());
  return path;
}
