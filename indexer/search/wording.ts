/** The words the CLI and the search page share for what search decided, so both say it one way. */
import { t } from '../wording/search-question.ts';
import type { Why } from './ask.ts';

export const NO_CLOSE_MATCH = t('search.noCloseMatch');

/** 「一致した語: USBメモリ、持ち込み／言い換え: 古いOS ≈ サポート終了OS」, or that only the meaning matched. */
export function whyText(why: Why): string {
  const parts = [];
  if (why.via === 'note') parts.push(t('search.why.viaNote'));
  if (why.words.length) parts.push(t('search.why.words', { words: why.words.join('、') }));
  if (why.synonyms.length)
    parts.push(t('search.why.synonyms', { pairs: why.synonyms.map((s) => `${s.asked} ≈ ${s.found}`).join('、') }));
  return parts.join('／') || t('search.why.meaningOnly');
}
