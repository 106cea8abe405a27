import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { brief } from '../analysis/report.js';
import { dyadOrThrow } from './event-filter.js';
import { CliError, type Io } from './io.js';
import { withDbOption } from './options.js';
import { intervalOrThrow, rangeOrThrow, type SeriesFlags } from './series.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline report --dyad IRN-AZE --from D --to D [--format html|md] [--out FILE]`.
 *
 * @example registerReport(program, io)
 */
export function registerReport(program: Command, io: Io): void {
  withDbOption(
    program
      .command('report')
      .description('a standalone brief on one dyad: charts, numbers, alerts and cited key events')
      .requiredOption('--dyad <a-b>', 'the dyad, e.g. IRN-AZE')
      .requiredOption('--from <date>', 'first day YYYY[-MM[-DD]]')
      .requiredOption('--to <date>', 'last day YYYY[-MM[-DD]]')
      .option('--format <f>', 'html or md (default: from --out, else html)')
      .option('--interval <i>', 'day, week or month (default: week up to 120 days, else month)')
      .option('--out <file>', 'write the brief here instead of standard output')
      .option('--all-reports', 'count every report, not each happening once'),
  ).action(async (flags: SeriesFlags & { dyad: string; format?: string; out?: string }) => {
    const [a, b] = dyadOrThrow(flags.dyad);
    const { from, to } = rangeOrThrow(flags);
    const format = (flags.format ?? (flags.out && /\.md$/i.test(flags.out) ? 'md' : 'html'))
      .trim()
      .toLowerCase();
    if (format !== 'html' && format !== 'md')
      throw new CliError(`--format must be html or md (got "${flags.format}")`);
    const interval = flags.interval === undefined ? undefined : intervalOrThrow(flags.interval, 'month');
    const text = await withStore(flags.db, io, (store) =>
      brief(store, { a, b, from: from!, to: to!, format, interval, grouped: !flags.allReports }),
    );
    if (!flags.out) {
      io.stdout.write(text);
      return;
    }
    const path = resolve(io.cwd, flags.out);
    try {
      writeFileSync(path, text);
    } catch (err) {
      throw new CliError(
        `cannot write ${flags.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; pass --out with a writable path`,
      );
    }
    io.stdout.write(`wrote ${flags.out} (${format}, ${Buffer.byteLength(text)} bytes)\n`);
  });
}
