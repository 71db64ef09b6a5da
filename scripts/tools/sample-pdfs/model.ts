/**
 * The shared document model of the generated guideline PDFs: a METI-shaped and a GUTP-shaped
 * document (the official units of guidelines.yml with invented, neutral text), and a plant's own
 * standard the registry does not know (for kojo import --new), as sections of blocks.
 * Every sentence is generated filler for the tests — never the guidelines' own words; only the unit
 * labels and the titles guidelines.yml gives carry over, as a real PDF prints them. A layout
 * (layouts.ts) chooses how the same model is set on pages.
 */
import { GUTP_APPENDICES, GUTP_CHAPTERS, GUTP_TITLE } from './gutp-contents.ts';

/** Which document shape: METI's, GUTP's, or a plant's own standard the registry does not know. */
export type SampleGuideline = 'meti' | 'gutp' | 'plant';

export interface UnitRef {
  chapter: string;
  section: string;
}

export interface Table {
  header: string[];
  rows: string[][];
  /** Column widths as shares of the text width. */
  widths: number[];
}

export type Block =
  /** A paragraph; `notes` are footnotes, their markers set after the sentence of the same index. */
  | { p: string; notes?: { after: number; text: string }[] }
  | { list: string[] }
  | { table: Table }
  /** An overview figure: boxes with heading-like labels, `perRow` side by side, and its caption. */
  | { figure: string; boxes: string[]; perRow: number }
  /** A boxed section (a コラム set as a frame inside a chapter). */
  | { box: Section }
  /** A sub-heading that is no official unit. */
  | { sub: string }
  /** Paragraphs set in two columns. */
  | { columns: string[] }
  /** A page that is only an image (a scanned figure). */
  | { image: string }
  /** Blocks set on a landscape page of their own. */
  | { landscape: Block[] };

export interface Section {
  unit?: UnitRef;
  /** 1 chapter/appendix/column, 2 step, 3 sub-step. */
  level: 1 | 2 | 3;
  /** The decimal numbering (`3.1.1`) where the document numbers the section, else none. */
  number?: string;
  /** The named label as printed (`ステップ1-1`, `付録A`, `コラム1`), for a chapter its number (`3`). */
  label: string;
  title: string;
  blocks: Block[];
  /** Where a layout sets columns as boxes, the chapter they sit in. */
  boxIn?: string;
}

export interface DocumentModel {
  guideline: SampleGuideline;
  title: string;
  edition: string;
  publisher: string;
  sections: Section[];
}

/** A small deterministic random source (mulberry32): the same seed gives the same document. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = [
  '設備の担当者は',
  '情報システム部門は',
  '工場の管理者は',
  '保守を請け負う事業者は',
  '各部門の責任者は',
  '現場の作業者は',
  '調達の担当者は',
  '経営層は',
];
const objects = [
  '対象となる機器の一覧を',
  '通信の経路と相手先を',
  '保守作業の手順を',
  '記録の保存期間を',
  '関係者の連絡先を',
  '外部記憶媒体の扱いを',
  '更新の計画を',
  '入退室の記録を',
  'network segment の構成を',
  'remote access の許可条件を',
  '予備品の保管場所を',
  '停止時の連絡手順を',
];
const verbs = [
  '定期的に見直す。',
  '文書にまとめて共有する。',
  '変更のたびに確認する。',
  '責任者の承認を得てから実施する。',
  '年に一度は点検する。',
  '関係部門と合意しておく。',
  '台帳に記録し、差異があれば原因を調べる。',
  '現場の実情に合わせて具体化する。',
];
const connectors = ['', '', 'なお、', 'また、', 'このため、', 'あわせて、', '必要に応じて、'];

export function sentence(rnd: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  return `${pick(connectors)}${pick(subjects)}${pick(objects)}${pick(verbs)}`;
}

/** A paragraph of `n` sentences, the first naming the unit it belongs to (so a test can tell where text landed). */
export function paragraph(rnd: () => number, tag: string, n: number): string {
  return [`この部分（${tag}）は試験用に生成した文章です。`, ...Array.from({ length: n - 1 }, () => sentence(rnd))].join(
    '',
  );
}

const sec = (chapter: string, section: string): UnitRef => ({ chapter, section });

/** Body blocks for a unit: paragraphs, a list, sometimes a sub-heading. */
function body(rnd: () => number, tag: string, paragraphs: number): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < paragraphs; i++) {
    blocks.push({ p: paragraph(rnd, tag, 4 + Math.floor(rnd() * 4)) });
    if (i === 1) blocks.push({ list: [sentence(rnd), `${sentence(rnd)}${sentence(rnd)}`, sentence(rnd)] });
  }
  return blocks;
}

const URLS = [
  'https://www.example.go.jp/policy/netsecurity/wg1/factorysystems/reference-materials-list.html',
  'https://www.example.or.jp/security/guidelines/industrial-control-systems/2022/overview_v1.pdf',
  'https://www.example.org/standards/iec62443/part-3-3/system-security-requirements-and-levels',
];

/** A paragraph with footnotes whose text holds a URL that will wrap. */
function noted(rnd: () => number, tag: string, n: number): Block {
  return {
    p: `${paragraph(rnd, tag, 3)}参考資料は ${URLS[n % URLS.length]} に掲載されている。${sentence(rnd)}${sentence(rnd)}`,
    notes: [
      { after: 1, text: `試験用の脚注です。詳細は ${URLS[(n + 1) % URLS.length]} を参照。` },
      { after: 3, text: '試験用の二つ目の脚注です。' },
    ],
  };
}

const glossaryTerms = [
  'IT',
  'OT',
  'ICS',
  'PLC',
  'DCS',
  'HMI',
  'SCADA',
  'IoT',
  'DMZ',
  'VPN',
  'USB',
  'ERP',
  'MES',
  'CPS',
  'BCP',
  'CSIRT',
  'SOC',
  'IDS',
  'IPS',
  'UTM',
  'EWS',
  'PDCA',
  'RTU',
  'OPC UA',
  'NTP',
  'SIEM',
  'EDR',
  'SBOM',
  'ISMS',
  'CSMS',
];

function glossary(rnd: () => number): Table {
  return {
    header: ['用語', '説明'],
    widths: [0.22, 0.78],
    rows: glossaryTerms.map((t, i) => [t, `試験用の説明${i + 1}。${sentence(rnd)}${i % 3 === 0 ? sentence(rnd) : ''}`]),
  };
}

/** The checklist's categories as content/checklist/categories.yml names them (METI 付録E's five). */
const CATEGORIES = ['準備', '組織的対策', '運用的対策', '技術的対策', '工場システムサプライチェーン管理'];

const checks = [
  '対象となる工場システムの範囲を文書で定めているか。',
  '保護対象の資産を一覧にし、責任者を決めているか。',
  '外部記憶媒体を持ち込む際の手順を定め、関係する部門と確かめているか。',
  '保守事業者が接続する経路と時間を記録しているか。',
  '機器の更新計画を作り、定期的に見直しているか。',
  '停止時の連絡手順を関係者に周知しているか。',
  '通信の相手先と経路を図にまとめ、変更のたびに更新しているか。',
];

function checklist(count: number): Table {
  return {
    header: ['No.', '分類', '確認項目', '対象', 'レベル'],
    widths: [0.08, 0.2, 0.5, 0.12, 0.1],
    rows: Array.from({ length: count }, (_, i) => [
      String(i + 1),
      CATEGORIES[Math.min(CATEGORIES.length - 1, Math.floor((i * CATEGORIES.length) / count))]!,
      `${checks[i % checks.length]!.replace('か。', '')}（試験用項目${i + 1}）か。`,
      i % 2 ? '工場' : '全社',
      String(1 + (i % 3)),
    ]),
  };
}

/** Step titles are not in guidelines.yml for most steps: the generated ones say they are invented. */
const stepTitles: Record<string, string> = {
  '1-1': '試験用見出し 組織の状況の確認',
  '1-2': '試験用見出し 業務の洗い出し',
  '1-3': '試験用見出し 保護対象の一覧化',
  '1-4': '試験用見出し 保護対象の重要度',
  '1-5': '試験用見出し 区域の設定',
  '1-6': '試験用見出し 業務と区域の対応',
  '1-7': '試験用見出し 想定脅威の整理',
  '2-1': '試験用見出し 区域ごとの方針',
  '2-2': '試験用見出し 想定脅威への対策',
  '3': '試験用見出し 運用と改善',
};

/** The METI-shaped document: chapters 1–3 with their steps, appendices A–F, columns 1–4. */
export function metiDocument(edition = 'Ver 1.0', seed = 1): DocumentModel {
  const rnd = random(seed);
  const steps: Section[] = [];
  for (const [n, title] of [
    ['1', '内外要件（経営層の取組や法令等）や業務、保護対象等の整理'],
    ['1-1'],
    ['1-2'],
    ['1-3'],
    ['1-4'],
    ['1-5'],
    ['1-6'],
    ['1-7'],
    ['2', 'セキュリティ対策の立案'],
    ['2-1'],
    ['2-2'],
    ['3'],
  ] as [string, string?][]) {
    const [major, minor] = n.split('-');
    const label = `ステップ${n}`;
    const blocks = body(rnd, label, n === '2-2' ? 5 : 3);
    if (n === '1-4') blocks.splice(2, 0, noted(rnd, label, 0));
    if (n === '2-1')
      blocks.splice(1, 0, { columns: [paragraph(rnd, `${label}の二段組`, 6), paragraph(rnd, `${label}の二段組`, 6)] });
    if (n === '2-2')
      blocks.splice(3, 0, { sub: '3.2.2.1 試験用の小見出し' }, { p: paragraph(rnd, `${label}の小見出し`, 4) });
    steps.push({
      unit: sec('3', label),
      level: minor ? 3 : 2,
      number: minor ? `3.${major}.${minor}` : `3.${major}`,
      label,
      title: title ?? stepTitles[n]!,
      blocks,
    });
  }
  const appendix = (l: string, title: string, blocks: Block[]): Section => ({
    unit: sec(`付録${l}`, `付録${l}`),
    level: 1,
    label: `付録${l}`,
    title,
    blocks,
  });
  const column = (n: string, title: string, boxIn: string): Section => ({
    unit: sec(`コラム${n}`, `コラム${n}`),
    level: 1,
    label: `コラム${n}`,
    title,
    blocks: [{ p: paragraph(rnd, `コラム${n}`, 5) }, { p: paragraph(rnd, `コラム${n}`, 4) }],
    boxIn,
  });
  return {
    guideline: 'meti',
    title: '工場システムにおけるサイバー・フィジカル・セキュリティ対策ガイドライン',
    edition,
    publisher: '試験用文書（実在の文書ではありません）',
    sections: [
      {
        unit: sec('1', '1'),
        level: 1,
        number: '1',
        label: '1',
        title: 'はじめに',
        blocks: [...body(rnd, '第1章', 3), { sub: '1.1 試験用の節見出し' }, ...body(rnd, '第1章の節', 2)],
      },
      column('1', '工場セキュリティを巡る動向', '1'),
      {
        unit: sec('2', '2'),
        level: 1,
        number: '2',
        label: '2',
        title: '本ガイドラインの想定工場',
        blocks: [
          ...body(rnd, '第2章', 4),
          { image: '図2-1 試験用の工場の写真（画像のみのページ）' },
          ...body(rnd, '第2章の後半', 2),
        ],
      },
      column('2', '工場システムの目的や製造業／工場の価値から見たセキュリティ', '2'),
      {
        unit: sec('3', '3'),
        level: 1,
        number: '3',
        label: '3',
        title: 'セキュリティ対策企画・導入の進め方',
        blocks: [
          ...body(rnd, '第3章', 2),
          {
            figure: '図3-1 試験用の進め方の全体像',
            perRow: 2,
            boxes: ['1-1', '1-2', '1-3', '1-4', '2-1', '2-2', '3'].map((n) => `ステップ${n} ${stepTitles[n]!}`),
          },
          { p: paragraph(rnd, '第3章の図の後', 4) },
        ],
      },
      ...steps.slice(0, 8),
      column('3', 'スマート工場への流れ', '3'),
      ...steps.slice(8),
      column('4', '工場におけるクラウド利用', '3'),
      appendix('A', '用語／略語', [{ p: paragraph(rnd, '付録A', 2) }, { table: glossary(rnd) }]),
      appendix('B', '工場システムを取り巻く社会的セキュリティ要件', [
        ...body(rnd, '付録B', 2),
        { landscape: [{ p: paragraph(rnd, '付録Bの横長の表', 2) }, { table: wideTable(rnd) }] },
        { p: paragraph(rnd, '付録Bの後半', 4) },
      ]),
      appendix('C', '関係文書におけるセキュリティ対策の考え方', body(rnd, '付録C', 3)),
      appendix('D', '関連／参考資料', [noted(rnd, '付録D', 1), ...body(rnd, '付録D', 2)]),
      appendix('E', 'チェックリスト', [{ p: paragraph(rnd, '付録E', 3) }, { table: checklist(35) }]),
      appendix('F', '調達仕様書テンプレート(記載例)', body(rnd, '付録F', 4)),
    ],
  };
}

function wideTable(rnd: () => number): Table {
  return {
    header: ['区分', '名称', '発行元', '概要', '備考'],
    widths: [0.12, 0.22, 0.16, 0.38, 0.12],
    rows: Array.from({ length: 8 }, (_, i) => [
      i % 2 ? '国内' : '海外',
      `試験用の文書名${i + 1}`,
      `試験用団体${(i % 3) + 1}`,
      sentence(rnd),
      i % 3 ? '' : '参考',
    ]),
  };
}

/** The GUTP-shaped document: `第N章` chapters 1–7 and appendices 1–4 (the checklist first). */
export function gutpDocument(edition = 'v1.00', seed = 2): DocumentModel {
  const rnd = random(seed);
  // Drawn in this order (the appendices' text first): the seeded text of every unit depends on it.
  const bodies: Block[][] = [
    [{ p: paragraph(rnd, '付録1', 2) }, { table: checklist(33) }],
    body(rnd, '付録2', 3),
    [noted(rnd, '付録3', 2), ...body(rnd, '付録3', 1)],
    [{ table: glossary(rnd) }],
  ];
  const chapters = GUTP_CHAPTERS;
  const appendices = GUTP_APPENDICES.map(([n, title], i) => [n, title, bodies[i]!] as const);
  return {
    guideline: 'gutp',
    title: GUTP_TITLE,
    edition,
    publisher: '試験用文書（実在の文書ではありません）',
    sections: [
      ...chapters.map(
        ([n, title]): Section => ({
          unit: sec(n, n),
          level: 1,
          number: n,
          label: `第${n}章`,
          title,
          blocks: [
            ...body(rnd, `第${n}章`, 3),
            ...(n === '4' ? [{ sub: `${n}.1 試験用の節見出し` }, ...body(rnd, `第${n}章の節`, 2)] : []),
            ...(n === '5'
              ? [
                  { columns: [paragraph(rnd, '第5章の二段組', 6), paragraph(rnd, '第5章の二段組', 6)] },
                  ...body(rnd, '第5章', 1),
                ]
              : []),
          ],
        }),
      ),
      ...appendices.map(
        ([n, title, blocks]): Section => ({
          unit: sec(`付録${n}`, `付録${n}`),
          level: 1,
          label: `付録${n}`,
          title,
          blocks,
        }),
      ),
    ],
  };
}

/**
 * A shape the registry does not know (kojo import --new): a small manufacturer's own factory security
 * standard, `第N章` chapters with `N.M` sections and an appendix. One section (4.2) is clearly about
 * what METI's ステップ2-2 physical measures are about — buildings, power and electrical equipment, water
 * — so a suggested mapping has a known right answer; another (3.1) about carrying in USB memory sticks,
 * which a question can ask for. Their sentences are written for the tests, not taken from any document.
 */
export function plantDocument(seed = 3): DocumentModel {
  const rnd = random(seed);
  const physical = [
    '工場の建屋への入退室は、守衛所で記録し、許可された者だけが制御室に入れるようにする。',
    '電源・電気設備は、停電や瞬時電圧低下に備えて無停電電源装置を設け、分電盤は施錠した部屋に置く。',
    '空調などの環境設備と水道設備は、漏水や温度の異常が制御機器に及ばないよう点検する。',
    '機器の盗難や持ち出しを防ぐため、制御盤と端末はワイヤーで固定し、物理的な対策の状況を年に一度確認する。',
  ].join('');
  const usb = [
    'USBメモリなどの外部記憶媒体を工場に持ち込むときは、事前に申請し、専用の検査端末でウイルス検査を行う。',
    '検査に合格した媒体には管理番号のラベルを貼り、持ち込みと持ち出しを台帳に記録する。',
    '私物のUSBメモリは制御端末に接続しない。',
  ].join('');
  const chapters: [string, string, [string, string, Block[]][]][] = [
    [
      '1',
      '総則',
      [
        ['1.1', '目的', body(rnd, '1.1', 2)],
        ['1.2', '適用範囲', body(rnd, '1.2', 2)],
      ],
    ],
    [
      '2',
      '設備と資産の管理',
      [
        ['2.1', '設備台帳の整備', body(rnd, '2.1', 2)],
        ['2.2', 'ネットワーク構成図', body(rnd, '2.2', 2)],
      ],
    ],
    [
      '3',
      '外部記憶媒体と保守作業',
      [
        ['3.1', 'USBメモリの持ち込み手順', [{ p: usb }, ...body(rnd, '3.1', 1)]],
        ['3.2', '保守事業者の作業', body(rnd, '3.2', 2)],
      ],
    ],
    [
      '4',
      '工場の物理的な保護',
      [
        ['4.1', '区域の区分', body(rnd, '4.1', 2)],
        ['4.2', '建屋と電源・電気設備の物理的な対策', [{ p: physical }, { p: physical.replace(/。/g, 'こと。') }]],
      ],
    ],
    [
      '5',
      '事故への対応',
      [
        ['5.1', '連絡体制', body(rnd, '5.1', 2)],
        ['5.2', '復旧の手順', body(rnd, '5.2', 2)],
      ],
    ],
  ];
  return {
    guideline: 'plant',
    title: '試験用製作所 工場情報セキュリティ標準',
    edition: '第2版',
    publisher: '試験用文書（実在の文書ではありません）',
    sections: [
      ...chapters.flatMap(([n, title, sections]): Section[] => [
        { unit: sec(n, n), level: 1, number: n, label: `第${n}章`, title, blocks: body(rnd, `第${n}章`, 1) },
        ...sections.map(
          ([label, stitle, blocks]): Section => ({
            unit: sec(n, label),
            level: 2,
            number: label,
            label,
            title: stitle,
            blocks,
          }),
        ),
      ]),
      {
        unit: sec('付録A', '付録A'),
        level: 1,
        label: '付録A',
        title: '用語',
        blocks: [{ table: glossary(rnd) }],
      },
    ],
  };
}
