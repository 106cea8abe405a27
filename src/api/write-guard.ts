import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards every write (any method but GET, HEAD, OPTIONS): refused with 405 in read-only mode,
 * with 403 when no token is configured, with 401 unless `Authorization: Bearer <token>` matches.
 *
 * @example app.use('/api/*', writeGuard({ token: process.env.FAULTLINE_TOKEN, readOnly: false }))
 */
export function writeGuard(opts: { token?: string; readOnly?: boolean }): MiddlewareHandler {
  const expected = opts.token ? digest(opts.token) : null;
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (opts.readOnly) {
      return problem(c, 405, 'the server is read-only (started with --read-only); writes are refused', {
        type: 'urn:faultline:read-only',
        headers: { allow: 'GET, HEAD' },
      });
    }
    if (!expected) {
      return problem(
        c,
        403,
        'writes are disabled: no token is configured; start the server with --token TOKEN or set FAULTLINE_TOKEN',
        { type: 'urn:faultline:writes-disabled' },
      );
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    // Compare digests in constant time, so neither the token nor its length leaks through timing.
    if (!m || !timingSafeEqual(digest(m[1]), expected)) {
      return problem(c, 401, "writes need the header Authorization: Bearer TOKEN with the server's token", {
        type: 'urn:faultline:unauthorized',
        headers: { 'www-authenticate': 'Bearer realm="faultline"' },
      });
    }
    await next();
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}
