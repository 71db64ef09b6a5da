/**
 * --base-url: where the site is published, so the links `kojo ask` and `kojo checklist report`
 * print (site paths such as /meti/ch3/#…) open from a terminal or a Markdown report. The site itself
 * has no configured address (astro.config.mjs sets no `site`: it is copied wherever it is needed).
 */
import { KojoError } from '../../indexer/errors/index.ts';
import { escaped } from '../../indexer/text/index.ts';
import { t } from '../../indexer/wording/index.ts';

/** A path → link function: absolute under `raw` (http or https only), or the path itself without it. */
export function linkMaker(raw: string | undefined): (path: string) => string {
  if (raw === undefined) return (path) => path;
  let base: URL;
  try {
    base = new URL(raw);
  } catch {
    throw new KojoError('usage', t('ask.badBaseUrl', { got: escaped(raw) }));
  }
  if ((base.protocol !== 'http:' && base.protocol !== 'https:') || !base.host)
    throw new KojoError('usage', t('ask.badBaseUrl', { got: escaped(raw) }));
  // The site may live in a folder (https://intra.example/kojo/): its paths go under it, query and fragment dropped.
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return (path) => (/^[a-z][a-z0-9+.-]*:/i.test(path) ? path : new URL(path.replace(/^\/+/, ''), base).href);
}
