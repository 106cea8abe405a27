/** What a container holds, before it becomes one or more articles. */
export type InputKind = 'text' | 'html' | 'markdown' | 'jsonl' | 'feed';

const BY_EXTENSION: Record<string, InputKind> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
};

/** Extensions a folder walk picks up (each also as `.gz`). */
export const KNOWN_EXTENSIONS = Object.keys(BY_EXTENSION);

/**
 * The kind a file name announces, ignoring a trailing `.gz`; null when it announces none.
 *
 * @example kindFromName('feeds/world.rss.gz') // 'feed'
 */
export function kindFromName(name: string): InputKind | null {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  const dot = base.lastIndexOf('.');
  if (dot < 0 || dot < base.lastIndexOf('/')) return null;
  return BY_EXTENSION[base.slice(dot + 1)] ?? null;
}

/**
 * The kind decoded content looks like, for stdin, URLs and files with no telling name.
 *
 * @example kindFromContent('<?xml version="1.0"?><rss>') // 'feed'
 */
export function kindFromContent(text: string): InputKind {
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .trimStart();
  if (/^<\?xml/i.test(head) || /^<(rss|feed|rdf:RDF)[\s>]/i.test(head)) {
    if (/<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return 'feed';
  }
  if (/^<(!doctype\s+html|html|head|body)[\s>]/i.test(head) || /^<\?xml[\s\S]*<html/i.test(head))
    return 'html';
  if (head.startsWith('{') && parses(head.split('\n', 1)[0])) return 'jsonl';
  // Scraped text may open with "[Photo] …": only a whole JSON array counts.
  if (head.startsWith('[') && parses(text)) return 'jsonl';
  if (/^#{1,6}\s/.test(head)) return 'markdown';
  if (/^<[a-z!]/i.test(head) && /<\/(p|div|article|section)>/i.test(head)) return 'html';
  return 'text';
}

/**
 * The kind an HTTP content type announces; null when it says nothing useful.
 *
 * @example kindFromContentType('application/rss+xml; charset=utf-8') // 'feed'
 */
export function kindFromContentType(contentType: string | null): InputKind | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^(application|text)\/(rss|atom|rdf)\+xml$/.test(type)) return 'feed';
  if (type === 'text/plain') return 'text';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'application/json' || type === 'application/x-ndjson' || type === 'application/jsonl')
    return 'jsonl';
  return null;
}

/**
 * The charset an HTTP content type names, if any.
 *
 * @example charsetFromContentType('text/html; charset=ISO-8859-1') // 'iso-8859-1'
 */
export function charsetFromContentType(contentType: string | null): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

function parses(json: string): boolean {
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
}

/**
 * The charset an HTML page declares in a `<meta>` tag within its first bytes, if any.
 *
 * @example metaCharset(Buffer.from('<meta charset="windows-1251">')) // 'windows-1251'
 */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  );
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}
