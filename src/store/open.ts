import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { StoreOptions } from './kysely-store.js';
import type { Store } from './store.js';

/** Where the CLI keeps its database unless told otherwise. */
export const DEFAULT_DB = './faultline.db';

/**
 * Whether a location names a PostgreSQL server rather than an SQLite file.
 *
 * @example isPostgresUrl('postgresql://localhost/faultline') // true
 */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * The database a command uses: `--db` (a file or a postgres:// URL; `--database-url` is copied
 * here by the CLI and wins), else `DATABASE_URL` when it is a postgres:// URL (other tools'
 * URLs are ignored), else `FAULTLINE_DB`, else ./faultline.db.
 *
 * @example dbLocation(undefined, { FAULTLINE_DB: '/data/f.db' }) // '/data/f.db'
 */
export function dbLocation(flag: string | undefined, env: Record<string, string | undefined>): string {
  const url = env.DATABASE_URL && isPostgresUrl(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
  return flag || url || env.FAULTLINE_DB || DEFAULT_DB;
}

/**
 * Opens the store a location names: a postgres:// or postgresql:// URL picks the PostgreSQL
 * engine; anything else is an SQLite file.
 *
 * @example const store = await openStore('./faultline.db')
 */
export async function openStore(location: string, opts: StoreOptions = {}): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location, opts) : openSqliteStore(location, opts);
}
