/** The wording /search/ says from its browser script, alone: the script bundles these entries, not the dictionary. */
import { searchPage } from './ja/search-page.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(searchPage);
