import type { AnyNode, Document, Element } from 'domhandler';
import type { HtmlCues } from './cues.js';
import { isInline, isElement, nameTokens, walk } from './dom.js';

/** Text figures of one element's subtree. */
export interface Stats {
  /** Characters of text, whitespace collapsed. */
  len: number;
  /** Characters of text inside links. */
  link: number;
  commas: number;
}

export type StatsMap = Map<Element, Stats>;

const COMMAS = /[,，、،]/g;

/** Tags that are a paragraph by themselves (their score goes to their parent). */
const PARA_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'blockquote']);

// Readability's tag priors: containers gain, lists and headings lose.
const TAG_BASE: Record<string, number> = {
  div: 5,
  article: 5,
  main: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

/**
 * Bottom-up text, link-text and comma counts for every element, in one iterative pass.
 *
 * @example computeStats(doc).get(body)?.len
 */
export function computeStats(doc: Document): StatsMap {
  const order: Element[] = [];
  walk(doc, (n) => {
    if (isElement(n)) order.push(n);
    return true;
  });
  const stats: StatsMap = new Map();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    const s: Stats = { len: 0, link: 0, commas: 0 };
    for (const c of el.children) {
      if (c.type === 'text') {
        const d = (c as unknown as { data: string }).data;
        s.len += textLength(d);
        s.commas += countCommas(d);
      } else if (isElement(c)) {
        const cs = stats.get(c);
        if (cs) {
          s.len += cs.len;
          s.link += cs.link;
          s.commas += cs.commas;
        }
      }
    }
    if (el.name === 'a') s.link = s.len;
    stats.set(el, s);
  }
  return stats;
}

function textLength(d: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

function countCommas(d: string): number {
  COMMAS.lastIndex = 0;
  let n = 0;
  while (COMMAS.exec(d)) n++;
  return n;
}

/** Class/id weight: body words gain, boilerplate words lose. */
export function classWeight(el: Element, cues: HtmlCues): number {
  let w = 0;
  const tokens = nameTokens(el);
  if (tokens.some((t) => cues.bodyTokens.has(t))) w += 25;
  if (tokens.some((t) => cues.boilerTokens.has(t))) w -= 25;
  return w;
}

export function linkDensity(s: Stats | undefined): number {
  return s && s.len > 0 ? s.link / s.len : 0;
}

/** The content roots chosen for a page, with how sure the choice is. */
export interface Choice {
  roots: Element[];
  top: Element | null;
  topScore: number;
}

/**
 * Picks the article container Readability-style over the light tree: every paragraph
 * (a `p`/`pre`/`td`/`blockquote`, or a container's own run of inline text) scores
 * 1 + commas + length/100 (max 3) to its holder and decaying shares to five ancestors; the
 * best candidate after link-density damping is kept, widened to a shared ancestor when
 * near-equal candidates agree, and joined by siblings that score well.
 *
 * @example pickContent(doc, computeStats(doc), htmlCues()).roots
 */
export function pickContent(doc: Document, stats: StatsMap, cues: HtmlCues): Choice {
  const score = new Map<Element, number>();
  const touch = (el: Element): void => {
    if (!score.has(el)) score.set(el, (TAG_BASE[el.name] ?? 0) + classWeight(el, cues));
  };
  walk(doc, (n: AnyNode) => {
    if (!isElement(n)) return n.type === 'root';
    // Inline elements carry no paragraph of their own, but custom ones may wrap the page.
    if (isInline(n.name)) return n.children.length > 0 && n.name !== 'a';
    let holder: Element | null;
    let len: number;
    let commas: number;
    let link: number;
    if (PARA_TAGS.has(n.name)) {
      const s = stats.get(n)!;
      ({ len, commas, link } = s);
      holder = n.parent && isElement(n.parent) ? n.parent : null;
    } else {
      len = 0;
      commas = 0;
      link = 0;
      for (const c of n.children) {
        if (c.type === 'text') {
          const d = (c as unknown as { data: string }).data;
          len += textLength(d);
          commas += countCommas(d);
        } else if (isElement(c) && isInline(c.name)) {
          const s = stats.get(c)!;
          len += s.len;
          commas += s.commas;
          link += s.link;
        }
      }
      holder = n;
    }
    if (len < 25 || link > len * 0.5)
      return !PARA_TAGS.has(n.name) || n.name === 'td' || n.name === 'blockquote';
    const points = 1 + commas + Math.min(Math.floor(len / 100), 3);
    let el: Element | null = holder;
    for (let level = 0; el && level < 5; level++) {
      touch(el);
      const share = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      score.set(el, score.get(el)! + points / share);
      el = el.parent && isElement(el.parent) ? el.parent : null;
    }
    return !PARA_TAGS.has(n.name) || n.name === 'td' || n.name === 'blockquote';
  });

  const final = new Map<Element, number>();
  for (const [el, s] of score) final.set(el, s * (1 - linkDensity(stats.get(el))));
  // The page's own root is the article only when nothing else holds text.
  const all = [...final.entries()].sort((a, b) => b[1] - a[1]);
  const inner = all.filter(([el]) => el.name !== 'html' && el.name !== 'body');
  const ranked = inner.length > 0 ? inner : all;
  if (ranked.length === 0) return { roots: [], top: null, topScore: 0 };
  let [top, topScore] = ranked[0];

  // Several near-equal candidates under one ancestor: the ancestor is the article.
  const alternatives = ranked
    .slice(1, 6)
    .filter(([, s]) => s / topScore >= 0.75)
    .map(([el]) => ancestors(el));
  if (alternatives.length >= 3) {
    for (let p = parentEl(top); p && p.name !== 'body'; p = parentEl(p)) {
      if (alternatives.filter((list) => list.has(p!)).length >= 3) {
        top = p;
        break;
      }
    }
  }
  // Climb while the parent keeps scoring well (content split over sibling blocks).
  let last = final.get(top) ?? topScore;
  const threshold = last / 3;
  for (let p = parentEl(top); p && p.name !== 'body'; p = parentEl(p)) {
    const ps = final.get(p);
    if (ps === undefined) continue;
    if (ps < threshold) break;
    if (ps > last) {
      top = p;
      break;
    }
    last = ps;
  }
  while (
    top.parent &&
    isElement(top.parent) &&
    top.parent.name !== 'body' &&
    top.parent.children.filter(isElement).length === 1
  ) {
    top = top.parent;
  }
  topScore = final.get(top) ?? topScore;

  const parent = parentEl(top);
  if (!parent) return { roots: [top], top, topScore };
  const siblingMin = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';
  const roots: Element[] = [];
  for (const sib of parent.children) {
    if (!isElement(sib)) continue;
    if (sib === top) {
      roots.push(sib);
      continue;
    }
    const bonus = topClass && sib.attribs.class === topClass ? topScore * 0.2 : 0;
    const ss = final.get(sib);
    if (ss !== undefined && ss + bonus >= siblingMin) {
      roots.push(sib);
      continue;
    }
    if (sib.name === 'p') {
      const s = stats.get(sib)!;
      const ld = linkDensity(s);
      if (
        (s.len > 80 && ld < 0.25) ||
        (s.len > 0 && s.len <= 80 && ld === 0 && /\.( |$)/.test(textOfShallow(sib)))
      ) {
        roots.push(sib);
      }
    }
  }
  return { roots, top, topScore };
}

function parentEl(el: Element): Element | null {
  return el.parent && isElement(el.parent) ? el.parent : null;
}

function ancestors(el: Element): Set<Element> {
  const out = new Set<Element>();
  for (let p = parentEl(el); p; p = parentEl(p)) out.add(p);
  return out;
}

function textOfShallow(el: Element): string {
  let s = '';
  walk(el, (n) => {
    if (n.type === 'text') s += (n as unknown as { data: string }).data;
    return true;
  });
  return s;
}
