import type { Command } from 'commander';
import { dyadSeries, explainPoint, type SeriesPoint } from '../analysis/series.js';
import { INTERVALS, type Interval } from '../analysis/periods.js';
import { maybeActorId, partialDateOrThrow } from './event-filter.js';
import { CliError, type Io } from './io.js';
import { withDbOption } from './options.js';
import { withStore } from './with-store.js';

/** Flags shared by the series, alerts and report commands. */
export interface SeriesFlags {
  interval?: string;
  from?: string;
  to?: string;
  allReports?: boolean;
  json?: boolean;
  db?: string;
}

/**
 * `--interval`: day, week or month.
 *
 * @example intervalOrThrow('Month') // 'month'
 */
export function intervalOrThrow(value: string | undefined, fallback: Interval): Interval {
  if (value === undefined) return fallback;
  const v = value.trim().toLowerCase();
  if (!(INTERVALS as readonly string[]).includes(v)) {
    throw new CliError(`--interval must be day, week or month (got "${value}")`);
  }
  return v as Interval;
}

/**
 * `--from` and `--to` checked as partial dates and in order.
 *
 * @example rangeOrThrow({ from: '2024', to: '2024-06' }) // { from: '2024', to: '2024-06' }
 */
export function rangeOrThrow(flags: { from?: string; to?: string }): { from?: string; to?: string } {
  const from = flags.from === undefined ? undefined : partialDateOrThrow('--from', flags.from);
  const to = flags.to === undefined ? undefined : partialDateOrThrow('--to', flags.to);
  if (from && to && from > `${to}~`) throw new CliError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

/**
 * Registers `faultline series A B [--interval] [--from --to] [--explain PERIOD] [--json]`.
 *
 * @example registerSeries(program, io)
 */
export function registerSeries(program: Command, io: Io): void {
  withDbOption(
    program
      .command('series')
      .description('events and tension between two actors per day, week or month')
      .argument('<a>', 'an actor, e.g. IRN')
      .argument('<b>', 'the other actor, e.g. AZE')
      .option('--interval <i>', 'day, week (ISO, named by its monday) or month', 'month')
      .option('--from <date>', 'on or after YYYY[-MM[-DD]]')
      .option('--to <date>', 'on or before YYYY[-MM[-DD]]')
      .option('--explain <period>', 'list every event behind one point and its contribution')
      .option('--all-reports', 'count every report, not each happening once')
      .option('--json', 'print the series as json'),
  ).action(async (rawA: string, rawB: string, flags: SeriesFlags & { explain?: string }) => {
    const a = maybeActorId(rawA);
    const b = maybeActorId(rawB);
    if (a === b) throw new CliError(`series needs two different actors (got "${rawA}" and "${rawB}")`);
    const interval = intervalOrThrow(flags.interval, 'month');
    const range = rangeOrThrow(flags);
    const grouped = !flags.allReports;
    await withStore(flags.db, io, async (store) => {
      if (flags.explain !== undefined) {
        const x = await explainPoint(store, a, b, flags.explain, interval, { grouped }).catch(
          (err: Error) => {
            throw new CliError(`--explain ${err.message}`);
          },
        );
        if (flags.json) {
          io.stdout.write(`${JSON.stringify(x)}\n`);
          return;
        }
        io.stdout.write(
          `${a}–${b} ${interval} ${x.point.period}: tension ${x.point.tension.toFixed(3)} on ${x.point.asOf}, ${x.contributions.length} events in the window\n`,
        );
        for (const c of x.contributions) {
          const quote = c.quote.replace(/\s+/g, ' ');
          io.stdout.write(
            `  ${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(3)}  ${c.eventId.padEnd(20)}  ${c.date}  ${c.source} → ${c.target}  ${c.code}  g ${c.goldstein}  w ${c.weight.toFixed(3)}  ${c.modality}  "${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}"\n`,
          );
        }
        io.stdout.write(`  ${x.formula}\n`);
        return;
      }
      const s = await dyadSeries(store, a, b, { interval, ...range, grouped });
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(s)}\n`);
        return;
      }
      if (!s.points.length) {
        io.stdout.write(`no dated events between ${a} and ${b}\n`);
        return;
      }
      io.stdout.write(`${seriesHeader(a, b)}\n`);
      for (const p of s.points) io.stdout.write(`${seriesLine(p)}\n`);
      io.stdout.write(
        `${s.points.reduce((n, p) => n + p.events, 0)} events in ${s.points.length} ${interval}s; ${s.formula}\n`,
      );
    });
  });
}

const COLUMNS = [10, 6, 5, 5, 5, 5, 6, 6, 8, 6, 7];

function row(cells: string[]): string {
  return cells.map((c, i) => (i ? c.padStart(COLUMNS[i]!) : c.padEnd(COLUMNS[i]!))).join('  ');
}

/** The table header: quad columns vc mc vk mk (verbal/material cooperation/conflict). */
export function seriesHeader(a: string, b: string): string {
  return row([
    'period',
    'events',
    'vcoop',
    'mcoop',
    'vconf',
    'mconf',
    `${a}→`,
    `${b}→`,
    'goldst',
    'mean',
    'tension',
  ]);
}

/**
 * One row of the series table.
 *
 * @example seriesLine(point) // '2024-03       4      1      0      2      1 …'
 */
export function seriesLine(p: SeriesPoint): string {
  return row([
    p.period,
    String(p.events),
    String(p.quad['1']),
    String(p.quad['2']),
    String(p.quad['3']),
    String(p.quad['4']),
    String(p.directions.ab.events),
    String(p.directions.ba.events),
    p.goldstein.toFixed(1),
    p.goldsteinMean.toFixed(2),
    p.tension.toFixed(3),
  ]);
}
