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
  'checklist.cannotRead': (p: { file: string; reason: string }) => `cannot read ${p.file}: ${p.reason}`,
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
  'suggest.unknownKey': (p: { key: string; known: string }) => `unknown guideline '${p.key}' (known: ${p.known})`,
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
} satisfies Record<string, string | ((params: never) => string)>;

/** The shape every edition's wording has: the same keys, each taking the same values. */
export type Wording = typeof ja;
