import PgBoss from 'pg-boss';
import { maskUrl } from '../store/postgres.js';
import { QueueError } from './database-url.js';

/** The pg-boss queue every article job goes through. */
export const ARTICLE_QUEUE = 'faultline_articles';

/** The schema pg-boss keeps its tables in (its default), beside the store's own tables. */
export const BOSS_SCHEMA = 'pgboss';

/** How long a job may run and how often a failed one comes back. */
export interface QueueSettings {
  /**
   * Seconds a job may stay active before it counts as abandoned (its worker was killed or
   * lost its connection) and goes back to the queue. Far above the pipeline's cost of an
   * article (milliseconds), so only dead workers hit it.
   */
  expireInSeconds: number;
  /** Retries after a failure before the job is failed for good. Bad input never retries. */
  retryLimit: number;
  /** Seconds before a retry (doubled each time when `retryBackoff`). */
  retryDelay: number;
  retryBackoff: boolean;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  expireInSeconds: 300,
  retryLimit: 3,
  retryDelay: 10,
  retryBackoff: true,
};

/** How a command connects to the queue. */
export interface BossOptions {
  /**
   * True for workers: this instance takes part in pg-boss maintenance (failing jobs whose
   * worker died, archiving finished ones). pg-boss lets one instance at a time do it.
   */
  supervise?: boolean;
  /** Seconds between maintenance runs (pg-boss default: 120). */
  maintenanceIntervalSeconds?: number;
  /** Connections in pg-boss's own pool. */
  poolSize?: number;
  /** Queue settings when this call creates the queue (jobs carry their own as well). */
  settings?: Partial<QueueSettings>;
  /** Where pg-boss's background errors go (a lost connection …); one line each. */
  onError?: (message: string) => void;
}

/**
 * Connects pg-boss to the database (installing its schema on first use) and makes sure the
 * article queue exists. Callers `stop()` it when done.
 *
 * @example const boss = await openBoss('postgres://localhost/faultline'); …; await boss.stop()
 */
export async function openBoss(url: string, opts: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    application_name: 'faultline-queue',
    max: opts.poolSize ?? 4,
    supervise: opts.supervise ?? false,
    // pg-boss checks option keys by presence: leave out what the caller did not give.
    ...(opts.maintenanceIntervalSeconds
      ? { maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds }
      : {}),
    // No cron schedules in faultline: keep the timekeeper's polling off the database.
    schedule: false,
    // Finished jobs move to the archive after 12 h (pg-boss's default, also how long a
    // re-enqueued document is recognised); the archive keeps them 2 days, not 7: at 250,000
    // articles a day that is ~2.5 GB of queue rows instead of ~9 GB. Failures stay in the
    // store's own failure log for good.
    deleteAfterDays: 2,
  });
  // An 'error' event with no listener would crash the process; pg-boss retries on its own.
  boss.on('error', (err: Error) => opts.onError?.(`queue: ${String(err.message).split('\n')[0]}`));
  try {
    await boss.start();
    const settings = { ...DEFAULT_QUEUE_SETTINGS, ...opts.settings };
    await boss.createQueue(ARTICLE_QUEUE, { name: ARTICLE_QUEUE, policy: 'standard', ...settings });
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw new QueueError(
      `cannot open the queue at ${maskUrl(url)}: ${String((err as Error).message)
        .split('\n')[0]
        .toLowerCase()}; check --database-url and that postgresql is running`,
    );
  }
  return boss;
}
