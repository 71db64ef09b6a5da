/** What opening an index says (indexer/search/open.ts), alone: the search room reads parts, not the dictionary. */
import { searchOpen } from './ja/search-open.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(searchOpen);
