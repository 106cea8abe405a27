import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { performance } from 'node:perf_hooks';
import { problem } from './problem.js';

/** How long one turn of the event loop may spend on requests, and how many may wait. */
export interface TakeTurnsOptions {
  /** Requests start in one turn of the loop until this many milliseconds have gone; default 5. */
  turnMs?: number;
  /** Requests held waiting before new ones are refused with 503 (bounds memory); default 2000. */
  maxWaiting?: number;
  /** Seconds a refused client is asked to wait (`Retry-After`); default 1. */
  retryAfterSeconds?: number;
  /** A clock in milliseconds; tests pass a fake one. */
  now?: () => number;
}

/**
 * Spends at most about `turnMs` of each turn of the event loop on requests, first come first
 * served; the rest wait for the next turn. When nothing waits, a request starts at once.
 *
 * Why: libuv (Node 20) accepts one new connection per turn of the loop, and a turn runs the
 * handler of every socket with a request ready. Over a store that answers synchronously
 * (better-sqlite3), a turn then lasts as long as all those requests together — with 200 busy
 * keep-alive clients and a cold cache, over a second — so new connections wait in the kernel's
 * accept queue until their clients time out, while accepted ones are answered again and again.
 * With turns kept short, connections are accepted between them and every client is answered in
 * arrival order. Several requests still share a turn when they are quick (cached answers), so
 * sockets are written in batches. Handlers that await real I/O (PostgreSQL) still overlap: only
 * their starts are spaced. Past `maxWaiting` the server is overloaded: 503 with `Retry-After`.
 *
 * @example app.use('*', takeTurns())
 */
export function takeTurns(opts: TakeTurnsOptions = {}): MiddlewareHandler {
  const turnMs = opts.turnMs ?? 5;
  const maxWaiting = opts.maxWaiting ?? 2000;
  const retryAfter = String(opts.retryAfterSeconds ?? 1);
  const now = opts.now ?? (() => performance.now());
  const waiting: (() => void)[] = [];
  // When the first request of this turn started; -1 until one has. Reset in the check phase.
  let turnStart = -1;
  let scheduled = false;

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(nextTurn);
  };
  // Runs in the check phase, after the loop has polled (and accepted a connection): a new turn.
  const nextTurn = (): void => {
    scheduled = false;
    turnStart = -1;
    const go = waiting.shift();
    if (!go) return;
    turnStart = now();
    schedule();
    go();
  };
  const mayStart = (): boolean => {
    if (turnStart < 0) {
      turnStart = now();
      schedule();
      return true;
    }
    return now() - turnStart < turnMs;
  };
  // A request has finished: the next one may start in the same turn if the turn has time left.
  const finished = (): void => {
    if (waiting.length > 0 && turnStart >= 0 && now() - turnStart < turnMs) waiting.shift()!();
  };

  return async (c, next) => {
    if (waiting.length === 0 && mayStart()) {
      try {
        return await next();
      } finally {
        finished();
      }
    }
    if (waiting.length >= maxWaiting) {
      return problem(c, 503, `the server is overloaded; retry in ${retryAfter} s`, {
        headers: { 'retry-after': retryAfter },
      });
    }
    schedule();
    await new Promise<void>((go) => waiting.push(go));
    try {
      // A client that gave up while waiting gets no work done for it.
      if (clientGone(c)) return problem(c, 503, 'the client closed the connection while waiting');
      return await next();
    } finally {
      finished();
    }
  };
}

/** The Node server's socket of this request is closed (in-process requests have none). */
function clientGone(c: Context): boolean {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket?.destroyed === true;
}
