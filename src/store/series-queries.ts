import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { dyadKey } from './claim-links.js';
import type { Database } from './schema.js';

/** The length of a series period. */
export type SeriesInterval = 'day' | 'week' | 'month';

/** Events between two actors (either direction) in a date range; bounds are partial dates. */
export interface DyadRange {
  a: string;
  b: string;
  from?: string;
  to?: string;
  /** Count one happening once: only each event group's representative (when groups exist). */
  grouped?: boolean;
}

/** One row of {@link periodCounts}: a period's events in one direction and quad class. */
export interface PeriodCountRow {
  period: string;
  source: string;
  quad: 1 | 2 | 3 | 4;
  events: number;
  /** Goldstein sum. */
  goldstein: number;
}

/** One row of {@link dayTotals}: an ordered pair's events counting on one day (see {@link EVENT_DAY}), of one modality. */
export interface DayTotalRow {
  source: string;
  target: string;
  day: string;
  modality: string;
  events: number;
  goldstein: number;
}

/** The aggregate queries behind series, tension, alerts and briefs; see series-queries.ts. */
export interface SeriesQueries {
  /** Per period, direction and quad class (SQL GROUP BY period). */
  periodCounts(q: DyadRange & { interval: SeriesInterval }): Promise<PeriodCountRow[]>;
  /**
   * Per ordered pair, day ({@link EVENT_DAY}) and modality; every pair when `dyad` is absent. Rows
   * may fall a few days outside [from, to] (a month-dated event counts on the 15th): callers window by day.
   */
  dayTotals(q: {
    dyad?: readonly [string, string];
    from?: string;
    to?: string;
    grouped?: boolean;
  }): Promise<DayTotalRow[]>;
  /** Up to `perPeriod` event ids per period, strongest |Goldstein| first. */
  periodEventIds(
    q: DyadRange & { interval: SeriesInterval; perPeriod: number },
  ): Promise<{ period: string; id: string }[]>;
  /** First and last {@link EVENT_DAY} of dated events (of a dyad, or of all), null when none. */
  dayRange(q?: { dyad?: readonly [string, string] }): Promise<{ first: string; last: string } | null>;
}

type Eb = ExpressionBuilder<Database, 'events'>;

/**
 * The day an event counts on in the tension index: its date, or the 15th (the middle) for an
 * event dated to a month only. Year-only and undated events have none and never enter it.
 */
export const EVENT_DAY = sql<string>`case when length(events.date) = 7 then events.date || '-15' else substr(events.date, 1, 10) end`;

/** A partial date cut to its month (`2024-03-09` → `2024-03`), so month-dated events pass a `>=` bound. */
function monthOf(date: string | undefined): string | undefined {
  return date && date.length > 7 ? date.slice(0, 7) : date;
}

/** {@link EVENT_DAY} in JavaScript, for a `YYYY-MM` or `YYYY-MM-DD` date. */
function dayOfDate(date: string): string {
  return date.length === 7 ? `${date}-15` : date.slice(0, 10);
}

/**
 * The SQL naming the period an event's date falls in, per engine. Days and months are plain
 * prefixes everywhere; the ISO week (named by its Monday) needs the engine's date functions.
 * `weekday 0` moves a date to the next Sunday (or keeps a Sunday), six days back is its Monday.
 *
 * @example periodExpression('sqlite', 'week') // date(substr(events.date, 1, 10), 'weekday 0', '-6 days')
 */
function periodExpression(dialect: 'sqlite' | 'postgres', interval: SeriesInterval): RawBuilder<string> {
  if (interval === 'month') return sql<string>`substr(events.date, 1, 7)`;
  if (interval === 'day') return sql<string>`substr(events.date, 1, 10)`;
  return dialect === 'postgres'
    ? sql<string>`to_char(date_trunc('week', cast(substr(events.date, 1, 10) as date)), 'YYYY-MM-DD')`
    : sql<string>`date(substr(events.date, 1, 10), 'weekday 0', '-6 days')`;
}

/**
 * The aggregate queries for one database, written once in Kysely; only {@link periodExpression}
 * knows the engine. Dates compare as strings as in event-queries.ts (`to` padded with `~`).
 *
 * @example await seriesQueries(db, 'sqlite').periodCounts({ a: 'IRN', b: 'AZE', interval: 'month' })
 */
export function seriesQueries(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): SeriesQueries {
  return {
    async periodCounts(q) {
      const period = periodExpression(dialect, q.interval);
      const rows = await eventsFrom(db, q.grouped, [q.a, q.b])
        .select((eb) => [
          period.as('period'),
          'events.source',
          'events.quad_class',
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.sum<number | string>('events.goldstein').as('g'),
        ])
        .where((eb) => eb.and(periodConditions(eb, q)))
        .groupBy([period, 'events.source', 'events.quad_class'])
        .orderBy('period')
        .execute();
      return rows.map((r) => ({
        period: r.period,
        source: r.source,
        quad: Number(r.quad_class) as PeriodCountRow['quad'],
        events: Number(r.n),
        goldstein: Number(r.g),
      }));
    },

    async dayTotals(q) {
      const rows = await eventsFrom(db, q.grouped, q.dyad)
        .select((eb) => [
          'events.source',
          'events.target',
          EVENT_DAY.as('day'),
          'events.modality',
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.sum<number | string>('events.goldstein').as('g'),
        ])
        .where((eb) => eb.and(rangeConditions(eb, { ...q, from: monthOf(q.from) }, 7)))
        // A domestic event (source = target) is no dyad between two states: never ranked or alerted on.
        .where(sql<SqlBool>`events.source <> events.target`)
        .groupBy(['events.source', 'events.target', EVENT_DAY, 'events.modality'])
        .orderBy('day')
        .execute();
      return rows.map((r) => ({
        source: r.source,
        target: r.target,
        day: r.day,
        modality: r.modality,
        events: Number(r.n),
        goldstein: Number(r.g),
      }));
    },

    async periodEventIds(q) {
      const period = periodExpression(dialect, q.interval);
      const ranked = eventsFrom(db, q.grouped, [q.a, q.b])
        .select([
          period.as('period'),
          'events.id',
          sql<number>`row_number() over (partition by ${period} order by abs(events.goldstein) desc, events.date, events.id)`.as(
            'rn',
          ),
        ])
        .where((eb) => eb.and(periodConditions(eb, q)))
        .as('ranked');
      return db
        .selectFrom(ranked)
        .select(['ranked.period', 'ranked.id'])
        .where('ranked.rn', '<=', q.perPeriod)
        .orderBy('ranked.period')
        .orderBy('ranked.rn')
        .execute();
    },

    async dayRange(q = {}) {
      // Two index walks that stop at the first dated event, not min()/max() over a filtered scan.
      const end = (dir: 'asc' | 'desc') =>
        db
          .selectFrom('events')
          .select('events.date')
          .where((eb) => eb.and(rangeConditions(eb, q, 7)))
          .orderBy('events.date', dir)
          .limit(1)
          .executeTakeFirst();
      const [first, last] = [await end('asc'), await end('desc')];
      return first?.date && last?.date ? { first: dayOfDate(first.date), last: dayOfDate(last.date) } : null;
    },
  };
}

/**
 * The events table, without a group's later reports when `grouped` (group id ≠ own id): each
 * happening then counts once, on its first report. The later reports come from the partial
 * index `event_groups_members` (migration 0006), only the dyad's when one is given: a small list
 * read once, where a per-event probe of `event_groups` would cost a random read per event.
 */
function eventsFrom(
  db: Kysely<Database>,
  grouped: boolean | undefined,
  dyad?: readonly [string, string],
): SelectQueryBuilder<Database, 'events', object> {
  const events = db.selectFrom('events');
  if (!grouped) return events;
  return events.where('events.id', 'not in', (eb) => {
    const later = eb
      .selectFrom('event_groups as g')
      .select('g.event_id')
      .where(sql<SqlBool>`g.group_id <> g.event_id`);
    return dyad ? later.where('g.dyad', '=', dyadKey(dyad[0], dyad[1])) : later;
  });
}

/**
 * A dyad's events that can sit in a period of the interval: at least month-dated for months (the
 * `from` bound cut to its month, so `2024-03` passes `from 2024-03-01`), else day-dated.
 */
function periodConditions(eb: Eb, q: DyadRange & { interval: SeriesInterval }): Expression<SqlBool>[] {
  return q.interval === 'month'
    ? dyadConditions(eb, { ...q, from: monthOf(q.from) }, 7)
    : dyadConditions(eb, q, 10);
}

/** A dyad (both directions), a date range and a least date precision (4, 7 or 10 characters). */
function dyadConditions(eb: Eb, q: DyadRange, precision: number): Expression<SqlBool>[] {
  return rangeConditions(eb, { ...q, dyad: [q.a, q.b] }, precision);
}

function rangeConditions(
  eb: Eb,
  q: { dyad?: readonly [string, string]; from?: string; to?: string },
  precision: number,
): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (q.dyad) {
    const [a, b] = q.dyad;
    out.push(
      eb.or([
        eb.and([eb('events.source', '=', a), eb('events.target', '=', b)]),
        eb.and([eb('events.source', '=', b), eb('events.target', '=', a)]),
      ]),
    );
  }
  // `>= '0'` keeps the date index usable and leaves undated events out.
  out.push(eb('events.date', '>=', q.from ?? '0'));
  if (q.to) out.push(eb('events.date', '<=', `${q.to}~`));
  out.push(eb(eb.fn('length', ['events.date']), '>=', precision));
  return out;
}
