/** The wording /checklist/ says from its browser script, alone: the script bundles these entries, not the dictionary. */
import { checklistPage } from './ja/checklist-page.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(checklistPage);
