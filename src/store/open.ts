import { openSqliteStore } from './sqlite.js';
import type { StoreOptions } from './kysely-store.js';
import type { Store } from './store.js';

/** Where the CLI keeps its database unless told otherwise. */
export const DEFAULT_DB = './faultline.db';

/**
 * The database a command uses: `--db`, else `FAULTLINE_DB`, else ./faultline.db.
 *
 * @example dbLocation(undefined, { FAULTLINE_DB: '/data/f.db' }) // '/data/f.db'
 */
export function dbLocation(flag: string | undefined, env: Record<string, string | undefined>): string {
  return flag || env.FAULTLINE_DB || DEFAULT_DB;
}

/**
 * Opens the store a location names. A postgres:// URL will pick the PostgreSQL engine once
 * it exists; anything else is an SQLite file.
 *
 * @example const store = await openStore('./faultline.db')
 */
export async function openStore(location: string, opts: StoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new Error(
      `cannot open ${location}: the postgresql engine is not available yet; pass --db with an sqlite file path`,
    );
  }
  return openSqliteStore(location, opts);
}
