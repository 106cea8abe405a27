import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The environment variable naming the test server: a postgres:// URL, or `none` to skip PostgreSQL. */
export const TEST_PG_ENV = 'FAULTLINE_TEST_PG';

/** A running throwaway PostgreSQL: its URL (superuser, database `postgres`) and how to stop it. */
export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * The newest PostgreSQL server binaries installed the Debian way, or null when there are none.
 *
 * @example findPostgresBin() // '/usr/lib/postgresql/15/bin'
 */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (process.env.FAULTLINE_PG_BIN) return process.env.FAULTLINE_PG_BIN;
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/**
 * Starts a throwaway PostgreSQL cluster in a temp dir, listening on 127.0.0.1 on a free port
 * with fsync off unless asked (test data need not survive a power cut). initdb refuses to run as root, so
 * as root the cluster belongs to and runs as user `postgres`. Returns null when the server
 * binaries are not installed; callers skip with a note.
 *
 * @example const pg = await startTestPostgres(); if (pg) { use(pg.url); await pg.stop(); }
 */
export async function startTestPostgres(opts: { fsync?: boolean } = {}): Promise<TestPostgres | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'faultline-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const as = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  const port = await freePort();
  try {
    // C locale: byte-order text sorting and ASCII case folding, as SQLite does.
    await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '-N']);
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      // Commits do not wait for their WAL flush (as SQLite's synchronous=NORMAL); `fsync: true`
      // (benchmarks) keeps the flushes themselves, tests skip them.
      '-c synchronous_commit=off',
      ...(opts.fsync ? [] : ['-c fsync=off', '-c full_page_writes=off']),
      '-c max_connections=200',
    ].join(' ');
    await as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`cannot start a test postgresql from ${bin}: ${(err as Error).message.split('\n')[0]}`);
  }
  const watchdog = startWatchdog(asRoot, bin, data, dir);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      watchdog.kill();
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates an empty database on the test server (`FAULTLINE_TEST_PG`) and returns its URL, so
 * suites never see each other's rows; null when no test server runs (skip with a note).
 *
 * @example const url = await freshPgDatabase(); it.skipIf(!url)('…', …)
 */
export async function freshPgDatabase(): Promise<string | null> {
  const base = testPgUrl();
  if (!base) return null;
  const name = `faultline_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The test server's URL from `FAULTLINE_TEST_PG` (set by the vitest global setup or by CI),
 * or null when PostgreSQL tests are to be skipped.
 *
 * @example testPgUrl() // 'postgres://postgres@127.0.0.1:54321/postgres'
 */
export function testPgUrl(): string | null {
  const url = process.env[TEST_PG_ENV];
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

/** The note a skipped PostgreSQL suite prints. */
export const PG_SKIP_NOTE =
  'postgresql tests skipped: no server binaries under /usr/lib/postgresql/*/bin and no FAULTLINE_TEST_PG url';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A detached shell that stops the cluster and removes its dir if this process dies without
 * calling stop() (a killed test run), so no orphan server keeps memory on a shared machine.
 */
function startWatchdog(asRoot: boolean, bin: string, data: string, dir: string) {
  const stop = `${asRoot ? 'runuser -u postgres -- ' : ''}'${join(bin, 'pg_ctl')}' -D '${data}' -m immediate stop`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${stop} >/dev/null 2>&1; rm -rf '${dir}'`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}
