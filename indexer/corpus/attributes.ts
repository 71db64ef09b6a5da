/**
 * Clause attributes live at the end of a heading: `## 業務の整理 {#meti-3-step1-2 section=ステップ1-2}`.
 * Markdown has no standard for this, and the pandoc-style `{#id key=value}` form is the one authors
 * already know.
 */
export interface HeadingAttributes {
  title: string;
  attributes: Record<string, string> | null;
  error?: string;
}

const trailingBlock = /\s*\{([^{}]*)\}\s*$/;
const pair = /\s*(?:#([^\s"=]+)|([A-Za-z][\w-]*)=(?:"([^"]*)"|([^\s"]+)))/y;

export function parseHeadingAttributes(heading: string): HeadingAttributes {
  const match = trailingBlock.exec(heading);
  if (!match) return { title: heading.trim(), attributes: null };
  const title = heading.slice(0, match.index).trim();
  const body = match[1] ?? '';
  const attributes: Record<string, string> = {};
  pair.lastIndex = 0;
  while (pair.lastIndex < body.length) {
    if (/^\s*$/.test(body.slice(pair.lastIndex))) break;
    const start = pair.lastIndex;
    const m = pair.exec(body);
    if (!m) return { title, attributes: null, error: `cannot read attribute at "${body.slice(start).trim()}"` };
    const [, id, key, quoted, bare] = m;
    const name = id !== undefined ? 'id' : key!;
    if (name in attributes) return { title, attributes: null, error: `attribute "${name}" given twice` };
    attributes[name] = id ?? quoted ?? bare ?? '';
  }
  return { title, attributes };
}
