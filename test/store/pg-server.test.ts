import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';

const url = testPgUrl();
if (!url) console.warn(PG_SKIP_NOTE);

describe.skipIf(!url)('test postgresql server', () => {
  it('gives each caller its own empty database', async () => {
    const a = await freshPgDatabase();
    const b = await freshPgDatabase();
    expect(a).not.toBeNull();
    expect(a).not.toBe(b);
    const client = new pg.Client({ connectionString: a! });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; n: string }>(
        `SELECT current_database() AS db, (SELECT count(*) FROM pg_tables WHERE schemaname = 'public') AS n`,
      );
      expect(`/${rows[0]!.db}`).toBe(new URL(a!).pathname);
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await client.end();
    }
  });
});
