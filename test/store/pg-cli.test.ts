import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbLocation } from '../../src/store/open.js';
import { maskUrl } from '../../src/store/postgres.js';
import { jsonLines, runCli } from '../cli/run-cli.js';
import { fillerText } from './make-doc.js';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-pg-cli-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(
    join(dir, 'corpus', 'a.txt'),
    `Talks in Almaty\n\nDelegations from Armenia and Azerbaijan met in Almaty on Tuesday. ${fillerText(21, 8)}\n`,
  );
  writeFileSync(join(dir, 'corpus', 'b.txt'), `Corridor plans\n\n${fillerText(22, 8)}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('choosing the database', () => {
  it('takes --db, then a postgres DATABASE_URL, then FAULTLINE_DB, then ./faultline.db', () => {
    const url = 'postgres://u@h/db';
    expect(dbLocation('x.db', { DATABASE_URL: url, FAULTLINE_DB: 'y.db' })).toBe('x.db');
    expect(dbLocation(undefined, { DATABASE_URL: url, FAULTLINE_DB: 'y.db' })).toBe(url);
    expect(dbLocation(undefined, { DATABASE_URL: 'mysql://u@h/db', FAULTLINE_DB: 'y.db' })).toBe('y.db');
    expect(dbLocation(undefined, {})).toBe('./faultline.db');
  });

  it('masks the password of a url in messages', () => {
    expect(maskUrl('postgres://me:s3cret@db.example:5433/f')).toBe('postgres://me:***@db.example:5433/f');
    expect(maskUrl('postgresql://me@db/f')).toBe('postgresql://me@db/f');
    expect(maskUrl('./faultline.db')).toBe('./faultline.db');
  });

  it('refuses a --database-url that is not postgres', async () => {
    const r = await runCli(['docs', '--database-url', 'mysql://u@h/db'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'faultline: --database-url must be a postgres:// or postgresql:// url (got "mysql://u@h/db")\n',
    );
  });

  it('names an unreachable server in one line, password masked, and says what to do', async () => {
    const url = `postgresql://faultline:hunter2@127.0.0.1:${await closedPort()}/faultline`;
    const r = await runCli(['docs', '--db', join(dir, 'unused.db'), '--database-url', url], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `faultline: cannot open postgresql database ${url.replace('hunter2', '***')}: connection refused; start the server or fix the host and port in --database-url\n`,
    );
    expect(r.stderr).not.toContain('hunter2');
  });
});

if (!testPgUrl()) console.warn(PG_SKIP_NOTE);

describe.skipIf(!testPgUrl())('the cli on postgresql', () => {
  it('ingests and lists through --database-url (global, before or after the command)', async () => {
    const url = (await freshPgDatabase())!;
    const first = await runCli(['--database-url', url, 'ingest', 'corpus'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.stdout.trim().split('\n').at(-1)).toBe('2 ingested, 0 duplicates, 0 failed');
    // --database-url wins over --db: nothing is written to the file.
    const again = await runCli(['ingest', 'corpus', '--db', join(dir, 'no.db'), '--database-url', url], {
      cwd: dir,
    });
    expect(again.stdout.trim().split('\n').at(-1)).toBe('0 ingested, 2 duplicates, 0 failed');
    const docs = await runCli(['docs', '--json'], { cwd: dir, env: { DATABASE_URL: url } });
    expect(docs.code).toBe(0);
    expect(
      jsonLines(docs.stdout)
        .map((d) => d.input)
        .sort(),
    ).toEqual(['corpus/a.txt', 'corpus/b.txt']);
    const search = await runCli(['search', 'Almaty', '--json'], { cwd: dir, env: { DATABASE_URL: url } });
    expect(jsonLines(search.stdout).map((h) => h.title)).toEqual(['Talks in Almaty']);
  });

  it('says so in one line when the database does not exist', async () => {
    const url = new URL(testPgUrl()!);
    url.pathname = '/faultline_missing_db';
    const r = await runCli(['docs'], { cwd: dir, env: { DATABASE_URL: url.toString() } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `faultline: cannot open postgresql database ${url}: the database does not exist; create it (createdb) or name another in --database-url\n`,
    );
  });
});
