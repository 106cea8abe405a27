import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { problem } from './problem.js';

/** How many requests a client may make: a burst of `burst`, refilled at `perSecond`. */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
  /** The client a request counts against; by default the peer's IP address. */
  key?: (c: Context) => string;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now?: () => number;
  /** Buckets kept before full ones are dropped (bounds memory under many clients). */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client: each request takes one token, tokens come back at `perSecond` up
 * to `burst`. An empty bucket is answered 429 with `Retry-After` (whole seconds until a token).
 *
 * @example app.use('/api/*', rateLimit({ perSecond: 20, burst: 60 }))
 */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const now = opts.now ?? Date.now;
  const key = opts.key ?? clientAddress;
  const maxClients = opts.maxClients ?? 10_000;
  const buckets = new Map<string, Bucket>();
  const refill = (b: Bucket, t: number) => {
    b.tokens = Math.min(opts.burst, b.tokens + ((t - b.at) / 1000) * opts.perSecond);
    b.at = t;
  };
  return async (c, next) => {
    const t = now();
    const id = key(c);
    let bucket = buckets.get(id);
    if (!bucket) {
      if (buckets.size >= maxClients) sweep(buckets, t, refill, opts.burst, maxClients);
      bucket = { tokens: opts.burst, at: t };
      buckets.set(id, bucket);
    } else {
      refill(bucket, t);
    }
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / opts.perSecond));
      return problem(c, 429, `too many requests from this client; retry in ${wait} s`, {
        headers: { 'retry-after': String(wait) },
      });
    }
    bucket.tokens -= 1;
    await next();
  };
}

/** Drops buckets that have filled up again (their clients are idle); else the oldest half. */
function sweep(
  buckets: Map<string, Bucket>,
  t: number,
  refill: (b: Bucket, t: number) => void,
  burst: number,
  maxClients: number,
): void {
  for (const [id, b] of buckets) {
    refill(b, t);
    if (b.tokens >= burst) buckets.delete(id);
  }
  if (buckets.size < maxClients / 2) return;
  // Maps iterate in insertion order: the first entries are the longest-known clients.
  let drop = Math.floor(buckets.size / 2);
  for (const id of buckets.keys()) {
    if (drop-- <= 0) break;
    buckets.delete(id);
  }
}

/**
 * The peer's address from the Node server; `local` for requests made in-process
 * (`app.request()` has no socket). Forwarded headers are not trusted: any client can set them.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
