import { isPostgresUrl } from '../store/open.js';
import { maskUrl } from '../store/postgres.js';

/** A queue command called without what it needs; the message is one line saying what to do. */
export class QueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
  }
}

/**
 * The PostgreSQL database the queue lives in: `--database-url`, else `DATABASE_URL`, else
 * `FAULTLINE_DB` when it is a postgres:// URL. The queue and the store share it, so a job
 * completes in the same database its document is saved in.
 *
 * @example databaseUrlOrThrow(undefined, { DATABASE_URL: 'postgres://localhost/faultline' })
 */
export function databaseUrlOrThrow(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): string {
  const fromDb = env.FAULTLINE_DB && isPostgresUrl(env.FAULTLINE_DB) ? env.FAULTLINE_DB : undefined;
  const url = flag || env.DATABASE_URL || fromDb;
  if (!url) {
    throw new QueueError(
      'the queue needs a postgresql database: pass --database-url postgres://… or set DATABASE_URL',
    );
  }
  if (!isPostgresUrl(url)) {
    throw new QueueError(
      `the queue needs a postgresql database, not ${maskUrl(url)}: pass --database-url postgres://… or set DATABASE_URL`,
    );
  }
  return url;
}
