/**
 * Questions arrive the way people talk: 「サポートが切れたOSの端末はどう扱えばいい？」. What carries the
 * meaning is the head; the conversational tail only adds noise to matching.
 */
import { cleanInput } from './normalize.ts';

/** Longer than any real question; keeps a pasted document from costing seconds. */
export const MAX_QUESTION_CHARS = 1000;

const tails = [
  /(?:について|に関して|に関する|って|とは)?(?:教えて(?:ください|下さい|ほしい(?:です)?|もらえますか)|知りたい(?:です)?|を?聞きたい(?:です)?)$/,
  /(?:は|を|って)?(?:どう(?:すれば|したら|やって|扱え?ば|やれば|なる|する)?|どのように(?:すれば|したら)?|どこまで(?:やれば)?|何から(?:始めれば)?|なにから)(?:いい|よい|良い)?(?:ん)?(?:でしょう|です)?(?:か)?$/,
  /(?:は|を)?(?:どうする|どうしたらいい|すべき|するべき|いい|よい)(?:ん)?(?:でしょう|です)?(?:か)?$/,
  /(?:の)?(?:方法|やり方|進め方|ポイント|考え方)(?:は|を)?$/,
  /(?:って|とは)(?:何|なに|なん)(?:ですか|でしょうか|なの|か)?$/,
];

/** Removes conversational tails and punctuation at the end; keeps the question itself. */
export function stripConversational(question: string): string {
  let q = cleanInput(question).slice(0, MAX_QUESTION_CHARS);
  for (let pass = 0; pass < 4; pass++) {
    const before = q;
    q = q.replace(/[\s?？!！。、．.…〜~ｗw]+$/u, '');
    for (const tail of tails) {
      const stripped = q.replace(tail, '');
      // Never strip a question down to nothing: 「どうすればいい？」 alone keeps its words.
      if (stripped.trim().length >= 2) q = stripped;
    }
    if (q === before) break;
  }
  return q.trim();
}
