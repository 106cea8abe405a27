import type { AnyNode, Document } from 'domhandler';
import { collapse, isElement, textOf, walk } from './dom.js';

/** Metadata a page states about itself. */
export interface PageMeta {
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

// Meta keys (name, property or itemprop), best first.
const TITLE_KEYS = ['og:title', 'twitter:title', 'headline', 'dc.title', 'sailthru.title', 'title'];
const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article.published',
  'datepublished',
  'published_time',
  'publish-date',
  'publishdate',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'date',
];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'];
const OUTLET_KEYS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'al:android:app_name'];

/**
 * Reads title, published date (YYYY-MM-DD), author and outlet from meta tags, JSON-LD
 * (including `@graph` arrays), `<time>` and itemprop — never from the article's prose.
 *
 * @example readMeta(parseHtml('<meta property="og:site_name" content="Daily">')).outlet // 'Daily'
 */
export function readMeta(doc: Document): PageMeta {
  const meta = new Map<string, string>();
  const ld: JsonObject[] = [];
  let titleTag: string | null = null;
  let h1: string | null = null;
  let timeDate: string | null = null;
  let itempropDate: string | null = null;
  walk(doc, (n: AnyNode) => {
    if (!isElement(n)) return n.type === 'root';
    const a = n.attribs;
    switch (n.name) {
      case 'meta': {
        const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase().trim();
        const content = a.content ?? a.value;
        if (key && content && !meta.has(key)) meta.set(key, collapse(content));
        return false;
      }
      case 'script':
        if ((a.type ?? '').toLowerCase().includes('ld+json')) ld.push(...parseLd(textOf(n)));
        return false;
      case 'title':
        titleTag ??= textOf(n) || null;
        return false;
      case 'h1':
        h1 ??= textOf(n) || null;
        return true;
      case 'time': {
        const stated = a.datetime ?? a['data-datetime'];
        if (stated && (a.itemprop === 'datePublished' || 'pubdate' in a)) itempropDate ??= stated;
        if (stated) timeDate ??= stated;
        return true;
      }
      case 'style':
        return false;
      default:
        if (a.itemprop === 'datePublished') itempropDate ??= a.content ?? a.datetime ?? (textOf(n) || null);
        return true;
    }
  });
  const article = ld.find(isArticleLike);
  const first = (keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v) ?? null;
  const outlet = first(OUTLET_KEYS) ?? nameOf(article?.publisher) ?? nameOf(ld.find(isOrgLike)) ?? null;
  const title =
    str(article?.headline) ?? first(TITLE_KEYS) ?? (titleTag ? dropOutlet(titleTag, outlet) : null) ?? h1;
  const published =
    [
      str(article?.datePublished),
      first(DATE_KEYS),
      itempropDate,
      ...ld.map((o) => str(o.datePublished)),
      timeDate,
    ]
      .map((d) => (d ? maybeIsoDate(d) : null))
      .find((d) => d !== null) ?? null;
  const stated = authorOf(article?.author) ?? plainAuthor(first(AUTHOR_KEYS));
  const author = stated ? stated.replace(/^by\s+/i, '') || null : null;
  return { title: title ? collapse(title) : null, published, author, outlet };
}

/** JSON-LD blocks are often sloppy: bad ones are skipped; arrays and `@graph` are flattened. */
function parseLd(text: string): JsonObject[] {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch {
    return [];
  }
  const out: JsonObject[] = [];
  const stack: Json[] = [data];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      out.push(x);
      if (x['@graph']) stack.push(x['@graph']);
      if (x.mainEntity && typeof x.mainEntity === 'object') stack.push(x.mainEntity);
    }
  }
  return out;
}

function types(o: JsonObject | undefined): string[] {
  const t = o?.['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function isArticleLike(o: JsonObject): boolean {
  return types(o).some((t) => /(Article|BlogPosting|Report|Posting)$/.test(t));
}

function isOrgLike(o: JsonObject): boolean {
  return types(o).some((t) => /(Organization|WebSite)$/.test(t));
}

function str(x: Json | undefined): string | null {
  if (typeof x === 'string' && x.trim()) return collapse(x);
  return null;
}

function nameOf(x: Json | undefined): string | null {
  if (Array.isArray(x)) return nameOf(x[0]);
  if (x && typeof x === 'object') return str(x.name);
  return str(x);
}

function authorOf(x: Json | undefined): string | null {
  const list = (Array.isArray(x) ? x : [x])
    .map(nameOf)
    .filter((n): n is string => !!n && !/^https?:/.test(n));
  return list.length > 0 ? [...new Set(list)].join(', ') : null;
}

/** Meta authors are sometimes profile URLs: those are not names. */
function plainAuthor(x: string | null): string | null {
  return x && !/^https?:|^www\./i.test(x) ? x : null;
}

/** Titles often end with " | Outlet" or " - Outlet": drop the stated outlet's suffix only. */
function dropOutlet(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const m = title.match(/^(.+?)\s+[|\-–—:]\s+([^|\-–—:]+)$/u);
  return m && m[2].trim().toLowerCase() === outlet.toLowerCase() ? m[1] : title;
}

/**
 * A stated date as YYYY-MM-DD: the page's own calendar date when it writes an ISO date,
 * otherwise a parseable date string read in UTC. Anything else gives null.
 *
 * @example maybeIsoDate('2019-11-19T23:10:00-05:00') // '2019-11-19'
 */
export function maybeIsoDate(s: string): string | null {
  const iso = s.match(/(\d{4})[-/](\d{2})[-/](\d{2})/);
  if (iso) return validDate(+iso[1], +iso[2], +iso[3]);
  if (/^\d{8}$/.test(s.trim())) return validDate(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8));
  if (!/[a-z]{3}/i.test(s) || !/\d{4}/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(m)}-${p(d)}`;
}
