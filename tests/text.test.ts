import { describe, expect, it } from 'vitest';
import {
  cleanInput,
  features,
  findSynonyms,
  makeSnippet,
  matchRanges,
  normalizeText,
  stripConversational,
  synonymGroups,
} from '../indexer/text/index.ts';

const groups = synonymGroups([
  { id: 'eol', term: 'サポート終了OS', aliases: ['EOL', 'サポート切れOS', '古いOS', 'Windows XP'] },
  { id: 'ot', term: 'OT', aliases: ['制御技術'] },
]);

describe('normalisation', () => {
  it('folds widths, case and kana spelling variants', () => {
    expect(normalizeText('ｻﾎﾟｰﾄ切れ　ＯＳ')).toBe('サポート切れ os');
    expect(normalizeText('サーバー')).toBe(normalizeText('サーバ'));
    expect(normalizeText('ヴァージョン')).toBe('バージョン');
  });

  it('drops control characters and markup from input', () => {
    expect(cleanInput('古い\u0000OS<script>alert(1)</script>\n端末')).toBe('古い OS alert(1) 端末');
  });
});

describe('questions as people type them', () => {
  it.each([
    ['古いOS端末はどうすればいい？', '古いOS端末'],
    ['サポートが切れたOSの端末はどう扱えばいい？', 'サポートが切れたOSの端末'],
    ['USBメモリの持ち込みについて教えてください', 'USBメモリの持ち込み'],
    ['FSIRTとは何ですか？', 'FSIRT'],
    ['工場で守るべきものって具体的に何？', '工場で守るべきもの'],
    ['SBOMってなに？', 'SBOM'],
    ['リモート保守のやり方を知りたいです。', 'リモート保守'],
    // Hedges and conversational forms go; the content words stay.
    ['パスワードはどう管理すればいい？', 'パスワード 管理'],
    ['遠隔保守の場合、ゾーンはどう考えればよいのでしょうか', '遠隔保守の場合、ゾーン'],
    ['リモートメンテ用VPN 常時接続って危ない？', 'リモートメンテ用VPN 常時接続'],
    ['工場のデータをクラウドに上げても大丈夫？', '工場のデータをクラウドに上げ'],
    ['USBメモリを使っても問題ある？', 'USBメモリを使っ'],
    ['業務の重要度はどうやって決めるのですか', '業務の重要度'],
    // Angle brackets are text, not markup.
    ['<PLC>の更新はどうする', '＜PLC＞の更新'],
  ])('%s → %s', (q, expected) => {
    expect(stripConversational(q)).toBe(expected);
  });

  it('never strips a question down to nothing', () => {
    expect(stripConversational('どうすればいい？')).not.toBe('');
  });
});

describe('features', () => {
  it('segments Japanese into content words, without particles', () => {
    expect(features('サポートが切れたOSの端末', []).words).toEqual(['サポート', '切れ', 'os', '端末']);
  });

  it('adds kanji/katakana bigrams so compounds match however they are split', () => {
    expect(features('可搬媒体', []).bigrams).toEqual(['可搬', '搬媒', '媒体']);
  });

  it('marks glossary synonyms, matching ASCII aliases only as whole words', () => {
    expect(features('古いOSの端末', groups).synonyms).toEqual(['syn:eol']);
    expect(features('windows xp が残る', groups).synonyms).toEqual(['syn:eol']);
    expect(findSynonyms(normalizeText('ROTATION と OT'), groups).map((f) => f.id)).toEqual(['ot']);
    expect(findSynonyms(normalizeText('ROTATION'), groups)).toEqual([]);
  });

  it('reads an English function word typed in lower case as that word, not as an acronym of the glossary', () => {
    const it = synonymGroups([{ id: 'it', term: 'IT', aliases: ['情報システム'] }]);
    expect(features('Is it possible to patch old PLCs?', it).synonyms).toEqual([]);
    expect(features('IT and OT roles', it).synonyms).toEqual(['syn:it']);
    expect(features('ＩＴ部門と工場', it).synonyms).toEqual(['syn:it']);
  });
});

describe('snippets', () => {
  it('marks matches in the original text even across width differences', () => {
    const text = 'ＵＳＢメモリは検疫してから使います。';
    expect(matchRanges(text, ['usb'])).toEqual([[0, 3]]);
  });

  it('centres a long text on the matched words and keeps offsets right', () => {
    const text = `${'前置き。'.repeat(60)}サポート切れOSの端末は分離します。${'後書き。'.repeat(60)}`;
    const s = makeSnippet(text, ['サポート切れos']);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(122);
    const [[a, b]] = s.highlights as [[number, number]];
    expect(s.text.slice(a, b)).toBe('サポート切れOS');
  });

  it('starts an English excerpt at the sentence that matches, keeping the space between sentences and "1.0" whole', () => {
    const text =
      'Chapter 1 introduces Ver 1.0 of the guideline. It names IEC 62443 as related. Zones group devices. Remote maintenance is treated in Step 2-2. The rest follows.';
    const s = makeSnippet(text, ['remote maintenance'], 70);
    expect(s.text).toMatch(/^…Remote maintenance is treated in Step 2-2\. The rest/);
    expect(makeSnippet(text, ['iec 62443'], 60).text).toMatch(/^…It names IEC 62443 as related\. Zones/);
    expect(makeSnippet(text, ['chapter'], 50).text).toMatch(/^Chapter 1 introduces Ver 1\.0 of the guideline\./);
  });
});

describe('snippet word boundaries', () => {
  it('does not mark a katakana or ASCII word inside a longer one', () => {
    expect(matchRanges('ガイドラインの生産ライン', ['ライン'])).toEqual([[9, 12]]);
    expect(matchRanges('ROTATE と OT', ['ot'])).toEqual([[9, 11]]);
    expect(matchRanges('USBメモリ', ['usb'])).toEqual([[0, 3]]);
  });
});
