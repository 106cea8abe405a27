import { parse } from 'yaml';
import type { ArticleHints, Cleaned } from '../../model/types.js';
import { textCues } from './text/cues.js';
import { findDate } from './text/dateline.js';
import { cleanText } from './text/index.js';

/**
 * Cleans a Markdown article: front matter (title/date/author/outlet) and a leading `# Title`
 * become fields, the markup is stripped (links → their text, images dropped, emphasis and
 * list markers removed, code blocks dropped), and the result goes through the scraped-text
 * cleaner, which drops the page furniture a Markdown export still carries.
 *
 * @example cleanMarkdown('---\ntitle: Talks\ndate: 2024-05-02\n---\nThe talks **failed**.', {}).published // '2024-05-02'
 */
export function cleanMarkdown(raw: string, hints: ArticleHints): Cleaned {
  if (typeof raw !== 'string' || raw.trim() === '') return cleanText('', hints);
  const warnings: string[] = [];
  let front: FrontMatter = { title: null, published: null, author: null, outlet: null };
  let lines: string[];
  let heading: string | null;
  try {
    const split = splitFrontMatter(raw.replace(/\r\n?/gu, '\n'));
    if (split.yaml !== null) {
      const read = readFrontMatter(split.yaml);
      if (read) front = read;
      else warnings.push('front matter is not valid yaml; ignored');
    }
    ({ lines, heading } = markdownToLines(split.rest));
  } catch (e) {
    // Odd input never stops the pipeline: fall back to the text cleaner on the raw text.
    warnings.push(`markdown could not be read (${(e as Error).message}); cleaned as text`);
    lines = [raw];
    heading = null;
  }
  const title = hints.title ?? front.title ?? heading;
  const cleaned = cleanText(lines.join('\n\n'), { ...hints, title });
  return {
    title: cleaned.title ?? title ?? null,
    published: front.published ?? cleaned.published,
    author: front.author ?? cleaned.author,
    outlet: front.outlet ?? cleaned.outlet,
    body: cleaned.body,
    warnings: [...warnings, ...cleaned.warnings],
  };
}

interface FrontMatter {
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
}

/**
 * Front matter and body of a Markdown text; `yaml` is null when there is no front matter.
 *
 * @example splitFrontMatter('---\ntitle: A\n---\nbody') // { yaml: 'title: A', rest: 'body' }
 */
export function splitFrontMatter(text: string): { yaml: string | null; rest: string } {
  const m = /^\ufeff?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/u.exec(text);
  return m ? { yaml: m[1]!, rest: text.slice(m[0].length) } : { yaml: null, rest: text };
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const names = v.map(str).filter((x): x is string => x !== null);
    return names.length ? names.join(' and ') : null;
  }
  if (v && typeof v === 'object' && 'name' in v) return str((v as { name: unknown }).name);
  return null;
};

function readFrontMatter(yaml: string): FrontMatter | null {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((k) => str(d[k])).find((x) => x !== null) ?? null;
  const rawDate = d.date ?? d.published ?? d.publishDate ?? d.pubDate ?? d.published_at;
  return {
    title: pick('title', 'headline'),
    published: toIsoDate(rawDate),
    author: pick('author', 'authors', 'byline'),
    outlet: pick('outlet', 'publisher', 'source', 'site'),
  };
}

function toIsoDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v !== 'string') return null;
  return findDate(v, textCues())?.date ?? null;
}

const INLINE: [RegExp, string][] = [
  [/<!--[\s\S]*?-->/gu, ''],
  [/!\[[^\]]*\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/gu, ''], // images
  [/!\[[^\]]*\]\[[^\]]*\]/gu, ''],
  [/\[\^[^\]]+\]/gu, ''], // footnote references
  [/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/gu, '$1'], // links → their text
  [/\[([^\]]+)\]\[[^\]]*\]/gu, '$1'], // reference links
  [/<(https?:\/\/[^>\s]+)>/gu, '$1'], // autolinks
  [/<br\s*\/?>/giu, ' '],
  [/<\/?[a-z][^>]*>/giu, ''], // inline HTML tags
  [/`([^`]+)`/gu, '$1'],
  [/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, '$2'],
  [/(?<![\p{L}\p{N}\\])\*(?=\S)([^*]*?\S)\*/gu, '$1'],
  [/(?<![\p{L}\p{N}\\])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1'],
  [/~~(?=\S)([\s\S]*?\S)~~/gu, '$1'],
  [/\\([\\`*_{}[\]()#+\-.!>|~])/gu, '$1'],
];

/**
 * Strips inline Markdown from one line: links keep their text, images go.
 *
 * @example stripInline('a **bold** [link](https://example.org) ![x](y.png)') // 'a bold link'
 */
export function stripInline(text: string): string {
  let out = text;
  for (const [re, to] of INLINE) out = out.replace(re, to);
  return out.replace(/\s+/gu, ' ').trim();
}

/**
 * Markdown → one line per paragraph, heading, list item or table row (markup stripped),
 * plus the leading `# Title` when the document opens with one.
 *
 * @example markdownToLines('# Title\n\n* one\n* two').lines // ['Title', 'one', 'two']
 */
export function markdownToLines(markdown: string): { lines: string[]; heading: string | null } {
  const out: string[] = [];
  let heading: string | null = null;
  let paragraph: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (paragraph.length) out.push(stripInline(paragraph.join(' ')));
    paragraph = [];
  };
  const push = (line: string) => {
    flush();
    const text = stripInline(line);
    if (text) out.push(text);
  };
  for (const rawLine of markdown.split('\n')) {
    if (fence !== null) {
      // Code blocks are not article prose: dropped.
      if (rawLine.trim().startsWith(fence)) fence = null;
      continue;
    }
    const fenceOpen = /^\s*(`{3,}|~{3,})/u.exec(rawLine);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!;
      continue;
    }
    const line = rawLine.replace(/^\s{0,3}(?:>\s?)+/u, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/u.exec(line);
    if (atx) {
      const text = stripInline(atx[2]!);
      if (atx[1] === '#' && out.length === 0 && paragraph.length === 0) heading = text;
      push(text);
      continue;
    }
    // Setext underline: the paragraph above is a heading; otherwise a rule.
    if (/^\s{0,3}(=+|-+)\s*$/u.test(line)) {
      if (paragraph.length) {
        const text = stripInline(paragraph.join(' '));
        paragraph = [];
        if (line.trim().startsWith('=') && out.length === 0) heading = text;
        if (text) out.push(text);
      } else flush();
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/u.test(line)) {
      flush();
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s+\S+/u.test(line)) continue; // link reference definitions
    if (/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/u.test(line)) continue; // table rule
    if (/^\s*\|.*\|\s*$/u.test(line)) {
      const cells = line
        .trim()
        .replace(/^\||\|$/gu, '')
        .split('|')
        .map((c) => stripInline(c))
        .filter(Boolean);
      push(cells.join(' | '));
      continue;
    }
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/u.exec(line);
    if (item) {
      push(item[1]!);
      continue;
    }
    // A hard break (two trailing spaces or a backslash) ends the line.
    const hard = / {2,}$|\\$/u.test(line);
    paragraph.push(line.replace(/\\$/u, '').trim());
    if (hard) flush();
  }
  flush();
  return { lines: out, heading };
}
