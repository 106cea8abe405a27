import { openSqliteStore } from '../../src/store/sqlite.js';
import type { StoreOptions } from '../../src/store/kysely-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * Every engine the contract suite runs against, on a real database. PostgreSQL joins here
 * (skipped unless FAULTLINE_TEST_PG names a server) once its dialect file exists.
 */
export const ENGINES: { name: string; available: boolean; open(opts: StoreOptions): Promise<Store> }[] = [
  { name: 'sqlite', available: true, open: (opts) => openSqliteStore(':memory:', opts) },
];
