import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { takeTurns, type TakeTurnsOptions } from '../../src/api/take-turns.js';

/*
 * takeTurns over app.request(), with a fake clock that each handler moves forward by its "cost"
 * (a synchronous store call takes real time; here it takes fake milliseconds). A probe chained
 * on setImmediate notes, at each turn of the event loop, how many handlers have run so far.
 */

/** `failing`: requests whose handler throws after taking its time. */
function harness(costMs: number, opts: TakeTurnsOptions = {}, failing: readonly number[] = []) {
  let clock = 0;
  const ran: number[] = [];
  const app = new Hono();
  app.use('*', takeTurns({ now: () => clock, ...opts }));
  app.get('/r/:i', (c) => {
    const i = Number(c.req.param('i'));
    ran.push(i);
    clock += costMs;
    if (failing.includes(i)) throw new Error(`request ${i} failed`);
    return c.json({ i });
  });
  // Hono's default logs each failure's stack; the status is what these tests look at.
  app.onError((_err, c) => c.text('failed', 500));
  return { app, ran };
}

/**
 * Fires `n` requests at once and records how many handlers had run at each turn of the loop.
 * `gone`: requests whose client has closed its socket (the Node server's bindings say so).
 */
async function burst(h: ReturnType<typeof harness>, n: number, gone: readonly number[] = []) {
  const perTurn: number[] = [];
  let done = false;
  const probe = () => {
    perTurn.push(h.ran.length);
    if (!done) setImmediate(probe);
  };
  const answers = Array.from({ length: n }, (_, i) =>
    h.app.request(
      `/r/${i}`,
      undefined,
      gone.includes(i) ? { incoming: { socket: { destroyed: true } } } : {},
    ),
  );
  setImmediate(probe);
  const res = await Promise.all(answers);
  // One more turn, so the probe has seen the last handler.
  await new Promise((ok) => setImmediate(ok));
  done = true;
  return { res, perTurn };
}

/** How many handlers ran between consecutive probes (the last probe sees them all). */
function steps(perTurn: number[]): number[] {
  return perTurn.slice(1).map((x, i) => x - perTurn[i]!);
}

describe('takeTurns', () => {
  it('starts a lone request at once, within the same turn', async () => {
    const h = harness(1);
    const { res, perTurn } = await burst(h, 1);
    expect(res[0]!.status).toBe(200);
    expect(perTurn[0]).toBe(1);
  });

  it('starts slow requests one per turn of the loop, in arrival order', async () => {
    const h = harness(20);
    const { res, perTurn } = await burst(h, 8);
    expect(res.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(h.ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Without turns all eight would run before the loop could poll (accept) again.
    expect(perTurn[0]).toBeLessThanOrEqual(2);
    expect(steps(perTurn).filter((n) => n > 0)).toEqual(Array(8 - perTurn[0]!).fill(1));
    expect(perTurn.at(-1)).toBe(8);
  });

  it('lets quick requests share a turn up to turnMs', async () => {
    const h = harness(1, { turnMs: 5 });
    const { perTurn } = await burst(h, 40);
    expect(h.ran).toEqual([...Array(40).keys()]);
    // Requests start while the turn has had under 5 fake ms: 5 of 1 ms a turn once they queue
    // (the first turn also ran the ones that came while nothing waited).
    expect(perTurn[0]).toBeLessThanOrEqual(10);
    expect(steps(perTurn).filter((n) => n > 0)).toEqual(Array(6).fill(5));
  });

  it('goes on with the waiting requests after one that throws', async () => {
    const h = harness(20, {}, [1, 3]);
    const { res } = await burst(h, 5);
    expect(res.map((r) => r.status)).toEqual([200, 500, 200, 500, 200]);
    expect(h.ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('does no work for a waiting request whose client has gone, and goes on with the next', async () => {
    const h = harness(20);
    // Request 0 starts at once (its client's socket is closed too, but it never waited).
    const { res } = await burst(h, 4, [0, 2]);
    expect(res.map((r) => r.status)).toEqual([200, 200, 503, 200]);
    expect(await res[2]!.json()).toMatchObject({
      status: 503,
      detail: 'the client closed the connection while waiting',
    });
    expect(h.ran).toEqual([0, 1, 3]);
  });

  it('answers 503 with Retry-After once maxWaiting requests wait', async () => {
    const h = harness(20, { maxWaiting: 3, retryAfterSeconds: 2 });
    const { res } = await burst(h, 6);
    // One runs at once, three wait, two are refused.
    expect(res.map((r) => r.status)).toEqual([200, 200, 200, 200, 503, 503]);
    const refused = res[4]!;
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      detail: 'the server is overloaded; retry in 2 s',
    });
    expect(h.ran).toEqual([0, 1, 2, 3]);
  });
});
