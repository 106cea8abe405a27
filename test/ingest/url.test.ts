import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestOptions, readSource, type IngestItem } from '../../src/ingest/index.js';
import { packageVersion } from '../../src/ingest/user-agent.js';

let server: Server;
let base: string;
const seen: IncomingHttpHeaders[] = [];

const PAGE =
  '<!doctype html><html><head><title>T</title></head><body><article><p>Ministers met in Ankara to discuss transit.</p></article></body></html>';
const FEED =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>One</title><link>https://example.org/1</link><description>Text of one.</description></item></channel></rss>';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = Number(url.searchParams.get('n') ?? 0);
    switch (url.pathname) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        break;
      case '/latin1':
        res
          .writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' })
          .end(Buffer.from('Caf\xe9 talks resumed on Monday in the capital.', 'latin1'));
        break;
      case '/feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
        break;
      case '/sniff':
        res
          .writeHead(200, {
            'content-type': 'application/octet-stream; x=1'.replace('octet-stream', 'x-unknown'),
          })
          .end(FEED);
        break;
      case '/gz':
        res
          .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
          .end(gzipSync('Compressed on the wire, plain after.'));
        break;
      case '/hop':
        res.writeHead(302, { location: hop >= 2 ? '/page' : `/hop?n=${hop + 1}` }).end();
        break;
      case '/loop':
        res.writeHead(301, { location: `/loop?n=${hop + 1}` }).end();
        break;
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(Buffer.alloc(300 * 1024, 0x61));
        break;
      case '/slow':
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'), 2000);
        break;
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50]));
        break;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('nothing here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function get(path: string, opts: Parameters<typeof ingestOptions>[0] = {}): Promise<IngestItem[]> {
  return readSource({ type: 'url', input: `${base}${path}` }, ingestOptions({ timeoutMs: 1000, ...opts }));
}

describe('http(s) inputs (local server)', () => {
  it('fetches a page as html with the project user agent, the final url as hint', async () => {
    const [item] = await get('/page');
    expect(item).toMatchObject({
      ok: true,
      article: { input: `${base}/page`, format: 'html', hints: { url: `${base}/page` } },
    });
    expect(seen.at(-1)?.['user-agent']).toBe(
      `faultline/${packageVersion()} (+https://github.com/faultline-project/faultline)`,
    );
  });

  it('decodes by the declared charset, and follows gzip content-encoding', async () => {
    const [latin] = await get('/latin1');
    expect(latin.ok && latin.article.raw).toBe('Café talks resumed on Monday in the capital.');
    expect(latin.ok && latin.article.format).toBe('text');
    const [gz] = await get('/gz');
    expect(gz.ok && gz.article.raw).toBe('Compressed on the wire, plain after.');
  });

  it('reads feeds by content type, and sniffs an unhelpful one', async () => {
    for (const path of ['/feed', '/sniff']) {
      const [item] = await get(path);
      expect(item).toMatchObject({
        ok: true,
        article: { format: 'html', hints: { title: 'One', url: 'https://example.org/1' } },
      });
    }
  });

  it('follows redirects by hand up to the limit', async () => {
    const [ok] = await get('/hop');
    expect(ok).toMatchObject({ ok: true, article: { hints: { url: `${base}/page` } } });
    const [tooMany] = await get('/loop', { maxRedirects: 3 });
    expect(tooMany).toEqual({
      ok: false,
      input: `${base}/loop`,
      message: `cannot read ${base}/loop: too many redirects (more than 3); pass the final url of the article`,
    });
  });

  it('caps the size, times out, and names http errors and non-articles', async () => {
    expect((await get('/big', { maxBytes: 100 * 1024 }))[0]).toMatchObject({
      ok: false,
      message: `cannot read ${base}/big: response is over the 100.0 KB limit; pass --max-bytes to raise the limit`,
    });
    expect((await get('/slow', { timeoutMs: 200 }))[0]).toMatchObject({
      ok: false,
      message: `cannot read ${base}/slow: timed out after 0.2 s; pass --timeout to wait longer, or try again later`,
    });
    expect((await get('/missing'))[0]).toMatchObject({
      ok: false,
      message: `cannot read ${base}/missing: http 404 not found; check the url`,
    });
    expect((await get('/image'))[0]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not an article \(content type image\/png\)/),
    });
  });

  it('names a refused connection', async () => {
    const [item] = await readSource(
      { type: 'url', input: 'http://127.0.0.1:9/x' },
      ingestOptions({ timeoutMs: 1000 }),
    );
    expect(item).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^cannot read http:\/\/127\.0\.0\.1:9\/x: cannot connect/),
    });
  });
});
