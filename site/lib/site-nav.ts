/**
 * The site's sections, in the order the header and the footer list them: one list, so a page added
 * here is reachable from every page (the practice notes and the sources once were not).
 */
import { guidelineUrl, type GuidelineMeta } from '../../indexer/corpus/index.ts';
import { paths } from './paths.ts';
import { t } from '../../indexer/wording/index.ts';

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
      title: t('site.nav.guideline', { label: g.label, title: g.shortTitle }),
    })),
    ...(guidelines.length > 1
      ? [{ href: paths.compare, label: t('site.nav.compare'), title: t('site.nav.compareTitle') }]
      : []),
    { href: paths.checklist, label: t('site.nav.checklist'), title: t('site.nav.checklistTitle') },
    { href: paths.notes, label: t('site.kind.note'), title: t('site.clause.notes') },
    { href: paths.faq, label: t('site.nav.faq'), title: t('site.nav.faqTitle') },
    { href: paths.glossary, label: t('site.nav.glossary'), title: t('site.nav.glossary') },
    { href: paths.sources, label: t('site.clause.sources'), title: t('site.nav.sourcesTitle') },
    { href: paths.about, label: t('site.nav.about'), title: t('site.nav.aboutTitle') },
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
