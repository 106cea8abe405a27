import type { MiddlewareHandler } from 'hono';

/** How long GET answers are kept, and how many. */
export interface ResponseCacheOptions {
  ttlMs: number;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now?: () => number;
  maxEntries?: number;
  /** Answers larger than this are not kept. */
  maxBytes?: number;
}

interface Entry {
  body: string;
  type: string;
  expires: number;
}

/** Paths never kept: they report the moment (health) or are cheap and static (openapi). */
const UNCACHED = new Set(['/api/health', '/api/openapi.json']);

/**
 * A short-lived cache of successful JSON answers to GET requests, keyed by path and query, with
 * one computation shared by identical requests that arrive together. A dashboard asks the same
 * few questions from every open tab; within `ttlMs` they are answered once. Any successful write
 * through this app empties it; writes by other processes show after at most `ttlMs`.
 *
 * @example app.use('/api/*', responseCache({ ttlMs: 1000 }))
 */
export function responseCache(opts: ResponseCacheOptions): MiddlewareHandler {
  const now = opts.now ?? Date.now;
  const maxEntries = opts.maxEntries ?? 500;
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | null>>();
  return async (c, next) => {
    if (c.req.method !== 'GET') {
      await next();
      if (c.res.status < 400) entries.clear();
      return;
    }
    const url = new URL(c.req.url);
    if (UNCACHED.has(url.pathname)) return next();
    const key = `${url.pathname}${url.search}`;
    const hit = entries.get(key);
    if (hit && hit.expires > now()) return answer(hit);
    if (hit) entries.delete(key);
    const inflight = pending.get(key);
    if (inflight) {
      const shared = await inflight;
      if (shared) return answer(shared);
      return next();
    }
    let settle!: (e: Entry | null) => void;
    pending.set(key, new Promise((ok) => (settle = ok)));
    try {
      await next();
      const type = c.res.headers.get('content-type') ?? '';
      let entry: Entry | null = null;
      if (c.res.status === 200 && type.startsWith('application/json')) {
        const body = await c.res.clone().text();
        if (body.length <= maxBytes) {
          entry = { body, type, expires: now() + opts.ttlMs };
          if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
          entries.set(key, entry);
        }
      }
      settle(entry);
    } catch (err) {
      settle(null);
      throw err;
    } finally {
      pending.delete(key);
    }
  };
}

function answer(e: Entry): Response {
  return new Response(e.body, { status: 200, headers: { 'content-type': e.type } });
}
