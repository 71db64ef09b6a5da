/**
 * What /downloads/ offers: every export format of indexer/export over the site's corpus — the
 * published one (site/lib/corpus.ts), so official text a guideline's licence keeps out of the site is
 * kept out of these files too. Built once per site build, stamped with the build's time.
 */
import { exportContent, exportFormats, type ExportFile, type ExportFormat } from '../../indexer/export/index.ts';
import { siteCorpus } from './corpus.ts';

const exportedAt = new Date().toISOString();

export interface DownloadGroup {
  format: ExportFormat;
  files: ExportFile[];
}

let built: Promise<DownloadGroup[]> | undefined;

export function siteDownloads(): Promise<DownloadGroup[]> {
  return (built ??= siteCorpus().then((corpus) =>
    exportFormats.map((format) => ({ format, files: exportContent(corpus, format, { exportedAt }) })),
  ));
}

export const downloadUrl = (file: Pick<ExportFile, 'name'>) => `/downloads/${file.name}`;
