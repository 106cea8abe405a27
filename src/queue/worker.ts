import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import type { StageContext } from '../pipeline/stage.js';
import type { SaveResult, Store } from '../store/store.js';
import { bytesJob, type ArticleJob as Job } from './article-job.js';
import { ARTICLE_QUEUE, BOSS_SCHEMA } from './boss.js';
import { BadInputError, documentsFromJob } from './documents-from-job.js';
import { pendingJobs } from './job-report.js';

/** What a worker did with one job. */
export type WorkerResult =
  | { jobId: string; input: string; status: 'stored'; saved: SaveResult[] }
  | { jobId: string; input: string; status: 'failed' | 'retry'; message: string };

export interface WorkerTotals {
  jobs: number;
  inserted: number;
  duplicates: number;
  failed: number;
  retried: number;
}

export interface WorkerOptions {
  boss: PgBoss;
  /** Where documents are saved: the store on the queue's own database. */
  store: Store;
  /** Pipeline context (actor registry, dictionaries); a job's `published` overrides its date. */
  ctx?: StageContext;
  /** Jobs in flight at once in this process (default 1). The pipeline is CPU-bound, so more
   *  than 2 per process only overlaps database round trips; add processes for more cores. */
  concurrency?: number;
  /** Return once no job is waiting, running or due for retry, instead of polling for ever. */
  once?: boolean;
  /** Aborting stops taking jobs; jobs in hand finish first (graceful shutdown). */
  signal?: AbortSignal;
  /** Milliseconds between polls of an empty queue (default 1000). */
  pollMs?: number;
  onResult?(result: WorkerResult): void;
  /** Database trouble met while polling; the worker goes on (with `once`, up to a limit). */
  onError?(message: string): void;
}

/** With `once`, give up after this many database errors in a row rather than spin. */
const MAX_ERRORS_IN_A_ROW = 5;
/** Expired jobs are looked for at most this often while draining (ms). */
const EXPIRE_EVERY_MS = 1000;

/**
 * Takes article jobs and saves their documents: fetch (SKIP LOCKED, so two workers never hold
 * one job), run the pipeline, `store.saveDocument` (one transaction, idempotent by content
 * hash), and only then complete the job. A worker killed between save and complete leaves
 * the job active; it expires and is retried, and the retry finds the document stored — so
 * every document is stored exactly once. Bad input fails its job at once with its reason;
 * other errors (the store unreachable …) go back for a retry, up to the job's retry limit.
 *
 * @example await runWorker({ boss, store, concurrency: 2, once: true })
 */
export async function runWorker(opts: WorkerOptions): Promise<WorkerTotals> {
  const { boss, store, ctx = {}, signal } = opts;
  const pollMs = opts.pollMs ?? 1000;
  const totals: WorkerTotals = { jobs: 0, inserted: 0, duplicates: 0, failed: 0, retried: 0 };
  let lastExpire = 0;
  let errorsInARow = 0;

  const report = (result: WorkerResult) => {
    totals.jobs++;
    if (result.status === 'stored') {
      for (const s of result.saved) {
        if (s.status === 'inserted') totals.inserted++;
        else totals.duplicates++;
      }
    } else if (result.status === 'failed') totals.failed++;
    else totals.retried++;
    opts.onResult?.(result);
  };

  const handle = async (job: PgBoss.Job<Job>) => {
    const input = typeof job.data?.input === 'string' ? job.data.input : job.id;
    let docs;
    try {
      docs = documentsFromJob(job.data, ctx);
    } catch (err) {
      // Reading and the pipeline are deterministic: what failed once fails again.
      const message = err instanceof BadInputError ? err.message : `cannot process ${input}: ${oneLine(err)}`;
      await failForGood(boss, job.id, message);
      await store.logFailure(input, message).catch(() => undefined);
      report({ jobId: job.id, input, status: 'failed', message });
      return;
    }
    let saved: SaveResult[];
    try {
      saved = [];
      for (const doc of docs) saved.push(await store.saveDocument(doc));
    } catch (err) {
      // Not the input's fault: let pg-boss retry it (after its delay, up to its limit).
      const message = `cannot save ${input}: ${oneLine(err)}`;
      await boss.fail(ARTICLE_QUEUE, job.id, { message });
      const after = await boss.getJobById(ARTICLE_QUEUE, job.id).catch(() => null);
      report({ jobId: job.id, input, status: after?.state === 'failed' ? 'failed' : 'retry', message });
      return;
    }
    // The save has committed; completing now is what makes the job done.
    await boss.complete(ARTICLE_QUEUE, job.id, {
      documents: saved.map((s) => ({ id: s.id, status: s.status })),
    });
    report({ jobId: job.id, input, status: 'stored', saved });
  };

  const slot = async () => {
    while (!signal?.aborted) {
      try {
        const [job] = await boss.fetch<Job>(ARTICLE_QUEUE, { batchSize: 1 });
        if (job) {
          await handle(job);
          errorsInARow = 0;
          continue;
        }
        if (opts.once) {
          if (Date.now() - lastExpire >= EXPIRE_EVERY_MS) {
            lastExpire = Date.now();
            // Jobs of a worker that died are active until they expire: free them now.
            await boss.expire();
          }
          if ((await pendingJobs(boss)) === 0) return;
        }
        errorsInARow = 0;
      } catch (err) {
        errorsInARow++;
        opts.onError?.(`worker: ${oneLine(err)}`);
        if (opts.once && errorsInARow >= MAX_ERRORS_IN_A_ROW) throw err;
      }
      await pause(opts.once ? Math.min(pollMs, 250) : pollMs, signal);
    }
  };

  const slots = Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, slot);
  await Promise.all(slots);
  return totals;
}

/** A made-up article in both shapes a job takes (HTML page, plain text). */
const WARM_UP_TEXT =
  'Officials in Ankara said on Monday that the foreign minister would travel to Paris for talks. ' +
  'The ministry denied reports that the visit had been cancelled, a spokesman said.';

/**
 * Runs the pipeline once on a made-up article, HTML and text, so the first real job does not
 * pay for loading the actor registry, dictionaries, patterns and language model (about a second
 * of CPU): a worker announces itself ready once warm. Never touches storage, never throws: a
 * failure here (an unreadable `--actors` folder …) is met again, and reported, by the jobs.
 *
 * @example warmUpWorker({}); // then start fetching jobs
 */
export function warmUpWorker(ctx: StageContext = {}): void {
  const html = `<html><head><title>Talks in Paris</title></head><body><article><p>${WARM_UP_TEXT}</p></article></body></html>`;
  const jobs = [
    bytesJob('warm-up.html', Buffer.from(html), 'html', null, null, {}),
    bytesJob('warm-up.txt', Buffer.from(`Talks in Paris\n\n${WARM_UP_TEXT}\n`), 'text', null, null, {}),
  ];
  for (const job of jobs) {
    try {
      documentsFromJob(job, ctx);
    } catch {
      // Each job reports its own failure with its input's name; warming up is only a head start.
    }
  }
}

/**
 * Fails a job with no retry left: a bad input stays bad, so retrying only costs CPU. pg-boss
 * retries while retry_count < retry_limit; lowering the limit of this one active job first
 * makes its fail() final.
 */
async function failForGood(boss: PgBoss, jobId: string, message: string): Promise<void> {
  await boss
    .getDb()
    .executeSql(
      `UPDATE ${BOSS_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`,
      [ARTICLE_QUEUE, jobId],
    );
  await boss.fail(ARTICLE_QUEUE, jobId, { message });
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    // Aborted: the loop sees the signal and stops.
  }
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0];
}
