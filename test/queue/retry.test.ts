import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestOptions } from '../../src/ingest/index.js';
import { openBoss } from '../../src/queue/boss.js';
import { enqueueInputs } from '../../src/queue/enqueue.js';
import { jobFailures } from '../../src/queue/job-report.js';
import { runWorker, type WorkerResult } from '../../src/queue/worker.js';
import type { Store } from '../../src/store/store.js';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';
import { writeCorpus } from './queue-harness.js';

let dir: string;
if (!testPgUrl()) console.warn(PG_SKIP_NOTE);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-queue-retry-'));
  writeCorpus(join(dir, 'corpus'), 1, 4);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in store whose saves fail the first `failures` times (a database hiccup). */
function flakyStore(failures: number): Store & { saves: number } {
  const store = {
    saves: 0,
    async saveDocument() {
      store.saves++;
      if (store.saves <= failures) throw new Error('connection terminated unexpectedly');
      return { id: 'abc', status: 'inserted' as const, nearDuplicateOf: null, similarity: null };
    },
    async logFailure() {},
  };
  return store as unknown as Store & { saves: number };
}

describe.skipIf(!testPgUrl())('a worker whose store fails', () => {
  it.each([
    { failures: 1, outcome: ['retry', 'stored'] },
    { failures: 5, outcome: ['retry', 'failed'] },
  ])(
    'retries the job up to its limit ($failures failing saves)',
    async ({ failures, outcome }) => {
      const url = (await freshPgDatabase())!;
      const boss = await openBoss(url);
      try {
        const settings = { retryLimit: 1, retryDelay: 0, retryBackoff: false };
        await enqueueInputs(boss, ['corpus'], ingestOptions({ cwd: dir }), {}, { settings });
        const store = flakyStore(failures);
        const results: WorkerResult[] = [];
        await runWorker({ boss, store, once: true, pollMs: 100, onResult: (r) => results.push(r) });
        expect(results.map((r) => r.status)).toEqual(outcome);
        expect(results[0]).toMatchObject({
          message: 'cannot save corpus/doc-000.txt: connection terminated unexpectedly',
        });
        const failed = await jobFailures(boss);
        expect(failed.map((f) => f.attempts)).toEqual(outcome.at(-1) === 'failed' ? [2] : []);
      } finally {
        await boss.stop({ graceful: false });
      }
    },
    120_000,
  );
});
