import type { RawArticle } from '../model/types.js';
import { decodeBytes } from './decode.js';
import { singleArticle } from './document.js';
import { errorLine, IngestError } from './errors.js';
import { parseFeed } from './feed.js';
import { readFileCapped, readStreamCapped } from './file.js';
import { gunzipCapped, isGzip } from './gzip.js';
import { parseRecords, type RecordResult } from './jsonl.js';
import type { IngestOptions } from './options.js';
import { kindFromContent, kindFromName, metaCharset, type InputKind } from './sniff.js';
import type { Source } from './sources.js';
import { fetchUrl } from './url.js';

export { expandInputs, type Source } from './sources.js';
export { ingestOptions, DEFAULT_MAX_BYTES, type IngestOptions } from './options.js';
export { IngestError, errorLine } from './errors.js';

/** What reading one input gives: an article, or one line saying why an input failed. */
export type IngestItem = { ok: true; article: RawArticle } | { ok: false; input: string; message: string };

/**
 * Reads one source into articles (a container gives several). Never throws: every failure
 * becomes an item carrying its one-line message, and the other records go on.
 *
 * @example for (const item of await readSource({ type: 'file', input: 'a.txt', path: '/x/a.txt' }, ingestOptions())) …
 */
export async function readSource(source: Source, opts: IngestOptions): Promise<IngestItem[]> {
  try {
    switch (source.type) {
      case 'error':
        throw source.error;
      case 'file': {
        const bytes = await readFileCapped(source.input, source.path, opts.maxBytes);
        return articlesFromBytes(source.input, bytes, kindFromName(source.path), opts, null);
      }
      case 'stdin': {
        if (!opts.stdin) throw new IngestError('-', 'no standard input', 'pipe a file into faultline');
        const bytes = await readStreamCapped('-', opts.stdin, opts.maxBytes);
        return articlesFromBytes('-', bytes, null, opts, null);
      }
      case 'url': {
        const fetched = await fetchUrl(source.input, opts);
        const kind = fetched.kind ?? kindFromName(new URL(fetched.url).pathname);
        return articlesFromBytes(source.input, fetched.bytes, kind, opts, fetched.url, fetched.charset);
      }
    }
  } catch (err) {
    return [{ ok: false, input: source.input, message: errorLine(source.input, err) }];
  }
}

/**
 * Bytes to articles: gunzip (by magic number), decode (with the charset the server or an HTML
 * meta tag declares), pick the kind (the name's or the content's), then split containers.
 *
 * @example articlesFromBytes('a.txt', Buffer.from('Baku said …'), 'text', ingestOptions(), null)
 */
export function articlesFromBytes(
  input: string,
  raw: Buffer,
  named: InputKind | null,
  opts: IngestOptions,
  url: string | null,
  charset: string | null = null,
): IngestItem[] {
  const bytes = isGzip(raw) ? gunzipCapped(input, raw, opts.maxBytes) : raw;
  if (!bytes.length) throw new IngestError(input, 'empty file', 'pass a file with article text');
  const declared = charset ?? (named === 'html' || named === null ? metaCharset(bytes) : null);
  const decoded = decodeBytes(input, bytes, opts.encoding, declared);
  const kind = named ?? kindFromContent(decoded.text);
  const hints = url ? { url } : {};
  switch (kind) {
    case 'text':
    case 'html':
    case 'markdown':
      return [{ ok: true, article: singleArticle(input, kind, decoded.text, hints, decoded.warnings) }];
    case 'jsonl':
      return fromRecords(input, parseRecords(input, decoded.text), decoded.warnings);
    case 'feed':
      return fromRecords(input, parseFeed(input, decoded.text), decoded.warnings);
  }
}

function fromRecords(input: string, results: RecordResult[], warnings: string[]): IngestItem[] {
  if (!results.length)
    throw new IngestError(input, 'no records or feed items found', 'pass a file with at least one article');
  return results.map((r) =>
    r.ok
      ? { ok: true as const, article: { ...r.article, warnings: [...warnings, ...r.article.warnings] } }
      : { ok: false as const, input: r.error.input, message: r.error.message },
  );
}
