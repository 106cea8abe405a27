import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { RawArticle } from '../model/types.js';
import { isGzip } from '../ingest/gzip.js';
import type { InputKind } from '../ingest/sniff.js';

/** Options a job carries from `faultline enqueue` to the worker that reads it. */
export interface JobReadOptions {
  /** `--published`: reference date for articles that state none. */
  published?: string | null;
  /** `--encoding`: forced text encoding of the bytes. */
  encoding?: string;
  /** `--max-bytes`: cap on the (decompressed) bytes. */
  maxBytes?: number;
}

/**
 * One document to process: the raw input as `faultline enqueue` read it. A single-document
 * input (text, HTML, Markdown) travels as its bytes, so decoding and every check happen in the
 * worker and a bad input fails its own job; a record of a container (a JSONL line, a feed
 * item) travels as the article the container gave.
 */
export interface ArticleJob extends JobReadOptions {
  /** File name, URL or `-`, as the user gave it (records: the record's id). */
  input: string;
  /** The bytes, gzip-compressed unless they already were, then base64. */
  bytes?: string;
  /** The kind the file name says (null: sniff the content). */
  named?: InputKind | null;
  /** For URLs: where the bytes came from, and the charset the server declared. */
  url?: string | null;
  charset?: string | null;
  /** A container's record, already split. */
  article?: RawArticle;
}

/**
 * A job for a single-document input's bytes. Compressed because queue rows hold the whole
 * page until the job is archived, and HTML shrinks several times over.
 *
 * @example bytesJob('a.html', Buffer.from('<p>…</p>'), 'html', null, null, {})
 */
export function bytesJob(
  input: string,
  raw: Buffer,
  named: InputKind | null,
  url: string | null,
  charset: string | null,
  opts: JobReadOptions,
): ArticleJob {
  const packed = isGzip(raw) ? raw : gzipSync(raw);
  return { input, bytes: packed.toString('base64'), named, url, charset, ...readOptions(opts) };
}

/**
 * A job for one record of a container.
 *
 * @example recordJob({ input: 'a1', format: 'plain', raw: 'Baku said …', hints: {}, warnings: [] }, {})
 */
export function recordJob(article: RawArticle, opts: JobReadOptions): ArticleJob {
  return { input: article.input, article, ...readOptions(opts) };
}

/**
 * The job's dedup key: SHA-256 over what decides the stored document — the content and the
 * options that change how it is read — and not the name it came under, so one document
 * enqueued twice (or under two names) is one job.
 *
 * @example jobKey(bytesJob('a.txt', buf, 'text', null, null, {})) === jobKey(bytesJob('b.txt', buf, 'text', null, null, {}))
 */
export function jobKey(job: ArticleJob): string {
  const hash = createHash('sha256');
  if (job.article) {
    const { id: _id, url: _url, ...hints } = job.article.hints;
    hash.update(JSON.stringify(['record', job.article.format, job.article.raw, sortedEntries(hints)]));
  } else {
    // gzip output is deterministic (no timestamp in Node's header): same bytes, same payload.
    hash.update(JSON.stringify(['bytes', job.named ?? null, job.charset ?? null]));
    hash.update(sha256(jobBytes(job)));
  }
  hash.update(JSON.stringify([job.published ?? null, job.encoding ?? null]));
  return hash.digest('hex');
}

/**
 * A job id from its key: pg-boss's primary key is (queue, id), so a second insert of the same
 * document is a no-op however far apart the two `enqueue` runs were (until the first job is
 * archived). Shaped as an RFC 4122 name-based UUID.
 *
 * @example jobIdFromKey('ab'.repeat(32)) // 'abababab-abab-5bab-abab-abababababab'
 */
export function jobIdFromKey(key: string): string {
  const h = key.toLowerCase();
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The raw bytes of a bytes job, as read (still gzip when the input was).
 *
 * @example jobBytes(bytesJob('a.txt', buf, 'text', null, null, {}))
 */
export function jobBytes(job: ArticleJob): Buffer {
  return Buffer.from(job.bytes ?? '', 'base64');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sortedEntries(o: object): [string, unknown][] {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

function readOptions(opts: JobReadOptions): JobReadOptions {
  const out: JobReadOptions = {};
  if (opts.published) out.published = opts.published;
  if (opts.encoding) out.encoding = opts.encoding;
  if (opts.maxBytes) out.maxBytes = opts.maxBytes;
  return out;
}
