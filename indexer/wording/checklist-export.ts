/** The wording /checklist/'s export buttons say from their browser script, alone: the script bundles these entries, not the dictionary. */
import { checklistExport } from './ja/checklist-export.ts';
import { wordsOf } from './words.ts';

export const t = wordsOf(checklistExport);
