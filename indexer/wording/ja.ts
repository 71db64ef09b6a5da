import { checklistExport } from './ja/checklist-export.ts';
import { checklistPage } from './ja/checklist-page.ts';
import { checklistStorage } from './ja/checklist-storage.ts';
import { exportFiles } from './ja/export-files.ts';
import { permalink } from './ja/permalink.ts';
import { searchKeyword } from './ja/search-keyword.ts';
import { searchPage } from './ja/search-page.ts';
import { searchOpen } from './ja/search-open.ts';
import { searchQuestion } from './ja/search-question.ts';

/**
 * The wording of kojo-guide's Japanese edition, one entry per thing said: the CLI's help and the
 * fixed parts of its messages (in English, as the CLI speaks to developers and logs), and the
 * Japanese of the reports it writes for people. A value is the text, or a function of the values it
 * names. Another edition (`en.ts`) would be written `satisfies Wording`, so a missing entry is a
 * type error there, as a misspelt key is one wherever `t()` is called.
 */
export const ja = {
  // The help every command's --help is made of (scripts/cli/command.ts).
  'cli.help.usage': (p: { lines: string[] }) => `usage: ${p.lines.join('\n       ')}`,
  'cli.help.subcommands': (p: { path: string }) => `subcommands (kojo ${p.path} SUBCOMMAND --help for theirs):`,
  'cli.help.options': 'options:',
  'cli.help.help': 'show this help',
  'cli.help.repeatable': 'repeatable',
  'cli.help.default': (p: { value: string | number }) => `default: ${p.value}`,
  'cli.help.atLeast': (p: { min: number }) => `at least ${p.min}`,
  'cli.help.range': (p: { min: number; max: number | string }) => `${p.min} to ${p.max}`,

  // Mistakes in arguments, each one line (the parser's and kojo's own).
  'cli.error.integer': (p: { name: string; min: number; max?: number | string; got: string }) =>
    `--${p.name} must be a whole number ${p.max === undefined ? `at least ${p.min}` : `from ${p.min} to ${p.max}`} (got "${p.got}")`,
  'cli.error.choice': (p: { name: string; choices: readonly string[]; got: string }) =>
    `--${p.name} must be one of ${p.choices.join(', ')} (got "${p.got}")`,
  'cli.error.unknownOption': (p: { option: string }) => `unknown option '${p.option}'`,
  'cli.error.unknownSubcommand': (p: { got: string; path: string; subcommands: string[] }) =>
    `unknown subcommand '${p.got}' of kojo ${p.path}: use ${p.subcommands.join(' or ')}`,
  'cli.error.unexpectedArgument': (p: { got: string }) => `unexpected argument '${p.got}'`,
  'cli.error.needsValue': (p: { option: string; dashed: boolean }) =>
    `option '${p.option}' needs a value${p.dashed ? ` (write ${p.option}=VALUE for one that starts with -)` : ''}`,
  'cli.error.seeHelp': (p: { what: string; hint: string }) => `${p.what} (see ${p.hint})`,
  'cli.error.noArguments': (p: { usage: string }) => `${p.usage} takes no arguments`,
  'cli.error.unknownCommand': (p: { got: string; guess?: string; commands: string[] }) =>
    `unknown command "${p.got}"${p.guess ? ` — did you mean "${p.guess}"?` : ''} (commands: ${p.commands.join(', ')})`,

  // kojo itself (scripts/kojo.ts) and how any program of the project reports (scripts/cli/report.ts).
  'cli.overview.usage': 'usage: kojo <command> [options]      (kojo <command> --help for its options)',
  'cli.overview.version': '  --version   print the version',
  'cli.internalError': (p: { program: string; message: string }) =>
    `${p.program}: internal error: ${p.message} (set KOJO_DEBUG=1 for details)`,
  'cli.cannotWrite': (p: { program: string; reason: string }) => `${p.program}: cannot write output: ${p.reason}`,

  // The registry's one line per command (scripts/commands/index.ts).
  'command.check': 'validate all content',
  'command.list': 'list every clause',
  'command.map': 'list every mapping between the guidelines',
  'command.checklist': 'list the self-assessment checklist, or report on an exported assessment',
  'command.build-index': 'build the search index',
  'command.export': 'export to CISO Assistant, OSCAL 1.2 or an IR 8477 CSV (and an assessment)',
  'command.ask': 'ask a question of every guideline',
  'command.import': "import a guideline's official text from its PDF",
  'command.model': 'install or show the e5 model',

  // Options several commands share (scripts/commands/shared.ts).
  'option.content': 'the content folder',
  'option.json': 'print JSON on stdout (messages stay on stderr)',
  'option.embedder': 'auto takes the first of the others that can run here, in that order',

  // kojo list, map, build-index, model.
  'list.help':
    'Lists every clause (id, guideline, chapter, section, title, provenance, cited sources, ids merged into it, permalink), then every practice note (the units it relates to, its former clause ids).',
  'list.note': '実務メモ',
  'list.unverified': 'unverified',
  'map.help':
    'Lists every cross-reference mapping between the guidelines, with the NIST IR 8477 fields (relationship, rationale type, confidence, rationale).',
  'buildIndex.help': 'Embeds every clause and writes the search index atomically, with a manifest naming the embedder.',
  'buildIndex.out': 'where to write the index',
  'buildIndex.progress': 'embedding',
  'buildIndex.embedder': (p: { id: string; reason: string }) => `kojo: embedder: ${p.id} — ${p.reason}`,
  'buildIndex.done': (p: {
    clauses: number;
    notes: number;
    embedder: string;
    dims: number;
    out: string;
    seconds: string;
  }) =>
    `kojo: indexed ${p.clauses} clauses and ${p.notes} practice notes with ${p.embedder} (${p.dims} dims) into ${p.out} in ${p.seconds} s`,
  'model.help': (p: { model: string }) =>
    `Shows whether the e5 model (${p.model}) is installed in models/ (or KOJO_MODEL_DIR); \`kojo model fetch\` downloads it.`,
  'model.fetch.summary': 'download the model',
  'model.fetch.help': (p: { model: string }) =>
    `Downloads the e5 model (${p.model}) into models/ (or KOJO_MODEL_DIR) from the Hugging Face hub or a mirror with the hub's layout.`,
  'model.fetch.from': 'fetch from this mirror instead of the hub',
  'model.status.summary': 'show whether the model is installed (the default)',
  'model.status.help': (p: { model: string }) =>
    `Shows whether the e5 model (${p.model}) is installed in models/ (or KOJO_MODEL_DIR).`,
  'model.installed': (p: { model: string; root: string }) => `${p.model}: installed in ${p.root}`,
  'model.missing': (p: { model: string; root: string; missing: string[] }) =>
    `${p.model}: not installed in ${p.root} (missing ${p.missing.join(', ')})`,
  'model.badMirror': (p: { got: string }) => `--from must be an http(s) URL (got "${p.got}")`,
  'model.hub': 'the Hugging Face hub',
  'model.downloading': (p: { model: string; source: string; root: string }) =>
    `kojo: downloading ${p.model} from ${p.source} into ${p.root} …`,
  'model.fetchFailed': (p: { model: string; source: string; reason: string; root: string }) =>
    `could not download ${p.model} from ${p.source} (${p.reason}); this needs a network that reaches it — or copy the folder ${p.model} from a machine that has it into ${p.root}`,
  'model.incomplete': (p: { model: string; root: string; missing: string[] }) =>
    `download finished but ${p.missing.join(', ')} are missing in ${p.root}/${p.model}`,
  'model.ready': (p: { model: string; root: string }) => `kojo: ${p.model} ready in ${p.root}`,
  // A model folder that is there but broken (issue 24 point 2): status and every build say so, with the fix.
  'model.damaged': (p: { dir: string; reason: string }) =>
    `model folder ${p.dir} is damaged: ${p.reason} (run kojo model fetch again or delete it)`,
  'model.status.damaged': (p: { model: string; dir: string; reason: string }) =>
    `${p.model}: damaged in ${p.dir}: ${p.reason} (run kojo model fetch again or delete it)`,
  'model.damage.json': (p: { file: string; reason: string }) => `${p.file} cannot be read (${p.reason})`,
  'model.damage.field': (p: { file: string; field: string }) =>
    p.field ? `${p.file} has no "${p.field}"` : `${p.file} is not a JSON object`,
  'model.damage.onnx': (p: { file: string }) => `${p.file} is not an ONNX model`,
  'model.notTheModel': (p: { reason: string }) => `the downloaded files are not the model: ${p.reason}`,
  // A mirror that never answers (issue 24 point 15): given up after the timeout, naming the URL.
  'model.noAnswer': (p: { url: string; seconds: number }) => `no answer from ${p.url} for ${p.seconds} s`,
  'model.fetch.timeout': 'give up on a request silent for this many seconds',
  'model.progress': (p: { file: string }) => `downloading ${p.file}`,

  // The site build's Pagefind stage failing (issue 24 point 12).
  'build.pagefindFailed': (p: { why: string }) =>
    `the search index (Pagefind) could not be written: ${p.why}; the previous site is unchanged`,
  'build.keptSite': 'the previous site is unchanged',

  // kojo check: FAQ and glossary fields are plain text (issue 24 point 11).
  'check.plainTextMarkup': (p: { what: string; markup: string }) =>
    `${p.what} is plain text: "${p.markup}" would be shown as typed, not as markup`,

  // kojo checklist and its report (scripts/commands/checklist.ts).
  'checklist.help':
    'Lists the self-assessment checklist: each item (本サイトの確認項目, or the official items once imported) with its category and the clauses of every guideline that explain it. `kojo checklist report FILE` summarises an assessment exported from the /checklist/ page.',
  'checklist.report.summary': 'summarise an assessment exported from the /checklist/ page',
  'checklist.report.help':
    'Summarises an assessment exported from the /checklist/ page (JSON or CSV): scores per category and the items below the target level, with the clauses to read next, as Markdown (or JSON).',
  'checklist.report.target': "the target level gaps are measured against; without it, the assessment's own",
  'checklist.report.targetMax': "the checklist's highest level",
  'checklist.report.oneFile': 'kojo checklist report takes one FILE (an assessment exported from the checklist page)',
  'checklist.noItems': (p: { content: string }) =>
    `the content folder ${p.content} has no checklist items (content/checklist/items-*.yml)`,
  'cli.error.cannotRead': (p: { file: string; reason: string }) => `cannot read ${p.file}: ${p.reason}`,
  'checklist.notUtf8': (p: { file: string }) =>
    `${p.file} is not UTF-8 (Excel's plain "CSV" on Japanese Windows is Shift_JIS) — save it as "CSV UTF-8" and try again`,
  'checklist.moreWarnings': (p: { count: number }) => `… and ${p.count} more warnings like these`,
  'checklist.items.official': '公式PDFから取り込んだチェックリスト項目',
  'checklist.items.project': '本サイトの確認項目（ガイドラインの項目そのものではありません）',
  'checklist.list.heading': (p: { label: string; count: number }) => `${p.label} — ${p.count}項目`,
  'checklist.list.pages': (p: { from: number; to: number }) => ` （公式PDF p.${p.from}–${p.to}）`,
  'checklist.noClause': '（対応する条項なし）',
  'checklist.note': '実務メモ',
  'checklist.report.title': (p: { name: string; date?: string }) =>
    `# 自己評価の結果：${p.name}${p.date ? `（${p.date}）` : ''}`,
  'checklist.report.items': (p: { label: string }) => `- 項目：${p.label}`,
  'checklist.report.targetLine': (p: { level: string }) => `- 目標レベル：${p.level}`,
  'checklist.report.levels': (p: { top: number; notApplicable: string }) =>
    `- レベルは 1〜${p.top}。平均は${p.notApplicable}と未回答を除いた回答の平均です。`,
  'checklist.report.byCategory': '## 分類ごとの結果',
  'checklist.report.tableHead': '| 分類 | 平均レベル | 回答済み | 目標以上 | 対象外 | 未回答 |',
  'checklist.report.overall': '全体',
  'checklist.report.gaps': (p: { count: number }) => `## 目標レベル未満の項目（${p.count}件）`,
  'checklist.report.noGaps': '目標レベルに届いていない回答はありません。',
  'checklist.report.gap': (p: { item: string; level: string; text: string }) =>
    `- **${p.item}**（レベル ${p.level}）${p.text}`,
  'checklist.report.memo': (p: { note: string }) => `  - メモ：${p.note}`,
  'checklist.report.read': (p: { source: string; title: string; url: string }) =>
    `  - 読む：[${p.source} ${p.title}](${p.url})`,

  // Crosswalk to reference frameworks (issue 22): kojo check's summary, the checklist report, the pages.
  'crosswalk.check.summary': (p: { key: string; entries: number; mappings: number }) =>
    `${p.key}: ${p.entries} entries, ${p.mappings} crosswalk mappings`,
  'crosswalk.report.counterparts': (p: { label: string; ids: string[] }) => `  - ${p.label}：${p.ids.join('、')}`,
  'crosswalk.ownWords': '本サイトによる説明',
  'crosswalk.ownWordsHelp':
    '識別子と名称は公式のもの。英語・日本語の一行は本サイトが書いた説明で、枠組みの本文ではありません。',
  'crosswalk.officialText': '公式の本文',
  'crosswalk.notice': (p: { frameworks: string }) =>
    `${p.frameworks}との対応（クロスウォーク）は、本サイトの要約から推定した本サイトの読み方です（確度はすべて「推定」）。${p.frameworks}の本文は一切転載していません。識別子と公式の短い名称のほかは本サイトの文で、正確な内容は必ず公式の文書で確かめてください。`,
  'crosswalk.counterparts': (p: { label: string }) => `${p.label}の対応項目`,
  'crosswalk.noCounterpart': (p: { label: string }) => `${p.label}に対応する項目なし`,
  'crosswalk.compareTitle': (p: { from: string; to: string }) => `${p.from} ↔ ${p.to} 対応表`,
  'crosswalk.coverageHeading': '対応のない項目（カバレッジ）',
  'crosswalk.coverageSummary': (p: {
    label: string;
    from: string;
    groups: number;
    groupsTotal: number;
    leaves: number;
    leavesTotal: number;
  }) =>
    `${p.from}のどの単位も対応していない${p.label}の項目：グループ${p.groups}件（全${p.groupsTotal}件中）、細目${p.leaves}件（全${p.leavesTotal}件中）。`,
  'crosswalk.allCovered': 'すべての項目に、少なくとも一つの単位が対応しています。',
  'crosswalk.untouched': '対応なし',
  'crosswalk.entries': (p: { count: number }) => `${p.count}項目`,
  'crosswalk.inferred': '本サイトの推定',
  'crosswalk.aboutHeading': '国際的な枠組みとの対応（クロスウォーク）',
  'crosswalk.aboutCounts': (p: { entries: number; mappings: number }) =>
    `識別子と名称の${p.entries}項目、ガイドラインの単位と確認項目からの対応${p.mappings}件`,
  'crosswalk.aboutMethod':
    'ガイドラインの各単位と本サイトの確認項目を、関係しそうな項目（CSFのサブカテゴリ、62443-3-3のシステム要求など最も細かい単位）に、NIST IR 8477の語彙（関係・根拠の種類・確度・根拠）で対応づけています。根拠は、単位や確認項目のどの内容が対応を支えるかを本サイトの言葉で一行にしたものです。確度はすべて「推定」です。どちらの側の公式本文とも突き合わせておらず、本サイトの要約から推定したためです。対応する項目がないときは「対応なし」と明記しています。',
  'crosswalk.aboutDownloads': '対応表のCSV（ダウンロード）',
  'crosswalk.tableCaption': (p: { id: string; from: string }) => `${p.id}の項目と、対応づけた${p.from}の単位`,
  'crosswalk.tocHeading': (p: { count: number }) => `構成（全${p.count}項目）`,
  'crosswalk.pagesHeading': 'ガイドラインとの対応表',
  'crosswalk.unitsOf': (p: { id: string }) => `${p.id}に対応づけたガイドラインの単位`,
  'crosswalk.asideHeading': '国際的な枠組みの対応項目（本サイトの推定による対応表）',

  // The site's frame and shared components (site/layouts, site/components, site/lib/site-nav.ts).
  'site.name': 'kojo-guide 工場セキュリティガイドライン学習版',
  'site.description': (p: { guidelines: string }) => `${p.guidelines}を対応づけて読む、非公式の学習用エディション。`,
  'site.skipLink': '本文へスキップ',
  'site.guidelineNamed': (p: { title: string; label: string }) => `「${p.title}」（${p.label}）`,
  'site.header.sub': '工場セキュリティガイドライン 学習用エディション',
  'site.header.menu': 'メニュー',
  'site.header.nav': 'メイン',
  'site.header.placeholder': '例：古いOSの扱い',
  'site.home': 'ホーム',
  'site.footer.search': '質問から探す',
  'site.footer.reference': (p: { label: string }) => `${p.label}（構造と本サイトの対応付け）`,
  'site.footer.nav': 'フッター',
  'site.footer.editions': (p: { editions: string[] }) => `対象の版：${p.editions.join('・')}`,
  'site.footer.built': 'にビルド',
  'site.footer.offline': 'このサイトは外部への通信を行わず、オフライン環境でもそのまま使えます。',
  'site.breadcrumbs': 'パンくずリスト',
  'site.pager.label': '前後の章',
  'site.pager.previous': '← 前の章',
  'site.pager.next': '次の章 →',
  'site.sidebar.title': (p: { count: number }) => `この章の条項（${p.count}）`,
  'site.kind.note': '実務メモ',
  'site.kind.official': '公式本文',
  'site.kind.noteHelp': '本サイトの実務メモ（ガイドラインの記述ではありません）',
  'site.clause.ownTitle': '本サイトの見出し',
  'site.clause.summaryEn': 'English summary（本サイトによる英語の要約。ガイドラインの文言ではありません）',
  'site.clause.refNote': '（本サイトの実務メモ）',
  'site.clause.related': '関連する条項',
  'site.clause.notes': '実務メモ（本サイトの助言）',
  'site.clause.terms': '関連する用語',
  'site.clause.sources': '出典',
  'site.clause.counterparts': '対応する条項（他のガイドライン）',
  'site.clause.noCounterparts':
    'この条項の条項レベルの対応づけはまだありません。章レベルの対応はページ上部を参照してください。',
  'site.mapping.none': '—（対応なし）',
  'site.notes.hint': '（本サイトの助言。ガイドラインの記述ではありません）',
  'site.edition.label': (p: { label: string }) => `${p.label}の版`,
  'site.edition.title': (p: { label: string; version: string; date: string }) =>
    `${p.label}の版：${p.version}（${p.date}）`,
  'site.meta.title': '文書名',
  'site.meta.publisher': '発行',
  'site.meta.version': '版',
  'site.meta.date': '公表',
  'site.meta.url': '公式ページ',
  'site.meta.terms': '利用条件',
  'site.badges.label': '出典の種類',
  'site.badges.verifiedHelp': '公式PDFと突き合わせて確認済み',
  'site.badges.verified': '確認済み',
  'site.permalink.clause': '条項',
  'site.permalink.link': (p: { kind: string; title: string }) => `この${p.kind}へのリンク：${p.title}`,
  'site.permalink.copy': (p: { kind: string; title: string }) => `この${p.kind}へのリンクをコピー：${p.title}`,
  'site.permalink.copyShort': 'リンクをコピー',
  'site.question.label': 'ガイドラインに質問する',
  'site.question.placeholder': '例：サポートが切れたWindowsはどうする？',
  'site.question.submit': '質問する',
  'site.notice.label': 'ご利用上の注意',
  'site.notice.unofficial': '非公式の学習用エディション',
  'site.notice.more': (p: { official: boolean }) =>
    `です。${p.official ? '「公式本文」以外の' : ''}条項本文は本サイトの要約・解説です。正確な内容は`,
  'site.notice.pdf': '公式PDFが正です。',
  'site.notice.details': '詳しく',
  'site.statement.unofficial': '本サイトは非公式の学習用エディションです。',
  'site.statement.body': (p: { official: string[] }) =>
    p.official.length
      ? `「公式本文」と示した部分（${p.official.join('・')}）は公式PDFから取り込んだ原文で、それ以外の条項本文は本サイト独自の要約・解説です。`
      : '条項本文は本サイト独自の要約・解説で、ガイドラインの原文ではありません。',
  'site.statement.exact': '正確な内容は',
  'site.statement.pdf': '公式PDFが正',
  'site.statement.where': 'です。公式PDFは各公式ページから入手できます：',
  'site.statement.link': (p: { title: string; version: string }) => `${p.title} ${p.version}（公式ページ）`,
  'site.kinds.label': 'このページの読み方',
  'site.kinds.howTo': 'このページの読み方：',
  'site.kinds.numbers1': '章・ステップの',
  'site.kinds.numbers': '番号',
  'site.kinds.numbers2': 'は公式の目次によるものです。',
  'site.kinds.headings': '見出し',
  'site.kinds.headings2':
    'は、公式の題名が情報源で確認できたものだけをそのまま示し、それ以外は本サイトが内容を表すために付けたもので「本サイトの見出し」と添えています。',
  'site.kinds.blue': '青い線の',
  'site.kinds.official': '「公式本文」',
  'site.kinds.body': '本文',
  'site.kinds.body2': 'は本サイトが自分の言葉で書いた要約で、公開情報に基づく記述には',
  'site.kinds.body3': 'を[S…]の形で付けています。',
  'site.kinds.green': '緑の枠の',
  'site.kinds.note': '「実務メモ」',
  'site.kinds.note2': 'は本サイトの助言で、ガイドラインの記述ではありません。',
  'site.kinds.status': '確認状況：',
  'site.kinds.check': '正確な内容は公式PDFで確認してください（',
  'site.kinds.howToRead': '表示の見方',
  'site.kinds.checkEnd': '）。',
  'site.kinds.official2': (p: { count: number }) =>
    `は、公式PDFから取り込んだガイドライン自身の文章です（${p.count}項、公式PDFのページを添えています）。`,
  'site.kinds.bodyOf': (p: { official: boolean }) => (p.official ? 'それ以外の' : '各項の'),
  'site.kinds.verified': (p: { verified: number; total: number }) =>
    p.verified === 0
      ? 'このページの要約はまだ公式PDFと突き合わせていません（未検証）。'
      : `このページの${p.total}項のうち${p.verified}項を公式PDFと突き合わせて確認済みです。`,
  'site.nav.guideline': (p: { label: string; title: string }) => `${p.label} 目次（${p.title}）`,
  'site.nav.compare': '比較',
  'site.nav.compareTitle': 'ガイドラインどうしの比較',
  'site.nav.checklist': '自己評価',
  'site.nav.checklistTitle': '自己評価チェックリスト',
  'site.nav.faq': 'FAQ',
  'site.nav.faqTitle': 'よくある質問',
  'site.nav.glossary': '用語集',
  'site.nav.sourcesTitle': '出典（公開情報の一覧）',
  'site.nav.about': 'About',
  'site.nav.aboutTitle': 'このサイトについて',

  // kojo check: its own lines, the problem count and the official-text coverage (scripts/commands/check.ts,
  // indexer/corpus/problems.ts, coverage.ts, rules.ts). Each problem's message and each rule's description stay
  // beside their rule in indexer/corpus/ (check.ts, rules.ts), where a rule is written.
  'check.help':
    'Validates all content; prints each problem as file:line: severity rule: message and a count (exit 1 on any error; warnings alone pass), else a one-line summary.',
  'check.json': 'print the problems as a JSON array of {file, line, severity, rule, message}',
  'check.rules': 'list the rules kojo check applies, with their severity',
  'check.count': (p: { count: string }) => `kojo check: ${p.count}`,
  'check.guideline': (p: { key: string; clauses: number; mappings: number; terms: number; official: string }) =>
    `${p.key}: ${p.clauses} clauses, ${p.mappings} mappings, ${p.terms} terms, ${p.official}`,
  'check.ok': (p: {
    guidelines: string[];
    notes: number;
    sources: number;
    cited: number;
    faq: number;
    items: number;
  }) =>
    `ok — ${p.guidelines.join('; ')}; ${p.notes} practice notes; ${p.sources} sources cited by ${p.cited} clauses; ${p.faq} FAQ entries${p.items ? `; ${p.items} checklist items` : ''}`,
  'check.problems': (p: { errors: number; warnings: number }) =>
    `${p.errors} error${p.errors === 1 ? '' : 's'}, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}`,
  'check.noOfficial': 'no official text (kojo import its PDF)',
  'check.official': (p: { found: number; units: number; edition?: string | undefined; date: string }) =>
    `official text ${p.found}/${p.units} units (${p.edition ? `${p.edition}, ` : ''}imported ${p.date})`,
  'check.severity.completeness': 'error (warning for a draft guideline)',
  'check.severity.integrity': 'error',
  'check.severity.coverage': 'warning',

  // The site's pages (site/pages).
  'site.notFound.title': 'ページが見つかりません',
  'site.notFound.hint': 'URLが変わったか、入力に誤りがある可能性があります。次のページから探してください。',
  'site.guideline.toc': (p: { label: string }) => `${p.label} 目次`,
  'site.guideline.title': (p: { label: string; title: string; version: string }) =>
    `${p.label} ${p.title} ${p.version} 目次`,
  'site.guideline.intro':
    '章の番号と題名は公式の目次に従っています（題名は情報源で確認できたものだけを示します）。各項の本文は本サイトの要約で、公開情報に基づく記述には出典を付けています。',
  'site.guideline.notes':
    '本サイトの実務メモは目次に含めず、関係する章・ステップのページに「実務メモ」として付けています（',
  'site.guideline.notesLink': '実務メモの一覧',
  'site.guideline.notesEnd': '）。',
  'site.guideline.unverified': 'いずれもまだ公式PDFと突き合わせていません（未検証）。表示の見方は',
  'site.guideline.unverifiedEnd': 'を参照してください。',
  'site.guideline.tocHeading': (p: { chapters: string; clauses: number }) => `目次（${p.chapters}・${p.clauses}条項）`,
  'site.chapter.description': (p: { title: string; version: string; heading: string; others: string }) =>
    `${p.title} ${p.version} ${p.heading}の要約・解説（非公式）${p.others ? `と、${p.others}の対応する条項` : ''}。`,
  'site.chapter.enTitle': (p: { source?: string | undefined }) =>
    p.source ? `（${p.source}による英題）` : '（英題は本サイトの訳）',
  'site.chapter.tocLink': 'この章の条項一覧へ',
  'site.chapter.counterparts': 'この章の対応（章レベル）',
  'site.chapter.compareLink': (p: { pair?: string | undefined }) =>
    `この章の条項レベルの対応を比較ページで一覧する${p.pair ? `（${p.pair}）` : ''}`,
  'site.faq.title': 'よくある質問（FAQ）',
  'site.faq.description':
    '工場のセキュリティ担当者がよく抱く質問に、各ガイドラインの該当箇所を示しながら本サイトの言葉で答えます。',
  'site.faq.intro': (p: { guidelines: string }) =>
    `現場でよく聞かれる質問に、本サイトの言葉で短く答え、${p.guidelines}の関連する条項と、本サイトの実務メモを示します。回答は本サイトの解説であり、ガイドラインの記述そのものではありません。`,
  'site.faq.index': '質問の一覧',
  'site.glossary.description': '工場セキュリティの用語・略語と、その別名・英語名。定義は本サイト独自の言葉です。',
  'site.glossary.intro':
    '条項と実務メモに出てくる用語・略語の意味と、別名・英語名です。定義は本サイト独自の説明で、各ガイドラインの公式の用語集（METI 付録A・GUTP 付録4）の文言ではありません。ガイドラインでの意味を述べた定義には出典を付けています。',
  'site.glossary.index': '読みの索引',
  'site.glossary.aliases': (p: { aliases: string[] }) => `別名：${p.aliases.join('、')}`,
  'site.notes.description':
    '工場セキュリティの実務上の論点について、本サイトがまとめた助言の一覧。ガイドラインの記述ではありません。',
  'site.notes.intro': '現場でよく問われるテーマについて、本サイトがまとめた助言です。',
  'site.notes.notGuideline': 'どのガイドラインの記述でもありません。',
  'site.notes.once': '一つのテーマを一度だけ書き、関係する両ガイドラインの公式の単位（章・ステップ）に付けています。',
  'site.note.title': (p: { title: string }) => `実務メモ：${p.title}`,
  'site.note.description': (p: { title: string }) =>
    `本サイトの実務メモ（ガイドラインの記述ではありません）：${p.title}`,
  'site.note.kicker': '実務メモ｜本サイトの助言',
  'site.note.disclaimer':
    'これは本サイトが書いた実務上の助言で、どのガイドラインの記述でもありません。ガイドラインの内容は、下に挙げた公式の単位の要約と公式PDFで確認してください。',
  'site.note.units': 'このメモを付けている公式の単位',
  'site.checklist.description':
    '工場のセキュリティ対策の状況を分類ごとに自己評価し、目標との差と次に読むべきガイドラインの箇所を確かめるページ。回答はブラウザの中だけに保存されます。',
  'site.checklist.intro':
    '工場の現状を項目ごとにレベルで答えると、分類ごとの達成状況、目標レベルに届かない項目、次に読むべき両ガイドラインの条項が分かります。',
  'site.checklist.none': 'このサイトにはチェックリストの項目がありません。',
  'site.checklist.noScript':
    '回答の保存・集計・書き出しにはJavaScriptが必要です。項目と読む条項はこのまま参照できます。',
  'site.checklist.form': '確認項目への回答',
  'site.checklist.answered': '回答',
  'site.sources.description': '本サイトの要約が依拠する公開情報の一覧と、それぞれを引用している条項。',
  'site.sources.intro':
    '「公開情報による要約」の各項は、次の公開情報に基づいて本サイトが自分の言葉で書いたものです。本文中の[S4]のような印が、その記述の出典を示します。',
  'site.sources.noCopy':
    '事実と題名は引き継いでいますが、各情報源の文章は転載していません。各情報源の内容は、そのページで確かめてください。',
  'site.sources.noUrl': '公開アドレスは情報源に示されていません。',
  'site.sources.relied': '本サイトが依拠している事柄：',
  'site.sources.citedBy': (p: { count: number }) => `引用している項（${p.count}）`,
  'site.sources.term': (p: { term: string }) => `用語集：${p.term}`,
  'site.sources.uncited': 'この情報源を引用している項はまだありません。',

  // The checklist page: its account of itself, controls, items, results and GRC export (site/components/checklist).
  'site.ck.assessment': '評価',
  'site.ck.privacy':
    '回答はこのブラウザの中（localStorage）にだけ保存され、どこにも送信されません。工場や日付ごとに複数の評価を保存できます。',
  'site.ck.current': '開いている評価',
  'site.ck.name': '評価の名前（工場・ラインなど）',
  'site.ck.date': '評価日',
  'site.ck.target': '目標レベル',
  'site.ck.new': '新しい評価',
  'site.ck.clear': '回答を消去',
  'site.ck.delete': 'この評価を削除',
  'site.ck.exportJson': 'JSONで書き出す',
  'site.ck.exportCsv': 'CSVで書き出す（Excel用）',
  'site.ck.print': '印刷する',
  'site.ck.import': 'JSON・CSVを読み込む',
  'site.ck.toResults': '結果へ移動',
  'site.ck.undo': '元に戻す',
  'site.ck.grc.title': 'GRCツールへの書き出し',
  'site.ck.grc.ciso': 'CISO Assistant 用CSVで書き出す',
  'site.ck.grc.oscal': 'OSCAL（評価結果JSON）で書き出す',
  'site.ck.unanswered': '未回答',
  'site.ck.itemKind': (p: { official: boolean; number?: string | undefined }) =>
    p.official ? `公式の項目${p.number ? ` ${p.number}` : ''}` : '確認項目',
  'site.ck.pages': (p: { from: number; to: number }) => `（公式PDF p.${p.from}–${p.to}）`,
  'site.ck.memo': 'メモ（根拠、担当、次の一手など）',
  'site.ck.memoPlaceholder': '例：手順書あり。見直しは年1回。',
  'site.ck.read': '読む条項',
  'site.ck.gap': (p: { label: string; why?: string | undefined }) =>
    `${p.label}：対応する条項を示していません — ${p.why ?? '理由は記されていません。'}`,
  'site.ck.results': '結果',
  'site.ck.noAnswers': 'まだ回答がありません。',
  'site.ck.chart': '分類ごとの平均レベル',
  'site.ck.chartDesc': (p: { top: number }) =>
    `各分類の回答済み項目の平均レベル（1〜${p.top}）。数値は下の表にもあります。`,
  'site.ck.compared': '比較する評価',
  'site.ck.scoreCaption': '分類ごとの結果（平均は対象外・未回答を除いた回答の平均）',
  'site.ck.category': '分類',
  'site.ck.col.average': '平均',
  'site.ck.col.level': 'レベル',
  'site.ck.col.answered': '回答',
  'site.ck.col.done': '済み',
  'site.ck.col.target': '目標',
  'site.ck.col.atLeast': '以上',
  'site.ck.col.notApplicable': '対象外',
  'site.ck.overall': '全体',
  'site.ck.gapsTitle': '目標レベル未満の項目（',
  'site.ck.gapsTitleEnd': '件）',
  'site.ck.gapsHelp':
    '分類ごとに、レベルの低い順に並べています。各項目の「読む条項」から、次に読むガイドラインの箇所へ進めます。',
  'site.ck.noGaps': '目標レベルに届いていない回答はありません。',
  'site.ck.levelPrefix': 'レベル ',
  'site.ck.compareTitle': 'ほかの評価と比べる（前後比較）',
  'site.ck.comparePick': '比べる評価（前回など）',
  'site.ck.noCompare': '比べない',
  'site.ck.compareCaption': '平均レベルの変化（比べる評価 → 開いている評価）',
  'site.ck.comparing': '比べる評価',
  'site.ck.delta': '差',
  'site.ck.saved': '保存している評価の一覧',
  'site.ck.overviewCaption': '各評価の分類ごとの平均レベル',
  'site.ck.answered': '回答済み',
  'site.ck.grc.help':
    '開いている評価を、CISO Assistant のデータインポートウィザード用CSV（チェックリストのフレームワークへの監査として読み込めます）や、OSCAL 1.2 の評価結果（assessment-results）として書き出します。フレームワークやカタログ本体は',
  'site.ck.grc.downloads': 'ダウンロード',
  'site.ck.grc.helpEnd': 'にあります。',

  // The home and downloads pages (site/pages/index.astro, downloads.astro).
  'site.home.example1': 'サポートが切れたWindowsのPCがラインに残っている',
  'site.home.example2': 'USBメモリの持ち込みをどう管理する？',
  'site.home.example3': 'リモート保守の接続を安全にしたい',
  'site.home.title': (p: { count: string }) => `工場セキュリティの${p.count}のガイドラインを、並べて・問いかけて読む`,
  'site.home.lead': (p: { guidelines: string }) =>
    `${p.guidelines}を、条項ごとに対応づけた学習用のエディションです。条項を要約・解説し、ほかのガイドラインで対応する箇所、関連する用語とあわせて示します。`,
  'site.home.ask':
    '現場の言葉で質問してください。各ガイドラインから意味の近い条項を探します（検索はブラウザの中だけで行われます）。',
  'site.home.examples': '質問の例',
  'site.home.read': '読む',
  'site.home.toc': (p: { version: string; chapters: string; clauses: number }) =>
    `${p.version}・${p.chapters}・${p.clauses}条項の目次から読む`,
  'site.home.compare': (p: { pair: string }) => `比較：${p.pair}`,
  'site.home.compareHelp': '章の対応図と、章・条項の対応表（CSV・JSON）',
  'site.home.checklistHelp':
    '分類ごとにレベルで答えて、目標との差と次に読む条項を確かめる（回答はブラウザの中だけに保存）',
  'site.home.faqHelp': (p: { count: number }) => `${p.count}の質問に、各ガイドラインの該当箇所を示して答えます`,
  'site.home.glossaryHelp': (p: { count: number }) => `${p.count}語の意味と言い換え`,
  'site.home.notesHelp': (p: { count: number }) =>
    `${p.count}のテーマについての本サイトの助言（ガイドラインの記述ではありません）`,
  'site.home.sourcesHelp': (p: { count: number }) => `要約が依拠する${p.count}の公開情報と、それを引用している項`,
  'site.home.aboutHelp': '出典、バッジの意味、対応づけの方法、オフライン利用',
  'site.downloads.ciso.title': 'CISO Assistant（YAMLライブラリ）',
  'site.downloads.ciso.what':
    'オープンソースのGRCツール CISO Assistant の「ライブラリ」形式です。ガイドラインごとのフレームワーク（章が親、単位が評価できる要求事項）、スコア1〜5の自己評価チェックリスト、ガイドラインの組ごとの対応表（両方向）です。',
  'site.downloads.ciso.tool':
    'CISO Assistant の「ライブラリ」画面でアップロードして読み込むと、フレームワークとして監査（compliance assessment）に使え、対応表によって一方のフレームワークでの評価結果を他方に写せます。対応表を読み込む前に、その両方のフレームワークを読み込んでください。',
  'site.downloads.oscal.title': 'OSCAL 1.2（JSON）',
  'site.downloads.oscal.what':
    'NIST の OSCAL 1.2.0 形式です。ガイドラインごとのカタログ（章がグループ、単位がコントロール、本文の要約・出典・英語題名を含む）、チェックリストのカタログ、組ごとの mapping-collection（NIST IR 8477 の関係、根拠の種類、信頼度、対応のない単位）です。',
  'site.downloads.oscal.tool':
    'OSCAL に対応したツール（compliance-trestle、oscal-cli などの検証・変換ツールや GRC 製品）で読み込み、NIST SP 800-53 など他のカタログとの比較や、自社の管理策との対応づけに使えます。各ファイルは NIST が公開している JSON スキーマで検証済みです。',
  'site.downloads.csv.title': 'IR 8477 形式の対応表（CSV）',
  'site.downloads.csv.what':
    'ガイドライン間の対応を NIST IR 8477（OLIR）の列立てで1行1対応にした表です。UTF-8（BOM付き）なので Excel でそのまま開けます。',
  'site.downloads.csv.tool':
    'Excel や表計算ソフトでの確認・監査資料に、また OLIR 形式の対応表を取り込むツールへの入力に使えます。',
  'site.downloads.title': 'ダウンロード',
  'site.downloads.description':
    'ガイドラインの構成・要約・対応表を、CISO Assistant、OSCAL 1.2、IR 8477 形式のCSVで書き出したファイル。',
  'site.downloads.lead':
    'このサイトの内容（ガイドラインの章と単位、要約、出典、ガイドライン間の対応）を、GRC ツールが読める形式で書き出したファイルです。コマンド ',
  'site.downloads.leadEnd': ' が書くものと同じです。',
  'site.downloads.unofficial':
    '単位の本文は本サイトの要約・解説であり、ガイドラインの文言ではありません（各ファイルの中でもそう記しています）。利用規約が公開を認めていない公式本文は含みません。',
  'site.downloads.assessment': '自己評価の結果は',
  'site.downloads.assessmentEnd': 'のページから、CISO Assistant 用のCSVや OSCAL の評価結果として書き出せます。',
  'site.downloads.howTo': '使い方：',
  'site.ck.about.title': 'このチェックリストについて',
  'site.ck.about.official':
    '項目は、利用者が取り込んだ公式PDFのチェックリストの文言です（各項目に公式PDFのページを示します）。',
  'site.ck.about.project': '本サイトの確認項目',
  'site.ck.about.projectBody': (p: { label?: string | undefined }) =>
    `は、本サイトがガイドラインの主題から独自に書いた問いです。${p.label ?? '経産省'} ガイドラインの付録E「チェックリスト」の項目そのものではなく、その文言や番号でもありません。正式な評価には公式PDFの付録Eを使ってください。分類とレベルは、付録Eについて公開情報が伝えている構成に合わせています。`,
  'site.ck.about.levelsOffered': (p: { sourced: (string | number)[]; unsourced: (string | number)[] }) =>
    `回答に使うレベルは、意味が情報源で確認できた${p.sourced.join('・')}です。レベル${p.unsourced.join('・')}は公式の定義が確認できないため、回答の選択肢に含めていません（公式PDFの付録Eで確かめてください）。`,
  'site.ck.about.facts': '付録Eについて公開情報から分かっていること（分類・レベル・項目数と出典）',
  'site.ck.about.levels': '達成レベル',
  'site.ck.about.level': (p: { level: number }) => `レベル${p.level}`,
  'site.ck.about.undefined': '定義未確認',
  'site.ck.about.undefinedHelp': '：公式の定義が確認できないため、回答には使わないでください。',
  'site.ck.about.structure': '構成と項目数',
  'site.ck.about.sources': '出典（S…）の一覧と、それぞれが伝えている内容は',
  'site.ck.about.sourcesLink': '出典一覧',
  'site.ck.about.sourcesEnd': 'にあります。',

  // Fail well (issue 24, part a): another guideline's import, limits on input, paths that cannot be written.
  'import.otherGuideline': (p: { out: string; holds: string; guideline: string }) =>
    `refusing to replace ${p.out}: it holds ${p.holds}'s import, not ${p.guideline}'s; leave --out out to write content/official/${p.guideline}`,
  'fs.noNewFolders': (p: { target: string; above: string; kept?: string }) =>
    `cannot write ${p.target}: ${p.above} does not allow new folders${p.kept ? `; ${p.kept}` : ''}`,
  'import.noRegistry': (p: { content: string }) =>
    `no guidelines.yml in ${p.content}: kojo import needs the content folder (pass --content DIR)`,
  'ask.contentTooLarge': (p: { shown: string; files: number; bytes: number }) =>
    `cannot tell whether ${p.shown}/ has changed since the index was built: it holds more than ${p.files.toLocaleString('en')} files or ${p.bytes / 1024 / 1024} MB, far beyond a content folder, so it is not read`,
  'import.tooManyPages': (p: { file: string; total: number; maxPages: number }) =>
    `${p.file} has ${p.total.toLocaleString('en')} pages; kojo import reads at most ${p.maxPages.toLocaleString('en')} (--max-pages N raises the limit for a longer guideline)`,
  'import.pageTooSlow': (p: { file: string; page: number; seconds: number }) =>
    `${p.file}: page ${p.page} could not be read in time (over ${p.seconds} s; a damaged or hostile page?); nothing was imported`,
  'import.unreadablePdf': (p: { file: string; reason: string }) => `${p.file} is not a readable PDF (${p.reason})`,
  'import.maxPages': 'the most pages a PDF may have',
  'import.otherTitle': (p: {
    label: string;
    title: string;
    reads: string;
    other: string;
    pages: number;
    total: number;
  }) =>
    `not ${p.label}「${p.title}」: its title page reads 「${p.reads}」; it looks like ${p.other} (--guideline ${p.other}); stopped after ${p.pages} of ${p.total} pages`,

  // Answers that never overclaim (issue 19): why a result matched, pointers, weak results folded away.
  'search.folded': 'その他の近い条項',

  // The search page's status and keyword mode, and kojo ask's FAQ and links (issue 19 items 5–7).
  'search.keyword.empty': 'このキーワードを含む条項は見つかりませんでした。',
  'search.keyword.tryQuestion': '質問の形で探す',
  'search.keyword.tryQuestionAfter': 'と、言葉が違っても意味の近い条項が見つかります。',
  'search.keyword.tryTerms': '用語集の関連語：',
  'ask.faq.heading': '■ よくある質問',
  'ask.referenceGroup': '（参照枠組み：識別子と本サイトの一行説明）',
  'ask.counterparts': (p: { guideline: string; items: string[] }) => `↔ ${p.guideline}: ${p.items.join(' ／ ')}`,
  'ask.baseUrl': 'make every link absolute under this site address (http or https)',
  'ask.badBaseUrl': (p: { got: string }) => `--base-url must be an http:// or https:// address (got "${p.got}")`,

  // The CLI's leftovers (issue 18 item 4): kojo ask, import, export; the answer's fixed lines.
  'cli.note': (p: { note: string }) => `kojo: note: ${p.note}`,
  'cli.error.unknownGuideline': (p: { key: string; known: string }) =>
    `unknown guideline '${p.key}' (known: ${p.known})`,
  'ask.help':
    'Answers a question from every guideline (top k each) with snippets, links and mapped counterparts. "-" reads one question per line from stdin and prints one JSON object per line.',
  'ask.option.index': (p: { index: string; site: string }) =>
    `the index to ask (default: ${p.index}, else the site build's ${p.site})`,
  'ask.option.k': 'answers per guideline',
  'ask.option.guideline': 'answer from this guideline only',
  'ask.option.embedder': "the index's own embedder (auto), or a name that must match it",
  'ask.emptyQuestion':
    'the question is empty: kojo ask "古いOS端末はどうすればいい？" (or - to read questions from stdin)',
  'ask.siteIndex': (p: { site: string; index: string }) =>
    `asking the site build's index at ${p.site} (no ${p.index} yet)`,
  'ask.cannotTell': (p: { shown: string; reason: string }) =>
    `cannot tell whether ${p.shown}/ has changed since the index was built: ${p.reason}`,
  'ask.stale': (p: { shown: string; dir: string; rebuild: string }) =>
    `${p.shown}/ has changed since the index at ${p.dir} was built; run "${p.rebuild}" to include the changes`,
  'ask.lineError': (p: { line: number; message: string }) => `kojo: line ${p.line}: ${p.message}`,
  'ask.nearestAnyway': '参考までに、最も近い条項:',
  'ask.footer.official':
    '［公式本文］は利用者の公式PDFから取り込んだガイドラインの本文、それ以外は非公式の要約・実務メモです。',
  'ask.footer.unofficial': '非公式の学習用要約です。正確な内容は公式PDFで確認してください。',
  'import.help':
    "Reads a guideline's own PDF (or text copied from it), finds every official unit of its table of contents and writes their text, cited by page, into CONTENT/official/KEY/ (replacing only a previous import, atomically). Prints the coverage. Exits 1 and writes nothing unless every unit was found with text and the result passes kojo check (--allow-partial writes what was found).",
  'import.option.guideline': 'the guideline the file is (a key of guidelines.yml)',
  'import.option.out': 'where to write (default: CONTENT/official/KEY)',
  'import.option.dryRun': 'read and report, write nothing',
  'import.option.allowPartial': 'write the units found even when some are missing (import.yml records which)',
  'import.option.report':
    'write a review of the import (each unit’s pages, first and last lines, length, every correction and warning) as Markdown (.md) or HTML (.html)',
  'import.oneFile': (p: { count: number }) =>
    `name one file to import${p.count ? `, not ${p.count}` : ''} (see kojo import --help)`,
  'import.noGuideline': (p: { file: string; known: string }) =>
    `--guideline is required: which guideline is ${p.file}? (${p.known})`,
  'import.badReport': (p: { path: string }) =>
    `--report ${p.path}: name a .md or .html file (the extension chooses the format)`,
  'import.runCheck': (p: { problem: string }) => `${p.problem} (run kojo check)`,
  'import.progress': 'reading pages',
  'import.noEdition': (p: { file: string; label: string; version: string }) =>
    `kojo: no edition found on the title page; check that ${p.file} is ${p.label} ${p.version}`,
  'import.written': (p: { target: string; partial: boolean }) =>
    `written to ${p.target}${p.partial ? ' (partial: --allow-partial)' : ''}`,
  'import.failsCheck': 'the result would not pass kojo check',
  'import.unitsMissing': (p: { count: number }) => `${p.count} units missing`,
  'import.incomplete': (p: { file: string; what: string; after: string }) =>
    `kojo: incomplete import of ${p.file}: ${p.what}; ${p.after}`,
  'import.notFound': (p: { missing: number; total: number; names: string }) =>
    `${p.missing} of ${p.total} units not found (${p.names})`,
  'import.wouldFail': (p: { problem: string }) => `kojo check would fail: ${p.problem}`,
  'import.writtenAnyway': 'written anyway (--allow-partial); import.yml records what is missing',
  'import.nothingWritten': 'nothing written',
  'import.nothingWrittenHint':
    'nothing written (--report FILE shows where each unit was cut; --allow-partial writes the units found)',
  'import.summary.found': (p: {
    key: string;
    found: number;
    total: number;
    method: string;
    file: string;
    pages: number;
    edition?: string;
  }) =>
    `${p.key}: ${p.found} of ${p.total} official units found (${p.method}) in ${p.file}, ${p.pages} pages${p.edition ? `, ${p.edition}` : ''}`,
  /** A unit's place in the PDF and its length, in the import's summary and in import --new's review. */
  'import.summary.pages': (p: { from: number; to: number; chars: number }) => `p.${p.from}–${p.to}  ${p.chars} chars`,
  'import.summary.notFound': 'not found',
  'import.summary.corrections': 'corrections:',
  'import.summary.warnings': 'warnings:',
  'import.summary.unplaced': (p: { count: number }) =>
    `headings not placed (${p.count}; their text stays with the unit above):`,
  'import.summary.contents': (p: { pages: number[] }) => `contents pages skipped: ${p.pages.join(', ')}`,
  'import.summary.checklistSkipped': (p: { chapter: string; reason: string }) =>
    `checklist (${p.chapter}): not read — ${p.reason}; /checklist/ keeps the project's items`,
  'import.summary.checklistRead': (p: { chapter: string; items: number }) =>
    `checklist (${p.chapter}): ${p.items} items read; /checklist/ and kojo checklist use them`,
  'export.help':
    "Exports the guidelines, the checklist and the mappings into the formats GRC tools read: ciso-assistant (CISO Assistant libraries, YAML: one framework per guideline, the checklist scored 1-5, a mapping library per pair of guidelines), oscal (OSCAL 1.2.0 JSON: a catalog per guideline and for the checklist, a mapping-collection per pair) or csv (the mappings as an IR 8477 / OLIR-style CSV for Excel). With --assessment FILE (a JSON or CSV exported from /checklist/) it also writes that assessment: the CSV CISO Assistant's data wizard imports as an audit, or OSCAL assessment-results. The folder is replaced atomically, and only when it is empty or an earlier kojo export.",
  'export.option.format': 'the target format',
  'export.option.out': 'where to write the files (default: .kojo/export/FORMAT)',
  'export.option.guideline': 'export only these guidelines (and the mappings between them); default: all',
  'export.option.assessment': 'also export this assessment (JSON or CSV from the /checklist/ page)',
  'export.option.includeOfficial':
    "include these guidelines' imported official text even where guidelines.yml says it may not be published (comma-separated; only for a copy you may share)",
  'export.noItems': (p: { content: string }) => `the content folder ${p.content} has no checklist items to assess`,
  'export.wrote': (p: { count: number; out: string; names: string[] }) =>
    `kojo export: wrote ${p.count} file(s) into ${p.out}: ${p.names.join(', ')}`,
  'suggest.needsRelationship': (p: { relationships: readonly string[] }) =>
    `relationship (${p.relationships.join(', ')})`,
  'suggest.needsRationale': 'rationale (your own words)',
  'suggest.and': ' and ',

  // kojo import --new and kojo suggest-mappings: a guideline the registry does not know (issue 23).
  'command.suggest-mappings': "suggest mappings between a guideline's units and another's, for review",
  'importNew.option.new':
    'import a document the registry does not know as a new guideline KEY (its table of contents is read from the document)',
  'importNew.option.title': 'the new guideline’s title (default: as its title page prints it)',
  'importNew.option.label': 'its short name in lists and badges (default: KEY in capitals)',
  'importNew.option.edition': 'its edition (default: as its title page prints it)',
  'importNew.option.publisher': 'who publishes it',
  'importNew.option.date': 'its date, YYYY, YYYY-MM or YYYY-MM-DD (default: the first date on its title page)',
  'importNew.option.url': 'the publisher’s page for it (http or https)',
  'importNew.option.publishable': 'its text may go into the public site (default: for your own use only)',
  'importNew.badKey': (p: { key: string; reason: string }) => `--new ${p.key}: ${p.reason}`,
  'importNew.knownKey': (p: { key: string }) =>
    `--new ${p.key}: already a guideline of guidelines.yml (import its PDF with --guideline ${p.key}, or choose another key)`,
  'importNew.bothKeys':
    'give --new KEY (a document the registry does not know) or --guideline KEY (one it knows), not both',
  'importNew.noStructure': (p: { file: string }) =>
    `no structure found in ${p.file}: no bookmarks, no tagged headings, no numbered headings (第1章, 1.1, 付録A) and no headings set apart by their type — nothing written`,
  'importNew.noDate': (p: { file: string }) =>
    `--date is needed: no date found on the title page of ${p.file} (write --date YYYY-MM-DD)`,
  'importNew.unknownEdition': '版不明',
  'importNew.unknownPublisher': '発行元未記入（guidelines.yml に記入してください）',
  'importNew.licence.private':
    '利用者が保有するPDFから取り込んだ文書です。著作権は発行元にあります。本文は利用者自身の参照用で、公開するサイトには載せません。',
  'importNew.licence.publishable':
    '利用者が保有するPDFから取り込んだ文書です。利用者が公開してよいと確認した文書として、本文をサイトに載せます。',
  'importNew.attribution': (p: { publisher: string; title: string; version: string }) =>
    `出典：${p.publisher}「${p.title}」${p.version}（利用者が保有するPDFから取り込んだ本文）`,
  'importNew.summary': (p: {
    key: string;
    title: string;
    version: string;
    method: string;
    chapters: number;
    units: number;
  }) =>
    `${p.key}: 「${p.title}」 ${p.version} — table of contents read from its ${p.method} headings: ${p.chapters} chapters, ${p.units} units with text`,
  'importNew.draft': (p: { publishable: boolean }) =>
    `entry: status draft, official text ${p.publishable ? 'publishable' : 'not publishable (for your own use; --publishable to publish)'}`,
  'importNew.noTextShort': 'no text found',
  'importNew.noText': 'no unit with text was found',
  'importNew.dryRun': 'dry run: nothing written',
  'importNew.written': (p: { registry: string; official: string }) =>
    `written: the entry appended to ${p.registry}, the official text to ${p.official} (next: kojo check, kojo suggest-mappings)`,
  'importNew.notWritten': (p: { problem: string }) => `not written: ${p.problem}`,
  'importNew.registryComment': (p: { key: string }) =>
    `\n# ${p.key}: added by kojo import --new from the document's own structure (a draft: review the chapters and titles).`,
  'suggest.help':
    "Ranks candidate mappings between KEY's units and OTHER's by the search's own similarity and writes them for review to CONTENT/mappings/suggested/KEY--OTHER.yml (never read as mappings), each with the terms both share and a snippet of each side. Mark a candidate `accept: true`, give its relationship and rationale, then `kojo suggest-mappings --accept FILE` moves it into CONTENT/mappings/.",
  'suggest.option.to': 'the other guideline (a key of guidelines.yml)',
  'suggest.option.min': 'leave out candidates scoring below this similarity (0–1)',
  'suggest.option.top': 'at most this many candidates per unit',
  'suggest.option.out': 'where to write the review file (default: CONTENT/mappings/suggested/KEY--OTHER.yml)',
  'suggest.option.accept': 'move the candidates marked accept: true in this review file into CONTENT/mappings/',
  'suggest.oneKey': 'name one guideline to suggest mappings for (see kojo suggest-mappings --help)',
  'suggest.acceptAlone': '--accept FILE takes no KEY: the review file names its candidates',
  'suggest.badMin': (p: { got: string }) => `--min-confidence must be a number from 0 to 1 (got "${p.got}")`,
  'suggest.noTo': (p: { known: string }) => `--to is required: which guideline to map to? (${p.known})`,
  'suggest.badTo': (p: { to: string; known: string }) =>
    `--to ${p.to}: name another guideline of guidelines.yml (known: ${p.known})`,
  'suggest.written': (p: { count: number; path: string }) =>
    `kojo: ${p.count} suggested mappings written to ${p.path} for review (not mappings until accepted: kojo suggest-mappings --accept ${p.path})`,
  'suggest.fileHeader': (p: { key: string; to: string; relationships: string }) =>
    `# Suggested mappings ${p.key} → ${p.to}, written by kojo suggest-mappings: NOT mappings (kojo check, the site and kojo map never read\n# this folder). To accept a candidate: set accept: true, relationship: ${p.relationships}, and a rationale in\n# your own words (confidence: stated if a source states the link), then run kojo suggest-mappings --accept FILE.`,
  'suggest.notReview': (p: { file: string; line: number }) =>
    `${p.file}:${p.line}: not a review file of kojo suggest-mappings (a YAML list of candidates)`,
  'suggest.refuse': (p: { where: string; from: string; to: string; missing: string }) =>
    `${p.where}: ${p.from} → ${p.to} is marked accept: true but has no ${p.missing}; not accepted`,
  'suggest.refuseUnknown': (p: { where: string; id: string }) =>
    `${p.where}: "${p.id}" is no unit of the content; not accepted`,
  'suggest.mappingsHeader': (p: { key: string }) =>
    `# Mappings of ${p.key}, accepted from suggestions (kojo suggest-mappings --accept); each reads from the guideline\n# listed earlier in guidelines.yml to the later one.\n`,
  'suggest.accepted': (p: { count: number; target: string; file: string }) =>
    `kojo: ${p.count} accepted mappings appended to ${p.target} and removed from ${p.file}`,
  'suggest.reviewed': (p: { where: string }) =>
    `${p.where}: this review file holds your marks (accept, rationale); run kojo suggest-mappings --accept on it first, or move it away, before suggesting again`,
  'suggest.noneAccepted': (p: { file: string }) =>
    `kojo: no candidate of ${p.file} is marked accept: true; nothing moved`,
  // The About page's list of METI documents beyond Ver 1.0 a user may bring (site/pages/about.astro).
  'about.family.heading': '取り込める関連文書（経済産業省）',
  'about.family.intro':
    '経済産業省はVer 1.0のあとにも関連する文書を公表しています。本サイトはこれらの目次を持っていないため、条項としては載せていません。手元にPDFがあれば、次のコマンドで新しい文書として取り込めます（目次は文書のしおりや見出しから読み取り、取り込んだ本文は既定で利用者自身の参照用です）。',
  'about.family.command': 'kojo import PDFファイル --new キー',
  'about.family.bring': '持ってくるPDF',
  'about.family.where': '入手先',
  'about.family.smart.name': '別冊「スマート化を進める上でのポイント」（2024年4月4日）',
  'about.family.smart.what':
    '工場をスマート化するときのポイントと主な対策をまとめた別冊で、本体3章と同じステップの構成をとり、ゾーンの設定、インシデント時の責任分担、取引先・サプライヤーへの要求事項などを扱うと報告されています。英訳（Appendix: Key Considerations for Promoting Smartification）は本体の英訳とともに2024年4月17日に公開されました。',
  'about.family.smart.bring': '別冊のPDF（日本語版。英訳を読むなら英語版のPDFも別の文書として）',
  'about.family.smart.where': '経済産業省のニュースリリース（別冊の公表）。英訳は英語版のニュースリリースから',
  'about.family.appendix.name': 'Appendix「工場セキュリティの重要性と始め方」（2025年4月11日、22ページ）',
  'about.family.appendix.what':
    '中小規模の製造業者向けに本体を解説する文書で、経営層向けの章と担当者向けの章からなると報告されています。2024年の別冊（英語名 Appendix）とは別の文書です。',
  'about.family.appendix.bring': 'Appendixの22ページのPDF',
  'about.family.appendix.where':
    '経済産業省のサイトで公開されています（公開先のアドレスは本サイトの情報源では確認できていません。題名で探してください）',
  'about.family.semi.name': '「半導体デバイス工場におけるOTセキュリティガイドライン」（成案 2025年10月24日）',
  'about.family.semi.what':
    '半導体デバイスメーカーの製造部門の実務者向けの指針で、SEMIのE187/E188規格とNIST CSF 2.0に整合していると報告されています。案は2025年6月27日に日本語版・英語版とも公表され、8月26日まで意見募集が行われました。',
  'about.family.semi.bring': '成案（2025年10月24日）のPDF。案のPDFではありません',
  'about.family.semi.where':
    '案を公表した経済産業省のページ（成案のページのアドレスは本サイトの情報源では確認できていません）',

  // What pages' browser scripts say, each page's part in a module of its own (./ja/) so a script
  // bundles only its part. Last, so a key also written above is a type error (specified twice).
  ...searchPage,
  ...searchQuestion,
  ...searchKeyword,
  ...checklistPage,
  ...checklistExport,
  ...checklistStorage,
  ...permalink,
  ...searchOpen,
  ...exportFiles,
} satisfies Record<string, string | ((params: never) => string)>;

/** The shape every edition's wording has: the same keys, each taking the same values. */
export type Wording = typeof ja;
