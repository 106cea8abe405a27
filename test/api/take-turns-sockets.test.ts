import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeTurns } from '../../src/api/take-turns.js';

/*
 * The failure takeTurns prevents, over real loopback sockets: libuv accepts one connection per
 * turn of the event loop, so when every turn answers all ready requests and each answer costs
 * synchronous milliseconds, clients already connected are answered over and over while new ones
 * wait in the kernel's accept queue. Here 100 keep-alive clients connect at once and ask again as
 * soon as they are answered; we count how many answers the server had written by the time it
 * accepted the last client. Counting, not timing: without turns, that number grows with the
 * square of the clients (thousands); with turns, linearly (a few per turn).
 */

const CLIENTS = 100;
/** Synchronous work per request, like a better-sqlite3 query. */
const WORK_MS = 2;

let server: ServerType;
let port = 0;
let accepted = 0;
let answered = 0;
let answeredAtLastAccept = -1;

beforeAll(async () => {
  const app = new Hono();
  app.use('*', takeTurns());
  app.get('/work', (c) => {
    const until = performance.now() + WORK_MS;
    while (performance.now() < until);
    answered++;
    return c.text('ok');
  });
  port = await new Promise<number>((ok) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ok(info.port));
  });
  (server as Server).on('connection', () => {
    if (++accepted === CLIENTS) answeredAtLastAccept = answered;
  });
});

afterAll(async () => {
  await new Promise<void>((done) => (server as Server).close(() => done()));
});

describe('takeTurns over sockets', () => {
  it('accepts every client of a burst while the first ones keep asking', async () => {
    const request = 'GET /work HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';
    const sockets: Socket[] = [];
    const allAnswered = Array.from(
      { length: CLIENTS },
      () =>
        new Promise<void>((done, fail) => {
          const socket = connect(port, '127.0.0.1', () => socket.write(request));
          sockets.push(socket);
          let got = false;
          socket.setEncoding('utf8');
          socket.on('error', fail);
          socket.on('data', (chunk: string) => {
            // Responses are tiny and never pipelined: one chunk holds one answer.
            expect(chunk.startsWith('HTTP/1.1 200')).toBe(true);
            if (!got) {
              got = true;
              done();
            }
            // Keep asking until every client has been accepted.
            if (answeredAtLastAccept < 0) socket.write(request);
          });
        }),
    );
    await Promise.all(allAnswered);
    for (const s of sockets) s.destroy();
    expect(accepted).toBe(CLIENTS);
    // Answers per turn ≈ 5 ms / 2 ms, one accept per turn: a few hundred at most, not thousands.
    expect(answeredAtLastAccept).toBeGreaterThan(0);
    expect(answeredAtLastAccept).toBeLessThan(CLIENTS * 8);
  });
});
