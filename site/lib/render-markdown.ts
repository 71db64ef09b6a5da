/**
 * A clause's Markdown body → HTML for the site. Parsed with the same remark-parse (no GFM) as
 * indexer/corpus/parse.ts, so what is rendered is what the checker and the search index read.
 *
 * Safety: raw HTML in the Markdown is dropped (allowDangerousHtml stays off), and links or images
 * that would leave the site's own origin as a resource are neutralised: the built site must load
 * nothing from outside (it runs on isolated plant networks).
 */
import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Plain navigation targets are fine; scripts (`javascript:`) and unknown schemes are not. */
const safeHref = /^(?:https?:\/\/|mailto:|\/(?!\/)|#|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;
/** Only same-origin images: an external one would be a request outside the site. */
const sameOriginSrc = /^(?:\/(?!\/)|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/;

function neutraliseUrls() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'a') {
        const href = String(node.properties.href ?? '');
        if (!safeHref.test(href)) delete node.properties.href;
        else if (/^https?:/i.test(href)) node.properties.rel = ['noopener', 'noreferrer'];
      }
      if (node.tagName === 'img' && parent && typeof index === 'number') {
        const src = String(node.properties.src ?? '');
        if (!sameOriginSrc.test(src)) {
          // Keep what the image said, not the request.
          parent.children.splice(index, 1, { type: 'text', value: String(node.properties.alt ?? '') });
          return index;
        }
      }
      return undefined;
    });
  };
}

const processor = unified().use(remarkParse).use(remarkRehype).use(neutraliseUrls).use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
