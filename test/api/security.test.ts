import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../src/api/app.js';
import type { Store } from '../../src/store/store.js';
import { demoStore, NOW } from './demo-store.js';

/* Hardening: bearer token, read-only mode, body limit, rate limit, security headers, CORS, and
   article text that carries markup. */

let store: Store;

beforeAll(async () => {
  store = await demoStore();
});
afterAll(() => store.close());

const make = (opts: Partial<AppOptions> = {}) =>
  createApp({ store, now: () => NOW, rateLimit: false, webRoot: null, ...opts });

const article = (text: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ text }),
});

describe('writes need the bearer token', () => {
  it('refuses every write with 403 and says how to set a token when none is configured', async () => {
    const res = await make().request(
      '/api/ingest',
      article('Baku protested to Tehran.', { authorization: 'Bearer x' }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const p = await res.json();
    expect(p.detail).toContain('--token');
    expect(p.detail).toContain('FAULTLINE_TOKEN');
  });

  it('answers 401 with WWW-Authenticate for a missing or wrong token, and stores nothing', async () => {
    const app = make({ token: 'right-token' });
    const before = (await store.counts()).documents;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token' },
      { authorization: 'Basic cmlnaHQtdG9rZW4=' },
      { authorization: 'Bearer right-token-and-more' },
    ];
    for (const headers of attempts) {
      const res = await app.request(
        '/api/ingest',
        article('Baku protested to Tehran about the border.', headers),
      );
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await store.counts()).documents).toBe(before);
  });

  it('accepts the right token', async () => {
    const res = await make({ token: 'right-token' }).request(
      '/api/ingest',
      article('Armenia and Azerbaijan agreed to open a border crossing near Tavush.', {
        authorization: 'Bearer right-token',
      }),
    );
    expect(res.status).toBe(201);
  });

  it('guards every write method, not only the ingest route', async () => {
    const app = make();
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      expect((await app.request('/api/events', { method })).status).toBe(403);
    }
  });
});

describe('read-only mode', () => {
  it('refuses writes with 405 even with the right token, and still answers reads', async () => {
    const app = make({ token: 'tok', readOnly: true });
    const res = await app.request(
      '/api/ingest',
      article('Iran warned Azerbaijan.', { authorization: 'Bearer tok' }),
    );
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await res.json()).detail).toContain('read-only');
    expect((await app.request('/api/events?limit=1')).status).toBe(200);
    const health = await (await app.request('/api/health')).json();
    expect(health).toMatchObject({ readOnly: true, writes: false });
  });
});

describe('body limit', () => {
  it('answers 413 for a body over the limit', async () => {
    const app = make({ token: 'tok', bodyLimit: 2048 });
    const res = await app.request(
      '/api/ingest',
      article('Baku said. '.repeat(400), { authorization: 'Bearer tok' }),
    );
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).detail).toContain('2 kB');
  });

  it('limits to 5 MB by default', async () => {
    const app = make({ token: 'tok' });
    const big = 'x'.repeat(5 * 1024 * 1024 + 10);
    const res = await app.request('/api/ingest', {
      method: 'POST',
      headers: { authorization: 'Bearer tok', 'content-type': 'text/plain' },
      body: big,
    });
    expect(res.status).toBe(413);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client spends its burst, and refills with time', async () => {
    let t = NOW.getTime();
    const app = make({ now: () => new Date(t), rateLimit: { perSecond: 2, burst: 3 } });
    const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
    for (let i = 0; i < 3; i++)
      expect((await app.request('/api/health', {}, from('10.0.0.1'))).status).toBe(200);
    const limited = await app.request('/api/health', {}, from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    // Another client has its own bucket.
    expect((await app.request('/api/health', {}, from('10.0.0.2'))).status).toBe(200);
    t += 500; // half a second: one token back at 2 a second
    expect((await app.request('/api/health', {}, from('10.0.0.1'))).status).toBe(200);
    expect((await app.request('/api/health', {}, from('10.0.0.1'))).status).toBe(429);
  });

  it('is on by default and can be turned off', async () => {
    const limited = createApp({ store, now: () => NOW, webRoot: null });
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await limited.request('/api/health')).status);
    expect(statuses).toContain(429);
    const open = make();
    for (let i = 0; i < 70; i++) expect((await open.request('/api/health')).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a self-only CSP, nosniff and frame denial on every answer', async () => {
    const app = make();
    for (const path of ['/api/health', '/api/nothing', '/']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });
});

describe('CORS', () => {
  const origin = 'http://localhost:5173';

  it('is off by default: no Access-Control-Allow-Origin, even on preflight', async () => {
    const app = make();
    const res = await app.request('/api/events', { headers: { origin } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await app.request('/api/events', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origin', async () => {
    const app = make({ cors: origin });
    const res = await app.request('/api/events?limit=1', { headers: { origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    const pre = await app.request('/api/ingest', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    const other = await app.request('/api/events?limit=1', { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('http://evil.example');
  });
});

describe('article text with markup', () => {
  it('is answered as JSON text by every route, never as HTML', async () => {
    const app = make({ token: 'tok' });
    const res = await app.request('/api/ingest', {
      method: 'POST',
      headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Quarrel <script>alert(1)</script>',
        text: 'Iran accused Azerbaijan of hosting foreign spies on 3 May 2024. <script>alert(1)</script> Azerbaijan rejected the accusation.',
      }),
    });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const events = await (await app.request(`/api/events?limit=500&sort=-date`)).json();
    const mine = events.items.find((e: { documentId: string }) => e.documentId === id);
    const paths = [
      `/api/documents/${id}`,
      '/api/documents?limit=500',
      '/api/search?q=alert',
      '/api/search?q=quarrel',
      '/api/events?limit=500',
      ...(mine ? [`/api/events/${mine.id}`] : []),
      '/api/actors/IRN',
      '/api/claims',
    ];
    let seen = 0;
    for (const path of paths) {
      const r = await app.request(path);
      const type = r.headers.get('content-type') ?? '';
      expect(type, path).not.toMatch(/html/);
      const text = await r.text();
      if (r.status === 200) expect(type, path).toMatch(/^application\/json/);
      if (text.includes('<script>alert(1)</script>')) seen++;
    }
    const doc = await (await app.request(`/api/documents/${id}`)).json();
    expect(doc.title).toBe('Quarrel <script>alert(1)</script>');
    expect(doc.body).toContain('<script>alert(1)</script>');
    expect(seen).toBeGreaterThan(0);
  });
});
