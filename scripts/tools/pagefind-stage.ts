/**
 * The site build's Pagefind stage, run as a process of its own by build-site.ts: Pagefind's Node API
 * starts a Rust binary whose stderr is the build's own and whose death (a panic on a full disk) its
 * promises never notice — the build would hang, print a Rust backtrace and exit 13 without cleaning
 * up. Here that binary's output is this process's, which the build reads and summarises in one line.
 *
 * Usage (build-site.ts only): pagefind-stage.ts RECORDS.json OUT_DIR
 */
import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';

const [recordsFile, outputPath] = process.argv.slice(2) as [string, string];
const records = JSON.parse(await readFile(recordsFile, 'utf8')) as Parameters<
  NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>['addCustomRecord']
>[0][];
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja' });
if (!index) throw new Error(errors.join('; '));
for (const record of records) {
  const added = await index.addCustomRecord(record);
  if (added.errors.length) throw new Error(added.errors.join('; '));
}
const written = await index.writeFiles({ outputPath });
if (written.errors.length) throw new Error(written.errors.join('; '));
await pagefind.close();
