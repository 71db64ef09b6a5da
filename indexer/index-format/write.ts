/**
 * Writes an index folder atomically — readers see the previous index or the new one, never half —
 * with the browser export inside it. The one writer of every file schema.ts describes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { refuseForeign, writeDirAtomically, type Recognise } from './atomic-dir.ts';
import { browserFiles, EmbedderState, indexFiles, type BrowserExport, type IndexContents, type Manifest } from './schema.ts';

export interface IndexParts extends Omit<IndexContents, 'manifest'> {
  manifest: Manifest;
  vectors: Float32Array[];
  /** int8 rows and one scale per row, for the browser. */
  quantized: { bytes: Int8Array; scales: number[] };
  /** Writes the HNSW graph to a path (hnswlib serialises itself). */
  writeHnsw(path: string): void;
}

/** Refuses, before any work, a path that is not an index folder this project wrote (or empty). */
export function assertIndexTarget(dir: string): void {
  refuseForeign(dir, isIndexFolder, indexFiles.manifest);
}

/** Files an index folder may hold, this format's and earlier ones' (`builtin.json`). */
const indexEntries = new Set<string>([...Object.values(indexFiles), 'builtin.json']);

/**
 * A folder kojo wrote as an index: nothing but index files, and a manifest that says so. A
 * `manifest.json` alone is common (web apps, extensions) and proves nothing.
 */
const isIndexFolder: Recognise = (entries, dir) => {
  if (!entries.includes(indexFiles.manifest) || !entries.every((e) => indexEntries.has(e))) return false;
  try {
    return typeof JSON.parse(readFileSync(join(dir, indexFiles.manifest), 'utf8'))?.formatVersion === 'number';
  } catch {
    return false;
  }
};

export async function writeIndex(dir: string, parts: IndexParts): Promise<void> {
  const { manifest, data, vectors, quantized } = parts;
  const lexicalJson = JSON.stringify(parts.lexical);
  // Checked against the format here too: a writer producing what the reader refuses is a bug to catch at build time.
  const embedderState = EmbedderState.nullable().parse(parts.embedderState);
  const { dimension } = manifest.embedder;
  const flat = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => flat.set(v, i * dimension));
  await writeDirAtomically(dir, indexFiles.manifest, async (tmp) => {
    const browser = join(tmp, indexFiles.browser);
    await mkdir(browser);
    parts.writeHnsw(join(tmp, indexFiles.hnsw));
    await writeFile(join(tmp, indexFiles.vectors), new Uint8Array(flat.buffer));
    await writeFile(join(tmp, indexFiles.data), JSON.stringify(data));
    if (embedderState !== null) await writeFile(join(tmp, indexFiles.embedderState), JSON.stringify(embedderState));
    await writeFile(join(tmp, indexFiles.lexical), lexicalJson);
    await writeFile(join(browser, browserFiles.lexical), lexicalJson);
    await writeFile(join(browser, browserFiles.vectors), new Uint8Array(quantized.bytes.buffer));
    const { contentDir: _private, ...published } = manifest;
    const exported: BrowserExport = { manifest: published, data, embedderState, scales: quantized.scales };
    await writeFile(join(browser, browserFiles.data), JSON.stringify(exported));
    await writeFile(join(tmp, indexFiles.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  }, isIndexFolder, 'index');
}
