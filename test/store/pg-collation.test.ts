import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';
import { makeDoc } from './make-doc.js';

const CLOCK = () => new Date('2025-02-01T12:00:00.000Z');
const base = testPgUrl();

/** A database whose own collation is ICU en-US (case-insensitive first, as most servers'), or null. */
async function icuDatabase(): Promise<string | null> {
  const name = `faultline_icu_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: base! });
  await client.connect();
  try {
    await client.query(
      `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'`,
    );
  } catch {
    return null; // A server built without ICU, or older than PostgreSQL 15.
  } finally {
    await client.end();
  }
  const url = new URL(base!);
  url.pathname = `/${name}`;
  return url.toString();
}

if (!base) console.warn(PG_SKIP_NOTE);

describe.skipIf(!base)('postgresql database with a language collation', () => {
  let url: string | null;
  let postgres: Store;
  let sqlite: Store;
  beforeAll(async () => {
    url = await icuDatabase();
    if (!url) return;
    postgres = await openPostgresStore(url, { now: CLOCK });
    sqlite = await openSqliteStore(':memory:', { now: CLOCK });
    // Same clock for all: listed by input, where case order differs between collations.
    for (const input of ['b.txt', 'B.txt', 'a-1.txt', 'a.txt', 'A.txt']) {
      const doc = makeDoc({ input, title: `Report ${input}` });
      expect(await postgres.saveDocument(doc)).toEqual(await sqlite.saveDocument(doc));
    }
  });
  afterAll(async () => {
    await postgres?.close();
    await sqlite?.close();
  });

  it('sorts and compares text by code point, as SQLite does', async (ctx) => {
    if (!url) return ctx.skip();
    const sqliteList = (await sqlite.listDocuments()).items.map((d) => d.input);
    expect(sqliteList).toEqual(['A.txt', 'B.txt', 'a-1.txt', 'a.txt', 'b.txt']);
    expect((await postgres.listDocuments()).items.map((d) => d.input)).toEqual(sqliteList);
    // `--to 2024-04` keeps the days of April (the events are of 2024-04-15).
    const april = await sqlite.events({ to: '2024-04' });
    expect(april.total).toBe(5);
    expect(await postgres.events({ to: '2024-04' })).toEqual(april);
  });

  it('is idempotent: reopening changes nothing', async (ctx) => {
    if (!url) return ctx.skip();
    const again = await openPostgresStore(url, { now: CLOCK });
    expect((await again.listDocuments()).items.map((d) => d.input)).toEqual(
      (await sqlite.listDocuments()).items.map((d) => d.input),
    );
    await again.close();
  });
});
