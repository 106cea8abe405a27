import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { processArticle } from '../../src/pipeline/index.js';
import type { Store } from '../../src/store/store.js';
import { demoStore, NOW } from './demo-store.js';

/* The short-lived GET cache: answers kept for the TTL, one computation for simultaneous
   identical requests, emptied by writes through the app. */

let store: Store;

beforeAll(async () => {
  store = await demoStore();
});
afterAll(() => store.close());

/** The store, counting calls of `events`. */
function counting(): { store: Store; calls: () => number } {
  let n = 0;
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'events') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: Parameters<Store['events']>) => {
        n++;
        return target.events(...args);
      };
    },
  });
  return { store: proxy, calls: () => n };
}

const article = (text: string) => ({
  method: 'POST',
  headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
  body: JSON.stringify({ text }),
});

describe('response cache', () => {
  it('answers a repeated read from the cache until the ttl passes', async () => {
    let t = NOW.getTime();
    const { store: s, calls } = counting();
    const app = createApp({
      store: s,
      now: () => new Date(t),
      rateLimit: false,
      webRoot: null,
      cacheTtlMs: 1000,
    });
    const first = await (await app.request('/api/events?limit=5')).text();
    const again = await app.request('/api/events?limit=5');
    expect(await again.text()).toBe(first);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(calls()).toBe(1);
    // Another query is another key.
    await app.request('/api/events?limit=6');
    expect(calls()).toBe(2);
    // A write by another process shows once the ttl has passed.
    const before = JSON.parse(first).total;
    await store.saveDocument(
      processArticle({
        input: 'cache-test',
        format: 'text',
        raw: 'Iran accused Azerbaijan of spying on 4 May 2024. Azerbaijan warned Iran on 5 May 2024.',
        hints: {},
        warnings: [],
      }),
    );
    expect(JSON.parse(await (await app.request('/api/events?limit=5')).text()).total).toBe(before);
    t += 1001;
    expect(JSON.parse(await (await app.request('/api/events?limit=5')).text()).total).toBeGreaterThan(before);
    expect(calls()).toBe(3);
  });

  it('computes simultaneous identical requests once', async () => {
    const { store: s, calls } = counting();
    const app = createApp({ store: s, now: () => NOW, rateLimit: false, webRoot: null, cacheTtlMs: 1000 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => (await app.request('/api/events?dyad=IRN-AZE&limit=50')).text()),
    );
    expect(new Set(answers).size).toBe(1);
    expect(calls()).toBe(1);
  });

  it('is emptied by a write through the app, and keeps no errors', async () => {
    const { store: s, calls } = counting();
    const app = createApp({
      store: s,
      token: 'tok',
      now: () => NOW,
      rateLimit: false,
      webRoot: null,
      cacheTtlMs: 60_000,
    });
    const before = JSON.parse(await (await app.request('/api/events?limit=1')).text()).total;
    const res = await app.request(
      '/api/ingest',
      article('Turkey warned Armenia on 6 May 2024. Armenia accused Turkey on 7 May 2024.'),
    );
    expect(res.status).toBe(201);
    const after = JSON.parse(await (await app.request('/api/events?limit=1')).text()).total;
    expect(after).toBeGreaterThan(before);
    expect(calls()).toBe(2);
    expect((await app.request('/api/events?quad=9')).status).toBe(400);
    expect((await app.request('/api/events?quad=9')).status).toBe(400);
  });

  it('keeps the CORS answer of a cached read', async () => {
    const origin = 'http://localhost:5173';
    const app = createApp({
      store,
      now: () => NOW,
      rateLimit: false,
      webRoot: null,
      cacheTtlMs: 1000,
      cors: origin,
    });
    for (let i = 0; i < 2; i++) {
      const res = await app.request('/api/actors?limit=1', { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('is off unless asked for', async () => {
    const { store: s, calls } = counting();
    const app = createApp({ store: s, now: () => NOW, rateLimit: false, webRoot: null });
    await app.request('/api/events?limit=5');
    await app.request('/api/events?limit=5');
    expect(calls()).toBe(2);
  });
});
