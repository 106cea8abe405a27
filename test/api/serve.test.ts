import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/cli/serve.js';
import { runCli } from '../cli/run-cli.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { NOW } from './demo-store.js';

/* `faultline serve` over real sockets, on loopback and a free port only. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let store: Store;
let dir: string;

beforeAll(async () => {
  store = await openSqliteStore(':memory:', { now: () => NOW });
  dir = mkdtempSync(join(tmpdir(), 'faultline-serve-'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('listens on loopback, answers over http, and stops', async () => {
    const server = await startServer(store, { port: 0, host: '127.0.0.1', rateLimit: false, webRoot: null });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('ok');
    // A second server cannot take the same port: one line saying what to do.
    await expect(startServer(store, { port: server.port, host: '127.0.0.1', webRoot: null })).rejects.toThrow(
      /cannot listen on 127\.0\.0\.1:\d+: the port is in use; pass --port/,
    );
    await server.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });
});

describe('faultline serve', () => {
  it.each([
    [['--port', '70000'], '--port must be a whole number 0–65535 (got "70000")'],
    [['--rate-limit', 'fast'], '--rate-limit must be a number of requests a second, 0 for none (got "fast")'],
    [
      ['--cors', 'http://a.example/path'],
      '--cors must be an origin such as http://localhost:5173, with no path',
    ],
  ])('refuses %j with one line', async (args, message) => {
    const run = await runCli(['serve', '--db', join(dir, 'x.db'), ...args], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`faultline: ${message}`);
  });

  it('prints its url, serves, and shuts down cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'serve',
        '--db',
        join(dir, 'f.db'),
        '--port',
        '0',
        '--read-only',
      ],
      { cwd: ROOT, env: { ...process.env, FAULTLINE_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        const m = /faultline serving (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) done(m[1]!);
      });
      child.on('exit', () => fail(new Error(`serve exited early: ${err}`)));
    });
    expect(out).toContain('read-only');
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', readOnly: true, writes: false });
    const write = await fetch(`${url}/api/ingest`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(write.status).toBe(405);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('shutting down');
  }, 180_000);
});
