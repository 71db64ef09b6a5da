/**
 * A clause's Markdown body → HTML for the site. Parsed with the same remark-parse (no GFM) as
 * indexer/corpus/parse.ts, so what is rendered is what the checker and the search index read.
 *
 * Safety: raw HTML in the Markdown is dropped (allowDangerousHtml stays off), and links or images
 * that would leave the site's own origin as a resource are neutralised: the built site must load
 * nothing from outside (it runs on isolated plant networks).
 */
import type { Element, Root } from 'hast';
import type { Root as MdRoot, Nodes, PhrasingContent, Text } from 'mdast';
import { citationMarker, sourceUrl } from '../../indexer/corpus/index.ts';
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

/** How a citation reads on hover: `S4 PwC Japan「…」`. */
export type SourceTitles = ReadonlyMap<string, string>;

/**
 * `[^S4]` (plain text to the parser, see indexer/corpus/citations.ts) → a footnote-style superscript
 * link to the source's entry on /sources/, right where the statement is.
 */
function citations(titles: SourceTitles) {
  return (tree: MdRoot) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || typeof index !== 'number' || !node.value.includes('[^')) return undefined;
      const parts: PhrasingContent[] = [];
      let at = 0;
      for (const m of node.value.matchAll(citationMarker)) {
        const id = m[1]!;
        if (m.index > at) parts.push({ type: 'text', value: node.value.slice(at, m.index) });
        parts.push({
          type: 'emphasis',
          data: { hName: 'sup', hProperties: { className: ['cite'] } },
          children: [
            {
              type: 'link',
              url: sourceUrl(id),
              title: titles.get(id) ?? null,
              children: [{ type: 'text', value: `[${id}]` }],
            },
          ],
        });
        at = m.index + m[0].length;
      }
      if (!parts.length) return undefined;
      if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}

/** Ids to give the blocks that start on given lines of the Markdown: the passages of official text. */
export type LineAnchors = ReadonlyMap<number, string>;

/**
 * Each passage's anchor on the block it starts (a paragraph, list item, heading or table row), so a
 * search result lands on it. A pipe table is one paragraph to this parser: a row after its first gets
 * an empty anchor element at the start of its line.
 */
function passageAnchors(anchors: LineAnchors) {
  return (tree: MdRoot) => {
    if (!anchors.size) return;
    const used = new Set<number>();
    const take = (line: number | undefined) => {
      if (line === undefined || used.has(line) || !anchors.has(line)) return undefined;
      used.add(line);
      return anchors.get(line);
    };
    visit(tree, (node: Nodes) => {
      if (!['paragraph', 'listItem', 'heading', 'tableRow'].includes(node.type)) return;
      const id = take(node.position?.start.line);
      if (id) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    });
    visit(tree, 'text', (node: Text, index, parent) => {
      if (parent?.type !== 'paragraph' || typeof index !== 'number' || !node.value.includes('\n')) return undefined;
      const start = node.position?.start.line;
      if (start === undefined) return undefined;
      const parts: PhrasingContent[] = [];
      node.value.split('\n').forEach((line, i) => {
        const id = i > 0 ? take(start + i) : undefined;
        if (i > 0) parts.push({ type: 'text', value: '\n' });
        if (id)
          parts.push({
            type: 'emphasis',
            data: { hName: 'span', hProperties: { id, className: ['passage-anchor'] } },
            children: [],
          });
        if (line) parts.push({ type: 'text', value: line });
      });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}

const processors = new WeakMap<SourceTitles, ReturnType<typeof makeProcessor>>();
const noTitles: SourceTitles = new Map();

function makeProcessor(titles: SourceTitles, anchors: LineAnchors = new Map()) {
  return unified()
    .use(remarkParse)
    .use(citations, titles)
    .use(passageAnchors, anchors)
    .use(remarkRehype)
    .use(neutraliseUrls)
    .use(rehypeStringify);
}

export function renderMarkdown(markdown: string, titles: SourceTitles = noTitles, anchors?: LineAnchors): string {
  if (anchors?.size) return String(makeProcessor(titles, anchors).processSync(markdown));
  let processor = processors.get(titles);
  if (!processor) processors.set(titles, (processor = makeProcessor(titles)));
  return String(processor.processSync(markdown));
}
