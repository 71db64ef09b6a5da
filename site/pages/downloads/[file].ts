/** /downloads/{file}: one file of a kojo export (site/lib/downloads.ts), as `kojo export` writes it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ExportFile } from '../../../indexer/export/index.ts';
import { siteDownloads } from '../../lib/downloads.ts';

export const getStaticPaths = (async () =>
  (await siteDownloads()).flatMap(({ files }) =>
    files.map((file) => ({ params: { file: file.name }, props: { file } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: ExportFile }> = ({ props }) =>
  new Response(props.file.content, { headers: { 'Content-Type': `${props.file.mediaType}; charset=utf-8` } });
