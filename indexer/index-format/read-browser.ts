/**
 * Reads a browser export (fetch, same origin) with the same schema and version check as the Node
 * reader, so a stale or damaged export fails with a message instead of wrong results.
 */
import { checkLexical, checkManifest, corruptIndex, firstIssue } from './errors.ts';
import { BrowserExport, browserFiles, BrowserManifest, type IndexContents } from './schema.ts';

export interface BrowserIndex extends IndexContents {
  /** int8 rows (see quantize) and one scale per row. */
  bytes: Int8Array;
  scales: number[];
}

export async function readBrowserIndex(dirUrl: string, fetcher: typeof fetch = fetch): Promise<BrowserIndex> {
  const get = async (file: string) => {
    const r = await fetcher(`${dirUrl}${file}`);
    if (!r.ok) throw corruptIndex(dirUrl, `${file}: ${r.status}`);
    return r;
  };
  const [json, buffer, lexicalJson] = await Promise.all([
    get(browserFiles.data).then((r) => r.json() as Promise<unknown>),
    get(browserFiles.vectors).then((r) => r.arrayBuffer()),
    get(browserFiles.lexical).then((r) => r.text()),
  ]);
  checkManifest(dirUrl, (json as { manifest?: unknown } | null)?.manifest, BrowserManifest);
  const parsed = BrowserExport.safeParse(json);
  if (!parsed.success) throw corruptIndex(dirUrl, `${browserFiles.data} does not match the format: ${firstIssue(parsed.error)}`);
  const { manifest, data, embedderState, scales } = parsed.data;
  const bytes = new Int8Array(buffer);
  if (scales.length !== manifest.clauseCount || bytes.length !== manifest.clauseCount * manifest.embedder.dimension) {
    throw corruptIndex(dirUrl, `${browserFiles.vectors} does not match its metadata`);
  }
  if (data.clauses.length !== manifest.clauseCount) throw corruptIndex(dirUrl, `${browserFiles.data} has ${data.clauses.length} clauses, its manifest ${manifest.clauseCount}`);
  const lexical = checkLexical(dirUrl, lexicalJson, manifest.clauseCount);
  return { manifest, data, embedderState: embedderState ?? null, lexical, bytes, scales };
}
