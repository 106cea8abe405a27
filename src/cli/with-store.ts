import { dbLocation, openStore } from '../store/open.js';
import { maskUrl } from '../store/postgres.js';
import type { Store } from '../store/store.js';
import { CliError, type Io } from './io.js';

/**
 * Opens the store named by `--database-url` or `--db` (else `DATABASE_URL`, `FAULTLINE_DB`), runs
 * `fn`, and always closes it.
 *
 * @example await withStore(flags.db, io, (store) => store.counts())
 */
export async function withStore<T>(
  flag: string | undefined,
  io: Io,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const location = dbLocation(flag, io.env);
  let store: Store;
  try {
    store = await openStore(location);
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0];
    throw new CliError(
      msg.startsWith('cannot open')
        ? msg
        : `cannot open database ${maskUrl(location)}: ${msg.toLowerCase()}; pass --db with a writable path`,
    );
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
