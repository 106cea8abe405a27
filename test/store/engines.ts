import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { StoreOptions } from '../../src/store/kysely-store.js';
import type { Store } from '../../src/store/store.js';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';

const pgAvailable = testPgUrl() !== null;
if (!pgAvailable) console.warn(PG_SKIP_NOTE);

/**
 * Every engine the contract suite runs against, on a real database. PostgreSQL runs when the
 * vitest global setup started a server (or FAULTLINE_TEST_PG names one); each open gets a new
 * empty database, as `:memory:` does for SQLite.
 */
export const ENGINES: { name: string; available: boolean; open(opts: StoreOptions): Promise<Store> }[] = [
  { name: 'sqlite', available: true, open: (opts) => openSqliteStore(':memory:', opts) },
  {
    name: 'postgres',
    available: pgAvailable,
    async open(opts) {
      const url = await freshPgDatabase();
      if (!url) throw new Error(PG_SKIP_NOTE);
      return openPostgresStore(url, opts);
    },
  },
];
