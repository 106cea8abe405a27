import type { AnyNode, Element } from 'domhandler';
import type { HtmlCues } from './cues.js';
import { isInline, isElement } from './dom.js';
import { classWeight, linkDensity, type StatsMap } from './score.js';

const LINE = '\u2028';

// Containers judged as a whole before their text is kept (Readability's "clean conditionally").
const JUDGED: ReadonlySet<string> = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'aside']);

/** What the emitter needs to know besides the content roots. */
export interface EmitOptions {
  cues: HtmlCues;
  /** Subtree stats; when absent (fallback path) containers are not judged. */
  stats?: StatsMap;
  /** False on the loose retry: class/id names do not condemn a container. */
  judgeNames?: boolean;
  /** The stated headline: a paragraph repeating it is dropped. */
  title?: string | null;
}

/**
 * Turns content roots into paragraphs: block elements break paragraphs, `<br>` breaks lines,
 * link-heavy containers are skipped, and standalone furniture lines (share prompts, bylines,
 * captions, the repeated headline) are dropped.
 *
 * @example emitParagraphs([article], { cues: htmlCues() }) // ['First paragraph.', 'Second.']
 */
export function emitParagraphs(roots: AnyNode[], opts: EmitOptions): string[] {
  const out: string[] = [];
  let buf = '';
  let linkChars = 0;
  let linkDepth = 0;
  const flush = (): void => {
    // Two <br> in a row end a paragraph; link text is shared out by length.
    const parts = buf.split(/\u2028[\s\u00a0]*\u2028/u);
    for (const part of parts) {
      const share = parts.length === 1 ? linkChars : (linkChars * part.length) / buf.length;
      const para = finish(part, share, opts, out.length);
      if (para) out.push(para);
    }
    buf = '';
    linkChars = 0;
  };
  // Stack entries: a node to enter, or a marker to leave an element.
  const stack: (AnyNode | { leave: Element })[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('leave' in item) {
      if (item.leave.name === 'a') linkDepth--;
      else if (!isInline(item.leave.name)) flush();
      continue;
    }
    const n = item;
    if (n.type === 'text') {
      const d = (n as unknown as { data: string }).data;
      buf += d;
      if (linkDepth > 0) linkChars += d.trim().length;
      continue;
    }
    if (n.type === 'root') {
      const kids = (n as unknown as { children: AnyNode[] }).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      continue;
    }
    if (!isElement(n)) continue;
    if (n.name === 'br') {
      buf += LINE;
      continue;
    }
    if (n.name === 'script' || n.name === 'style') continue;
    if (
      opts.stats &&
      JUDGED.has(n.name) &&
      !roots.includes(n) &&
      isFurniture(n, opts.stats, opts.judgeNames === false ? null : opts.cues)
    )
      continue;
    if (n.name === 'a') linkDepth++;
    else if (!isInline(n.name)) flush();
    stack.push({ leave: n });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  flush();
  return out;
}

/** A container inside the content that is mostly links or marked as boilerplate. */
function isFurniture(el: Element, stats: StatsMap, cues: HtmlCues | null): boolean {
  const s = stats.get(el);
  if (!s || s.len === 0) return false;
  if (s.commas >= 10) return false;
  const weight = cues ? classWeight(el, cues) : 0;
  const ld = linkDensity(s);
  if (weight < 0) return true;
  if (weight < 25 && ld > 0.33) return true;
  return ld > 0.5;
}

function finish(buf: string, linkChars: number, opts: EmitOptions, index: number): string | null {
  const text = buf
    .split(LINE)
    .map((l) => l.replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
  if (!text) return null;
  const { cues } = opts;
  if (text.length < 200 && cues.junkLine.test(text)) return null;
  if (text.length < 100 && isByline(text, cues)) return null;
  if (linkChars >= text.replace(/\s/g, '').length * 0.9 && text.length < 300) return null;
  if (text.length < 60 && isDateline(text)) return null;
  // The headline repeated at the top (often with the outlet's suffix trimmed differently).
  if (opts.title && (sameText(text, opts.title) || (index < 3 && isHeadlinePart(text, opts.title))))
    return null;
  return text;
}

/** A short line that is only a date stamp: a year, another number, and few words. */
function isDateline(text: string): boolean {
  if (!/\b(19|20)\d\d\b/.test(text)) return false;
  const words = text.split(/\s+/);
  const numbers = text.match(/\d+/g) ?? [];
  // Embedded posts sign off with "— name (@handle) date": that is quoted content, kept.
  return words.length <= 8 && numbers.length >= 2 && !/[.!?:]$/.test(text) && !/[@—(]/.test(text);
}

function isHeadlinePart(text: string, title: string): boolean {
  const t = norm(title);
  const p = norm(text);
  return p.length >= 15 && p.length >= t.length * 0.6 && t.includes(p);
}

function isByline(text: string, cues: HtmlCues): boolean {
  const m = text.match(/^(\p{L}+)\s+(\p{Lu})/u);
  return !!m && cues.bylineStarts.has(m[1].toLowerCase());
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sameText(a: string, b: string): boolean {
  return norm(a) === norm(b);
}
