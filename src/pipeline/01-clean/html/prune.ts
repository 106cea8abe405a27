import type { AnyNode, Document, Element } from 'domhandler';
import type { HtmlCues } from './cues.js';
import { detach, isElement, nameTokens, walk } from './dom.js';

// Structural tags that must never be dropped for their class names: they hold the page.
const KEEP_TAGS: ReadonlySet<string> = new Set(['html', 'body', 'article', 'main']);

/**
 * Removes what is never article text: drop-listed tags, hidden elements, comments, and
 * elements whose class/id words say boilerplate without also saying body (the
 * Readability "unlikely candidate" idea, on whole words instead of substrings so that
 * e.g. "shadow" or "header-wrapper" do not trip it).
 *
 * `byName` false keeps class/id-named boilerplate: the retry when the strict pass found little.
 *
 * @example prune(parseHtml('<div class="share-bar">Share</div><p>Text</p>'), htmlCues())
 */
export function prune(doc: Document, cues: HtmlCues, byName = true): void {
  const shelters = byName ? bodyMarked(doc, cues) : new Set<Element>();
  const doomed: AnyNode[] = [];
  walk(doc, (n) => {
    if (n.type === 'comment' || n.type === 'directive' || n.type === 'cdata') {
      doomed.push(n);
      return false;
    }
    if (!isElement(n)) return true;
    if (
      cues.dropTags.has(n.name) ||
      n.name === 'header' ||
      n.name === 'h1' ||
      isHidden(n) ||
      (byName && isBoiler(n, cues) && !shelters.has(n))
    ) {
      doomed.push(n);
      return false;
    }
    return true;
  });
  for (const n of doomed) detach(n);
}

/**
 * Elements that hold a block named as body without any boilerplate word ("entry-content",
 * "article-body"). Page builders wrap articles in "widget" or "sidebar" layout boxes; such a
 * box is not dropped when it shelters a body-named block.
 */
function bodyMarked(doc: Document, cues: HtmlCues): Set<Element> {
  const order: Element[] = [];
  walk(doc, (n) => {
    if (isElement(n)) order.push(n);
    return true;
  });
  const marked = new Set<Element>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    let yes = false;
    for (const c of el.children) if (isElement(c) && marked.has(c)) yes = true;
    if (!yes) {
      const tokens = nameTokens(el);
      yes = tokens.some((t) => cues.bodyTokens.has(t)) && !tokens.some((t) => cues.boilerTokens.has(t));
    }
    if (yes) marked.add(el);
  }
  return marked;
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  const style = a.style;
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Boilerplate by class/id words, unless the same names also mark a body. */
export function isBoiler(el: Element, cues: HtmlCues): boolean {
  if (KEEP_TAGS.has(el.name)) return false;
  const tokens = nameTokens(el);
  if (tokens.length === 0) return false;
  let boiler = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (cues.bodyTokens.has(t)) return false;
    if (cues.boilerTokens.has(t) && !(i > 0 && cues.negators.has(tokens[i - 1]))) boiler = true;
  }
  return boiler;
}
