import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';
import { jobLines, sleep, spawnWorker, sqlCount, writeCorpus } from './queue-harness.js';

const DOCS = 60;
let dir: string;

if (!testPgUrl()) console.warn(PG_SKIP_NOTE);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-queue-kill-'));
  // Long-ish articles so a run lasts long enough to be interrupted in the middle.
  writeCorpus(join(dir, 'corpus'), DOCS, 30);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Waits until `test` holds, polling; fails after `ms`. */
async function until(test: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const STORED = 'SELECT count(*) FROM documents';
const ACTIVE = `SELECT count(*) FROM pgboss.job WHERE state = 'active'`;

describe.skipIf(!testPgUrl())('workers that die or are stopped', () => {
  it('retries the jobs of a worker killed with -9, and stores every document exactly once', async () => {
    const url = (await freshPgDatabase())!;
    // Short expiry: a dead worker's job comes back after 2 s instead of 5 minutes.
    const enqueued = await runCli(['enqueue', 'corpus', '--expire-in', '2', '--database-url', url], {
      cwd: dir,
    });
    expect(enqueued.stdout.trim()).toBe(`${DOCS} enqueued, 0 already queued, 0 failed`);

    const doomed = spawnWorker(url, ['--concurrency', '2']);
    await until(
      async () => (await sqlCount(url, STORED)) >= 10 && (await sqlCount(url, ACTIVE)) >= 1,
      120_000,
      'the first worker to be mid-run',
    );
    doomed.child.kill('SIGKILL');
    const killed = await doomed.exited;
    expect(killed.signal).toBe('SIGKILL');
    const storedAtKill = await sqlCount(url, STORED);
    expect(storedAtKill).toBeLessThan(DOCS);
    // The dead worker's jobs are still marked active: nobody completed or failed them.
    expect(await sqlCount(url, ACTIVE)).toBeGreaterThanOrEqual(1);

    const rescue = spawnWorker(url, ['--once']);
    const run = await rescue.exited;
    expect(run.code, run.stderr).toBe(0);
    expect(jobLines(run.stdout).at(-1)).toMatchObject({ summary: { failed: 0 } });

    expect(await sqlCount(url, STORED)).toBe(DOCS);
    expect(await sqlCount(url, 'SELECT count(DISTINCT content_hash) FROM documents')).toBe(DOCS);
    expect(await sqlCount(url, `SELECT count(*) FROM pgboss.job WHERE state = 'completed'`)).toBe(DOCS);
    expect(await sqlCount(url, `SELECT count(*) FROM pgboss.job WHERE state <> 'completed'`)).toBe(0);
    // The orphaned jobs expired and ran again.
    expect(
      await sqlCount(url, 'SELECT count(*) FROM pgboss.job WHERE retry_count > 0'),
    ).toBeGreaterThanOrEqual(1);
  }, 300_000);

  it('finishes the jobs in hand on SIGTERM and leaves none active', async () => {
    const url = (await freshPgDatabase())!;
    await runCli(['enqueue', 'corpus', '--database-url', url], { cwd: dir });
    const worker = spawnWorker(url, ['--concurrency', '2']);
    await until(async () => (await sqlCount(url, STORED)) >= 5, 120_000, 'the worker to store documents');
    worker.child.kill('SIGTERM');
    const run = await worker.exited;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/sigterm: finishing the jobs in hand, then stopping/);
    expect(jobLines(run.stdout).at(-1)).toHaveProperty('summary');
    expect(await sqlCount(url, ACTIVE)).toBe(0);
    // Every stored document's job is completed, and no completed job lacks its document.
    const completed = await sqlCount(url, `SELECT count(*) FROM pgboss.job WHERE state = 'completed'`);
    expect(await sqlCount(url, STORED)).toBe(completed);
    expect(await sqlCount(url, `SELECT count(*) FROM pgboss.job WHERE state IN ('failed', 'retry')`)).toBe(0);
  }, 300_000);
});
