/** The wording /search/'s keyword mode says from its browser script, alone: the script bundles these entries, not the dictionary. */
import { searchKeyword } from './ja/search-keyword.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(searchKeyword);
