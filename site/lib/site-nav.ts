/**
 * The site's sections, in the order the header and the footer list them: one list, so a page added
 * here is reachable from every page (the practice notes and the sources once were not).
 */
import { guidelineUrl, type GuidelineMeta } from '../../indexer/corpus/index.ts';
import { paths } from './paths.ts';

export interface Section {
  href: string;
  /** Short, for the header. */
  label: string;
  /** What the section is, in full: the footer's text and the header link's tooltip. */
  title: string;
}

export function siteSections(guidelines: readonly Pick<GuidelineMeta, 'key' | 'label' | 'shortTitle'>[]): Section[] {
  return [
    ...guidelines.map((g) => ({
      href: guidelineUrl(g.key),
      label: g.label,
      title: `${g.label} 目次（${g.shortTitle}）`,
    })),
    ...(guidelines.length > 1 ? [{ href: paths.compare, label: '比較', title: 'ガイドラインどうしの比較' }] : []),
    { href: paths.checklist, label: '自己評価', title: '自己評価チェックリスト' },
    { href: paths.notes, label: '実務メモ', title: '実務メモ（本サイトの助言）' },
    { href: paths.faq, label: 'FAQ', title: 'よくある質問' },
    { href: paths.glossary, label: '用語集', title: '用語集' },
    { href: paths.sources, label: '出典', title: '出典（公開情報の一覧）' },
    { href: paths.about, label: 'About', title: 'このサイトについて' },
  ];
}

/**
 * How a link to `href` is marked on the page at `here`: "page" on the page itself, "true" on a deeper
 * page of its section (a chapter of a guideline, a note of the notes), nothing elsewhere.
 */
export function currentMark(href: string, here: string): 'page' | 'true' | undefined {
  if (here === href) return 'page';
  return href !== paths.home && here.startsWith(href) ? 'true' : undefined;
}
