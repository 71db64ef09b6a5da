/** The wording /search/'s question mode says from its browser script, alone: the script bundles these entries, not the dictionary. */
import { searchQuestion } from './ja/search-question.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(searchQuestion);
