import type PgBoss from 'pg-boss';
import { expandInputs, type IngestOptions } from '../ingest/index.js';
import { jobIdFromKey, jobKey, type JobReadOptions } from './article-job.js';
import { ARTICLE_QUEUE, DEFAULT_QUEUE_SETTINGS, type QueueSettings } from './boss.js';
import { sourceJobs } from './source-jobs.js';

/** What became of one document offered to the queue. */
export type EnqueueItem =
  | { input: string; status: 'enqueued' | 'already-queued'; jobId: string; key: string }
  | { input: string; status: 'failed'; message: string };

export interface EnqueueTotals {
  enqueued: number;
  alreadyQueued: number;
  failed: number;
}

export interface EnqueueOptions {
  /** How the queued jobs expire and retry (defaults: {@link DEFAULT_QUEUE_SETTINGS}). */
  settings?: Partial<QueueSettings>;
  /** Called once per document (and per unreadable input), in input order. */
  onItem?(item: EnqueueItem): void | Promise<void>;
}

/**
 * Expands inputs as `faultline ingest` does (files, folders, globs, URLs, `-`) and puts one job
 * per document on the article queue. The job id is derived from the document's content, so a
 * document already waiting (or done, until archived) is not queued again.
 *
 * @example await enqueueInputs(boss, ['examples/'], ingestOptions(), { published: '2024-05-01' })
 */
export async function enqueueInputs(
  boss: PgBoss,
  inputs: readonly string[],
  opts: IngestOptions,
  read: JobReadOptions,
  options: EnqueueOptions = {},
): Promise<EnqueueTotals> {
  const settings = { ...DEFAULT_QUEUE_SETTINGS, ...options.settings };
  const totals: EnqueueTotals = { enqueued: 0, alreadyQueued: 0, failed: 0 };
  const sources = await expandInputs(inputs, opts.cwd ?? process.cwd());
  for (const source of sources) {
    const { jobs, failures } = await sourceJobs(source, opts, read);
    for (const failure of failures) {
      totals.failed++;
      await options.onItem?.({ ...failure, status: 'failed' });
    }
    for (const job of jobs) {
      const key = jobKey(job);
      const id = jobIdFromKey(key);
      // send() inserts with ON CONFLICT DO NOTHING and answers null when the id was taken.
      const sent = await boss.send(ARTICLE_QUEUE, job, { id, singletonKey: key, ...settings });
      if (sent) totals.enqueued++;
      else totals.alreadyQueued++;
      await options.onItem?.({
        input: job.input,
        status: sent ? 'enqueued' : 'already-queued',
        jobId: id,
        key,
      });
    }
  }
  return totals;
}
