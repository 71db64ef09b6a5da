/**
 * Questions arrive the way people talk: 「サポートが切れたOSの端末はどう扱えばいい？」「クラウドに上げても
 * 大丈夫？」. What carries the meaning is the head; the conversational tail and the hedges only add noise
 * to matching. Content words stay: 「パスワードはどう管理すればいい？」 keeps 管理.
 */
import { cleanInput } from './normalize.ts';

/** Longer than any real question; keeps a pasted document from costing seconds. */
export const MAX_QUESTION_CHARS = 1000;

/** A polite or questioning ending: です/でしょう/ますか/の/かな and the like, any of them, once. */
const ending =
  '(?:ん|の)?(?:です|でしょう|でしょうか|ですか|ますか|ません|ませんか|か|かな|かね|の|のか|よね|だろう|だろうか)?(?:ね|よ)?';
/** Hiragana or a kanji + hiragana verb form: どう【守れ】ば, どう【扱え】ば, どう【進めたら】. */
const verbForm = '[\\u3040-\\u309F]{0,3}|[\\u4E00-\\u9FFF々][\\u3040-\\u309F]{1,4}';

const tails = [
  /(?:について|に関して|に関する|って|とは)?(?:教えて(?:ください|下さい|ほしい(?:です)?|もらえますか|いただけますか|いただけませんか)?|知りたい(?:です)?|を?聞きたい(?:です)?|質問(?:です|します)?|相談(?:です|したい(?:です)?)?)$/,
  // どう + a verb the question does not need (守れば, 扱えば, 考えれば, 作ればよいですか).
  new RegExp(
    `(?:は|を|って|で)?(?:どう|どのように|どうやって)(?:${verbForm})(?:ば|たら|れば|て)(?:いい|よい|良い)?${ending}$`,
  ),
  /(?:は|を|って)?(?:どう(?:すれば|したら|やって|やれば|なる|する)?|どのように(?:すれば|したら)?|どこまで(?:やれば|やる(?:べき)?)?|何から(?:始めれば|手をつければ|手を付ければ)?|なにから)(?:いい|よい|良い)?(?:ん)?(?:でしょう|です)?(?:か|の)?$/,
  /(?:は|を)?(?:どうする|どうしたらいい|すべき|するべき|べき|いい|よい|良い)(?:ん)?(?:でしょう|です)?(?:か|の)?$/,
  /(?:の)?(?:方法|やり方|進め方|ポイント|考え方|注意点|コツ)(?:は|を)?(?:ありますか|ある|ですか|何)?$/,
  // 「…って何」, also with an adverb that asks for no topic of its own: 「…って具体的に何」.
  /(?:って|とは)(?:具体的に(?:は)?|一体|いったい|そもそも)?(?:何|なに|なん)(?:ですか|でしょうか|なの|か)?$/,
  // Hedges: whether something is all right, needed, a problem.
  new RegExp(
    `(?:って|ても|でも|て|で|も)?(?:大丈夫|問題(?:ない|ありません|ある|あります)?|平気|まずい|危ない|ダメ|だめ|アリ|必要|要る|OK|ok)${ending}$`,
  ),
  new RegExp(`(?:は|が|って)?(?:ありますか|ある|あります|ない|ありません|でき(?:ます|る)?)${ending}$`),
  // どう + a verb: どう違うんですか, どう変わる.
  new RegExp(`(?:は|って)?(?:どうやって|どのように|どう)(?:${verbForm})${ending}$`),
  // A verb's ば ending, the verb kept: 立ち上げればいい → 立ち上げ, 見直せば → 見直.
  new RegExp(`(?<=[\\u4E00-\\u9FFF々][\\u3040-\\u309F]{0,4})[れせけめえげべてねぺ]ば(?:いい|よい|良い)?${ending}$`),
  /(?:んです|のです|ですが|ですけど|けど|けれど|が)$/,
  /(?:でしょうか|ですか|ますか|ませんか|かな|かね|のか|だろうか)$/,
];

/**
 * `どう管理すれば`: the noun is the topic, the rest is the question's form. Kept as the word, so
 * 「パスワードはどう管理すればいい？」 → 「パスワード 管理」.
 */
const howToDo = new RegExp(
  `(?:は|を|って)?(?:どう|どのように|どうやって)([\\u4E00-\\u9FFF々\\u30A1-\\u30FA\\u30FC]{2,})(?:すれば|したら|すべき|するべき|する|して)(?:いい|よい|良い)?${ending}$`,
);

/** Openers that carry nothing: 「すみません、」「質問ですが、」. */
const openers = /^(?:すみません|すいません|あの|えっと|ちょっと|質問(?:です)?(?:が)?|教えてください)[、,\s]*/;

/** Removes conversational tails and punctuation at the end; keeps the question itself. */
export function stripConversational(question: string): string {
  // Angle brackets are text: 「<PLC>の更新」 is about a PLC, not markup to drop.
  let q = cleanInput(question.replace(/</g, '＜').replace(/>/g, '＞')).slice(0, MAX_QUESTION_CHARS);
  const keep = (stripped: string) => {
    // Never strip a question down to nothing: 「どうすればいい？」 alone keeps its words.
    if (stripped.trim().length >= 2) q = stripped;
  };
  keep(q.replace(openers, ''));
  for (let pass = 0; pass < 6; pass++) {
    const before = q;
    q = q.replace(/[\s?？!！。、．.…〜~ｗw]+$/u, '');
    keep(q.replace(howToDo, ' $1'));
    for (const tail of tails) keep(q.replace(tail, ''));
    if (q === before) break;
  }
  return q.trim();
}
