import type PgBoss from 'pg-boss';
import { ARTICLE_QUEUE, BOSS_SCHEMA } from './boss.js';

/** The states `faultline jobs` counts, in a job's life order. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Jobs per state: live ones, plus those pg-boss has since archived (finished long ago). */
export interface JobCounts {
  states: Record<JobState, number>;
  archived: number;
}

/** A failed job and why. */
export interface JobFailure {
  id: string;
  input: string;
  message: string;
  attempts: number;
  failedAt: string | null;
}

/**
 * Jobs of the article queue by state.
 *
 * @example (await jobCounts(boss)).states.failed // 1
 */
export async function jobCounts(boss: PgBoss): Promise<JobCounts> {
  const db = boss.getDb();
  const { rows } = await db.executeSql(
    `SELECT state::text AS state, count(*)::int AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 GROUP BY state`,
    [ARTICLE_QUEUE],
  );
  const states = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const row of rows as { state: JobState; n: number }[]) states[row.state] = row.n;
  const archived = await db.executeSql(
    `SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.archive WHERE name = $1`,
    [ARTICLE_QUEUE],
  );
  return { states, archived: (archived.rows[0] as { n: number }).n };
}

/**
 * Jobs not yet settled: waiting, running, or due for a retry. Zero means the queue is drained.
 *
 * @example if ((await pendingJobs(boss)) === 0) return
 */
export async function pendingJobs(boss: PgBoss): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(`SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state < 'completed'`, [
      ARTICLE_QUEUE,
    ]);
  return (rows[0] as { n: number }).n;
}

/**
 * Failed jobs with their one-line reasons, newest first (archived ones included).
 *
 * @example for (const f of await jobFailures(boss, 20)) console.log(f.input, f.message)
 */
export async function jobFailures(boss: PgBoss, limit = 1000): Promise<JobFailure[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT id::text AS id, data->>'input' AS input, output AS output, retry_count AS attempts, completed_on
       FROM (SELECT id, data, output, retry_count, completed_on FROM ${BOSS_SCHEMA}.job
              WHERE name = $1 AND state = 'failed'
             UNION ALL
             SELECT id, data, output, retry_count, completed_on FROM ${BOSS_SCHEMA}.archive
              WHERE name = $1 AND state = 'failed') f
      ORDER BY completed_on DESC NULLS LAST, id
      LIMIT $2`,
    [ARTICLE_QUEUE, limit],
  );
  return (
    rows as {
      id: string;
      input: string | null;
      output: unknown;
      attempts: number;
      completed_on: Date | null;
    }[]
  ).map((r) => ({
    id: r.id,
    input: r.input ?? r.id,
    message: failureMessage(r.output),
    attempts: r.attempts + 1,
    failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
  }));
}

/** pg-boss stores what fail() was given (ours: `{ message }`; its own timeouts: `{ value: { message } }`). */
function failureMessage(output: unknown): string {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = o?.message ?? o?.value?.message;
  return typeof message === 'string' ? message.split('\n')[0] : 'failed with no reason given';
}
