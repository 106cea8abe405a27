import type { Command } from 'commander';
import { DEFAULT_QUEUE_SETTINGS, openBoss } from '../queue/boss.js';
import { databaseUrlOrThrow } from '../queue/database-url.js';
import { enqueueInputs } from '../queue/enqueue.js';
import { CliError, type Io } from './io.js';
import { parseCount, toIngestOptions, toStageContext } from './options.js';

interface EnqueueFlags {
  /** The global `--database-url`. */
  databaseUrl?: string;
  encoding?: string;
  published?: string;
  maxBytes?: string;
  timeout?: string;
  expireIn?: string;
  retryLimit?: string;
  json?: boolean;
  verbose?: boolean;
}

/**
 * Registers `faultline enqueue INPUT...`: one queue job per document, for `faultline worker`.
 *
 * @example registerEnqueue(program, io, status)
 */
export function registerEnqueue(program: Command, io: Io, status: { exitCode: number }): void {
  program
    .command('enqueue')
    .description('queue articles (files, folders, globs, feeds, urls, - for stdin) for workers')
    // The queue's database comes from the global --database-url: show it in this help.
    .configureHelp({ showGlobalOptions: true })
    .argument('<input...>', 'files, folders, globs, http(s) urls or - for stdin')
    .option('--encoding <name>', 'text encoding of the inputs (default: detected)')
    .option('--published <YYYY-MM-DD>', 'reference date for inputs that state none')
    .option('--max-bytes <size>', 'largest input accepted, e.g. 50MB, 200k', '50MB')
    .option('--timeout <seconds>', 'http(s) inputs: seconds to wait for a response', '15')
    .option('--expire-in <seconds>', 'seconds before a job whose worker died is retried', '300')
    .option('--retry-limit <n>', 'retries of a job that failed for reasons other than its input', '3')
    .option('--json', 'one json line per document, then a summary line')
    .option('-v, --verbose', 'one line per queued document')
    .action(async (inputs: string[], flags: EnqueueFlags, cmd: Command) => {
      const url = databaseUrlOrThrow(cmd.optsWithGlobals<EnqueueFlags>().databaseUrl, io.env);
      const opts = toIngestOptions(flags, io);
      const { published } = toStageContext({ published: flags.published }, io);
      const settings = {
        expireInSeconds: parseCount('--expire-in', flags.expireIn, DEFAULT_QUEUE_SETTINGS.expireInSeconds),
        retryLimit: parseRetries(flags.retryLimit),
      };
      const line = (s: string) => io.stdout.write(`${s}\n`);
      const boss = await openBoss(url, { settings, onError: (m) => io.stderr.write(`faultline: ${m}\n`) });
      try {
        const totals = await enqueueInputs(
          boss,
          inputs,
          opts,
          { published },
          {
            settings,
            onItem(item) {
              if (flags.json) line(JSON.stringify(item));
              if (item.status === 'failed') io.stderr.write(`faultline: ${item.message}\n`);
              else if (flags.verbose && !flags.json)
                line(
                  `${item.status === 'enqueued' ? '+' : '='} ${item.jobId} ${item.input}${item.status === 'enqueued' ? '' : ' (already queued)'}`,
                );
            },
          },
        );
        if (flags.json) line(JSON.stringify({ summary: totals }));
        else
          line(
            `${totals.enqueued} enqueued, ${totals.alreadyQueued} already queued, ${totals.failed} failed`,
          );
        if (totals.failed) status.exitCode = 1;
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    });
}

function parseRetries(value: string | undefined): number {
  if (value === undefined) return DEFAULT_QUEUE_SETTINGS.retryLimit;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`--retry-limit must be a whole number, 0 or more (got "${value}")`);
  return n;
}
