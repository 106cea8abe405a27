import { IngestError } from './errors.js';
import { formatBytes, type IngestOptions } from './options.js';
import { charsetFromContentType, kindFromContentType, type InputKind } from './sniff.js';
import { userAgent } from './user-agent.js';

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  bytes: Buffer;
  contentType: string | null;
  /** What the content type announced (null: sniff the content). */
  kind: InputKind | null;
  charset: string | null;
}

/** Content types that are never an article. */
const NOT_TEXT = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|octet-stream|x-tar)/i;

/**
 * Fetches an http(s) URL with Node's fetch: redirects followed by hand (so they are counted and
 * kept to http/https), one timeout over the whole request, a size cap while streaming, and the
 * project's User-Agent.
 *
 * @example await fetchUrl('https://example.org/a.html', ingestOptions())
 */
export async function fetchUrl(url: string, opts: IngestOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': userAgent(),
          accept:
            'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5',
        },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        if (hop >= opts.maxRedirects) {
          throw new IngestError(
            url,
            `too many redirects (more than ${opts.maxRedirects})`,
            'pass the final url of the article',
          );
        }
        const next = new URL(res.headers.get('location')!, current);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new IngestError(url, `redirected to a ${next.protocol} url`, 'pass an http or https url');
        }
        current = next.href;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new IngestError(
          url,
          `http ${res.status} ${res.statusText.toLowerCase()}`.trim(),
          'check the url',
        );
      }
      const contentType = res.headers.get('content-type');
      if (contentType && NOT_TEXT.test(contentType)) {
        await res.body?.cancel();
        throw new IngestError(
          url,
          `not an article (content type ${contentType})`,
          'pass the url of an html page, text or feed',
        );
      }
      const bytes = await readCapped(url, res, opts.maxBytes);
      return {
        url: current,
        bytes,
        contentType,
        kind: kindFromContentType(contentType),
        charset: charsetFromContentType(contentType),
      };
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      throw new IngestError(
        url,
        `timed out after ${opts.timeoutMs / 1000} s`,
        'pass --timeout to wait longer, or try again later',
      );
    }
    const code = e.cause?.code ? ` (${e.cause.code.toLowerCase()})` : '';
    throw new IngestError(url, `cannot connect${code}`, 'check the url and your network');
  }
}

async function readCapped(url: string, res: Response, maxBytes: number): Promise<Buffer> {
  const tooBig = () =>
    new IngestError(
      url,
      `response is over the ${formatBytes(maxBytes)} limit`,
      'pass --max-bytes to raise the limit',
    );
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw tooBig();
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
