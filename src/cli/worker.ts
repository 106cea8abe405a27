import type { Command } from 'commander';
import { openBoss } from '../queue/boss.js';
import { databaseUrlOrThrow } from '../queue/database-url.js';
import { maskUrl } from '../store/postgres.js';
import { runWorker, warmUpWorker, type WorkerResult } from '../queue/worker.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { CliError, type Io } from './io.js';
import { parseCount, toStageContext } from './options.js';

interface WorkerFlags {
  /** The global `--database-url`. */
  databaseUrl?: string;
  concurrency?: string;
  once?: boolean;
  actors?: string;
  dictionaries?: string;
  poll?: string;
  json?: boolean;
  verbose?: boolean;
}

/**
 * Registers `faultline worker`: takes queued articles, runs the pipeline and saves each
 * document into the store on the same database. Stops cleanly on SIGINT/SIGTERM.
 *
 * @example registerWorker(program, io, status)
 */
export function registerWorker(program: Command, io: Io, status: { exitCode: number }): void {
  program
    .command('worker')
    .description('process queued articles into the database (run one per core)')
    // The queue's database comes from the global --database-url: show it in this help.
    .configureHelp({ showGlobalOptions: true })
    .option('--concurrency <n>', 'jobs in flight at once in this process', '1')
    .option('--once', 'drain the queue, then exit (batch runs)')
    .option('--actors <dir>', 'extra actor definitions (YAML folder)')
    .option('--dictionaries <dir>', 'code events with PETRARCH/TABARI dictionaries')
    .option('--poll <seconds>', 'seconds between looks at an empty queue', '1')
    .option('--json', 'one json line per job, then a summary line')
    .option('-v, --verbose', 'one line per job')
    .action(async (flags: WorkerFlags, cmd: Command) => {
      const url = databaseUrlOrThrow(cmd.optsWithGlobals<WorkerFlags>().databaseUrl, io.env);
      const concurrency = parseCount('--concurrency', flags.concurrency, 1);
      const poll = Number(flags.poll ?? '1');
      if (!Number.isFinite(poll) || poll < 0.1) {
        throw new CliError(`--poll must be a number of seconds, at least 0.1 (got "${flags.poll}")`);
      }
      const ctx = toStageContext(flags, io);
      const line = (s: string) => io.stdout.write(`${s}\n`);
      const warn = (s: string) => io.stderr.write(`faultline: ${s}\n`);
      const store = await openStoreOrThrow(url);
      const boss = await openBoss(url, {
        supervise: true,
        poolSize: concurrency + 2,
        onError: warn,
      }).catch(async (err) => {
        await store.close();
        throw err;
      });
      const controller = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        warn(`${signal.toLowerCase()}: finishing the jobs in hand, then stopping (send again to force)`);
        controller.abort();
      };
      // once(): a second signal finds no handler and ends the process the default way.
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      // Load the pipeline's data now, not in the first job: the worker is ready when it says so.
      warmUpWorker(ctx);
      if (!flags.once) warn(`worker waiting for jobs (concurrency ${concurrency}); ctrl-c to stop`);
      try {
        const totals = await runWorker({
          boss,
          store,
          ctx,
          concurrency,
          once: flags.once,
          signal: controller.signal,
          pollMs: poll * 1000,
          onError: warn,
          onResult(result) {
            if (flags.json) line(JSON.stringify(result));
            else if (result.status !== 'stored') warn(result.message);
            else if (flags.verbose) line(describe(result));
          },
        });
        const summary = `${totals.inserted} stored, ${totals.duplicates} duplicates, ${totals.failed} failed, ${totals.retried} to retry`;
        if (flags.json) line(JSON.stringify({ summary: totals }));
        else line(summary);
        if (totals.failed) status.exitCode = 1;
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        await boss.stop({ graceful: true, wait: true, timeout: 5000 });
        await store.close();
      }
    });
}

async function openStoreOrThrow(url: string): Promise<Store> {
  try {
    return await openStore(url);
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0];
    throw new CliError(
      msg.startsWith('cannot open') ? msg : `cannot open database ${maskUrl(url)}: ${msg.toLowerCase()}`,
    );
  }
}

function describe(result: Extract<WorkerResult, { status: 'stored' }>): string {
  return result.saved
    .map(
      (s) =>
        `${s.status === 'inserted' ? '+' : '='} ${s.id} ${result.input}${s.status === 'duplicate' ? ' (duplicate, already stored)' : ''}`,
    )
    .join('\n');
}
