import type { Command } from 'commander';
import { alerts } from '../analysis/alerts.js';
import { dyadOrThrow } from './event-filter.js';
import type { Io } from './io.js';
import { withDbOption } from './options.js';
import { intervalOrThrow, rangeOrThrow, type SeriesFlags } from './series.js';
import { withStore } from './with-store.js';
import { alertParams } from '../analysis/analysis-params.js';

/**
 * Registers `faultline alerts [--dyad IRN-AZE] [--interval] [--from --to] [--json]`.
 *
 * @example registerAlerts(program, io)
 */
export function registerAlerts(program: Command, io: Io): void {
  withDbOption(
    program
      .command('alerts')
      .description("periods where a dyad's tension left its trailing baseline (escalation, de-escalation)")
      .option('--dyad <a-b>', 'one dyad, e.g. IRN-AZE (default: every dyad)')
      .option('--interval <i>', 'day, week or month (default: ontology/analysis/alerts.yaml)')
      .option('--from <date>', 'periods on or after YYYY[-MM[-DD]] (default: 90 days before the last event)')
      .option('--to <date>', 'periods on or before YYYY[-MM[-DD]]')
      .option('--all-reports', 'count every report, not each happening once')
      .option('--json', 'one json line per alert'),
  ).action(async (flags: SeriesFlags & { dyad?: string }) => {
    const dyad = flags.dyad === undefined ? undefined : dyadOrThrow(flags.dyad);
    const interval = intervalOrThrow(flags.interval, alertParams().interval);
    const range = rangeOrThrow(flags);
    const found = await withStore(flags.db, io, (store) =>
      alerts(store, { dyad, interval, ...range, grouped: !flags.allReports }),
    );
    if (flags.json) {
      for (const al of found) io.stdout.write(`${JSON.stringify(al)}\n`);
      return;
    }
    if (!found.length) {
      io.stdout.write('no alerts\n');
      return;
    }
    for (const al of found) {
      io.stdout.write(`${al.period}  ${al.kind.padEnd(13)}  ${al.a}-${al.b}  score ${al.score.toFixed(1)}\n`);
      io.stdout.write(`  ${al.reason}\n  evidence: ${al.eventIds.join(', ') || 'none'}\n`);
    }
    io.stdout.write(`${found.length} alert${found.length === 1 ? '' : 's'}\n`);
  });
}
