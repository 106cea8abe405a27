import type { Command } from 'commander';
import { openBoss } from '../queue/boss.js';
import { databaseUrlOrThrow } from '../queue/database-url.js';
import { jobCounts, jobFailures, JOB_STATES } from '../queue/job-report.js';
import type { Io } from './io.js';
import { parseCount } from './options.js';

interface JobsFlags {
  /** The global `--database-url`. */
  databaseUrl?: string;
  failed?: boolean;
  limit?: string;
  json?: boolean;
}

/**
 * Registers `faultline jobs`: queue jobs by state, and the failed ones with their reasons.
 *
 * @example registerJobs(program, io)
 */
export function registerJobs(program: Command, io: Io): void {
  program
    .command('jobs')
    .description('show queued article jobs by state, and why failed ones failed')
    // The queue's database comes from the global --database-url: show it in this help.
    .configureHelp({ showGlobalOptions: true })
    .option('--failed', 'list only the failed jobs, one a line')
    .option('--limit <n>', 'most failed jobs to list', '20')
    .option('--json', 'json lines: the counts, then one line per failed job')
    .action(async (flags: JobsFlags, cmd: Command) => {
      const url = databaseUrlOrThrow(cmd.optsWithGlobals<JobsFlags>().databaseUrl, io.env);
      const limit = parseCount('--limit', flags.limit, 20);
      const line = (s: string) => io.stdout.write(`${s}\n`);
      const boss = await openBoss(url, { onError: (m) => io.stderr.write(`faultline: ${m}\n`) });
      try {
        const failures = await jobFailures(boss, limit);
        if (flags.json) {
          if (!flags.failed) line(JSON.stringify(await jobCounts(boss)));
          for (const f of failures) line(JSON.stringify(f));
          return;
        }
        if (!flags.failed) {
          const { states, archived } = await jobCounts(boss);
          const width = Math.max(...JOB_STATES.map((s) => s.length), 'archived'.length);
          for (const state of JOB_STATES) line(`${state.padEnd(width)}  ${states[state]}`);
          line(`${'archived'.padEnd(width)}  ${archived}`);
          if (failures.length) line('\nfailed jobs:');
        }
        for (const f of failures) line(`${flags.failed ? '' : '  '}${f.id.slice(0, 8)} ${f.message}`);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    });
}
