/** The wording of reading /checklist/'s saved answers (indexer/assessment/storage.ts), alone: the page's scripts bundle these entries, not the dictionary. */
import { checklistStorage } from './ja/checklist-storage.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(checklistStorage);
