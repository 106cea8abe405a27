import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';

/**
 * Tags that lay out as blocks and so break paragraphs. Everything else flows inline, as in a
 * browser: unknown and custom elements (`<hl-source>`, `<font>`) default to inline display.
 */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html',
  'body',
  'main',
  'article',
  'section',
  'div',
  'p',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'hr',
  'address',
  'form',
  'fieldset',
  'details',
  'summary',
  'center',
  'hgroup',
  'menu',
  'dialog',
  'iframe',
  'video',
  'audio',
  'canvas',
  'noscript',
  'option',
  'select',
  'textarea',
  'legend',
]);

/** True when a tag flows inline (does not start a new paragraph). */
export function isInline(tag: string): boolean {
  return !BLOCK_TAGS.has(tag);
}

/**
 * Parses HTML into a light domhandler tree (one htmlparser2 pass, entities decoded).
 * htmlparser2 keeps its own open-element stack, so 100k nested divs parse without recursion.
 *
 * @example parseHtml('<p>a &amp; b</p>').children.length // 1
 */
export function parseHtml(raw: string): Document {
  return parseDocument(raw, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** True for element nodes (tags, plus script/style which domhandler types apart). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * Visits every node under `root` in document order without recursion; `visit` returns false
 * to skip a node's children. Deep trees cannot overflow the stack.
 *
 * @example walk(doc, (n) => { count++; return true; })
 */
export function walk(root: AnyNode, visit: (node: AnyNode) => boolean): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    const kids = (node as Element).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/**
 * The text under a node, entities already decoded, whitespace collapsed to single spaces.
 *
 * @example textOf(parseHtml('<p>a <b>b</b></p>')) // 'a b'
 */
export function textOf(root: AnyNode): string {
  const parts: string[] = [];
  walk(root, (n) => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    return n === root || (n.type !== 'script' && n.type !== 'style' && n.type !== 'comment');
  });
  return collapse(parts.join(''));
}

/** Collapses runs of whitespace (including no-break spaces) and trims. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

/** The words of an element's class and id, lowercased, split on punctuation and camelCase. */
export function nameTokens(el: Element): string[] {
  const raw = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (raw.length <= 1) return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/** Removes a node from its parent's children (domhandler keeps sibling links too). */
export function detach(node: AnyNode): void {
  const parent = node.parent as Element | null;
  if (!parent) return;
  const i = parent.children.indexOf(node as never);
  if (i >= 0) parent.children.splice(i, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}
