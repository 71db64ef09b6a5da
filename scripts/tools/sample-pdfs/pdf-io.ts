/**
 * What every sample PDF is written with: the Japanese fonts of @embedpdf/fonts-jp, pdfkit's output
 * to a file, and a small image built by hand (a scanned page needs an image, not an image library).
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const fonts = join(import.meta.dirname, '..', '..', '..', 'node_modules', '@embedpdf', 'fonts-jp', 'fonts');

/** A weight of Noto Sans JP: Light, DemiLight, Regular, Medium, Bold, Black. */
export function font(weight: string): string {
  return join(fonts, `NotoSansJP-${weight}.otf`);
}

export function finished(doc: PDFKit.PDFDocument, path: string): Promise<void> {
  const stream = createWriteStream(path);
  doc.pipe(stream);
  return new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
}

/** A small grey PNG (8-bit greyscale), built by hand: the tests need an image, not an image library. */
export function grayPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x * 4 + y * 2) % 256;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
