/** What the exported files say of themselves (indexer/export), alone: /checklist/'s export script bundles these entries, not the dictionary. */
import { exportFiles } from './ja/export-files.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(exportFiles);
