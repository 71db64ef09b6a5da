/** The wording every reading page's permalink says from its browser script, alone: the script bundles these entries, not the dictionary. */
import { permalink } from './ja/permalink.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(permalink);
