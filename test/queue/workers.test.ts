import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';
import { jobLines, spawnWorker, sqlCount, writeCorpus } from './queue-harness.js';

const DOCS = 10;
let dir: string;

if (!testPgUrl()) console.warn(PG_SKIP_NOTE);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-queue-'));
  writeCorpus(join(dir, 'corpus'), DOCS);
  // The same document under a second name: one job, not two.
  copyFileSync(join(dir, 'corpus', 'doc-000.txt'), join(dir, 'corpus', 'doc-000-copy.txt'));
  // Bad input: queued like any other, its job fails with the reason.
  writeFileSync(join(dir, 'corpus', 'bad.txt'), '');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!testPgUrl())('distributed ingest on pg-boss', () => {
  it('two workers store every document exactly once and fail the bad input with its reason', async () => {
    const url = (await freshPgDatabase())!;
    const cli = (args: string[]) => runCli([...args, '--database-url', url], { cwd: dir });

    const enqueued = await cli(['enqueue', 'corpus']);
    expect(enqueued.stderr).toBe('');
    expect(enqueued.code).toBe(0);
    expect(enqueued.stdout.trim()).toBe(`${DOCS + 1} enqueued, 1 already queued, 0 failed`);

    const workers = [spawnWorker(url, ['--once']), spawnWorker(url, ['--once', '--concurrency', '2'])];
    const runs = await Promise.all(workers.map((w) => w.exited));
    for (const run of runs) expect(run.stderr, run.stderr).not.toMatch(/worker:|queue:/);

    const results = runs.map((r) => jobLines(r.stdout).filter((l) => !('summary' in l)));
    const ids = results.flat().map((r) => r.jobId as string);
    // No job was handed to both workers, and every job was handled.
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(DOCS + 1);

    const stored = results.flat().filter((r) => r.status === 'stored');
    expect(stored.length).toBe(DOCS);
    const saved = stored.flatMap((r) => r.saved as { status: string }[]);
    expect(saved.filter((s) => s.status === 'inserted').length).toBe(DOCS);

    const failed = results.flat().filter((r) => r.status === 'failed');
    expect(failed.map((f) => f.message)).toEqual([
      'cannot read corpus/bad.txt: empty file; pass a file with article text',
    ]);
    // A worker that met a failed job says so in its exit code.
    expect(runs.map((r) => r.code).sort()).toContain(1);

    expect(await sqlCount(url, 'SELECT count(*) FROM documents')).toBe(DOCS);
    expect(await sqlCount(url, 'SELECT count(DISTINCT content_hash) FROM documents')).toBe(DOCS);
    // Bad input is not retried: one attempt, then failed for good.
    expect(await sqlCount(url, `SELECT max(retry_count) FROM pgboss.job WHERE state = 'failed'`)).toBe(0);

    const jobs = await cli(['jobs']);
    expect(jobs.code).toBe(0);
    expect(jobs.stdout).toMatch(/^created\s+0$/m);
    expect(jobs.stdout).toMatch(/^active\s+0$/m);
    expect(jobs.stdout).toMatch(new RegExp(`^completed\\s+${DOCS}$`, 'm'));
    expect(jobs.stdout).toMatch(/^failed\s+1$/m);
    expect(jobs.stdout).toMatch(
      /^ {2}[0-9a-f]{8} cannot read corpus\/bad\.txt: empty file; pass a file with article text$/m,
    );

    const failedOnly = await cli(['jobs', '--failed', '--json']);
    const lines = jobLines(failedOnly.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ input: 'corpus/bad.txt', attempts: 1 });

    // Enqueued again after the run: every document is already a job.
    const again = await cli(['enqueue', 'corpus']);
    expect(again.stdout.trim()).toBe(`0 enqueued, ${DOCS + 2} already queued, 0 failed`);
  }, 240_000);
});

describe('queue commands without postgresql', () => {
  it('say what is missing when no postgresql url is given', async () => {
    for (const command of [['enqueue', 'corpus'], ['worker', '--once'], ['jobs']]) {
      const run = await runCli(command, { cwd: dir, env: {} });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'faultline: the queue needs a postgresql database: pass --database-url postgres://… or set DATABASE_URL\n',
      );
    }
    const sqlite = await runCli(['jobs'], { cwd: dir, env: { DATABASE_URL: 'faultline.db' } });
    expect(sqlite.stderr).toMatch(/^faultline: the queue needs a postgresql database, not faultline\.db: /);
  });
});
