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
import { dyadEitherWay } from './event-queries.js';
import {
  addDays,
  firstDayOf,
  lastDayOf,
  nextPeriod,
  periodEnd,
  periodOf,
  periodStart,
  previousPeriods,
} from '../analysis/periods.js';
import { QUADS, weekMonday, type RollupInterval } from './dyad-days.js';
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

/**
 * One row of {@link dayTotals}: an ordered pair's events counting on one day (see
 * {@link EVENT_DAY}), of one modality. The rows are additive: a day may have two rows of one
 * modality (the events dated that day, and those dated to its month only, on the 15th).
 */
export interface DayTotalRow {
  source: string;
  target: string;
  day: string;
  modality: string;
  events: number;
  goldstein: number;
}

/** One event of {@link SeriesQueries.windowEvents}: what the tension and an alert's evidence read of it. */
export interface WindowEventRow {
  id: string;
  source: string;
  target: string;
  /** `YYYY-MM-DD` or `YYYY-MM` (counting on the 15th). */
  date: string;
  goldstein: number;
  modality: string;
  quadClass: number;
}

/** {@link WindowEventRow} with what a point's explanation shows of it. */
export interface WindowEventDetail extends WindowEventRow {
  code: string;
  quote: string;
  documentId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

/** A dyad (both directions) and the days ({@link EVENT_DAY}, `YYYY-MM-DD`) its events count on. */
export interface DyadWindow {
  a: string;
  b: string;
  from: string;
  to: string;
  grouped?: boolean;
}

/** One row of {@link SeriesQueries.dayWeights}. */
export interface DayWeightRow {
  day: string;
  /** Σ modality weight × events. */
  weight: number;
  /** Σ modality weight × Goldstein sum. */
  weightedGoldstein: number;
}

/** The aggregate queries behind series, tension, alerts and briefs; see series-queries.ts. */
export interface SeriesQueries {
  /**
   * Every event of a dyad (both directions) counting on a day in [from, to] (a month-dated one on
   * the 15th), with only the columns the tension reads: from a covering index, no table rows.
   * `grouped`: each happening once (its group's representative).
   */
  windowEvents(q: DyadWindow): Promise<WindowEventRow[]>;
  /** {@link windowEvents} with each event's code, quote and document, for explaining a point. */
  windowEventDetails(q: DyadWindow): Promise<WindowEventDetail[]>;
  /**
   * A dyad's days (both directions, {@link EVENT_DAY}) weighted by modality: per day, Σ weight ×
   * events and Σ weight × Goldstein, what the tension index sums (analysis/tension.ts dayWeights).
   * Modalities not in `weights` weigh 0. Sorted by day.
   */
  dayWeights(q: {
    dyad: readonly [string, string];
    from?: string;
    to?: string;
    grouped?: boolean;
    weights: Readonly<Record<string, number>>;
  }): Promise<DayWeightRow[]>;
  /** Per period, direction and quad class (SQL GROUP BY period). */
  periodCounts(q: DyadRange & { interval: SeriesInterval }): Promise<PeriodCountRow[]>;
  /**
   * Per ordered pair, day ({@link EVENT_DAY}) and modality, in no particular order; every pair when
   * `dyad` is absent. Rows may fall a few days outside [from, to] (a month-dated event counts on
   * the 15th): callers window by day, and add rows (see {@link DayTotalRow}).
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

/**
 * How a week or month series' date range splits: the whole periods in it, `[first, last]`
 * (either open; null when there are none), read from `dyad_periods`, and the periods the range
 * cuts, as day ranges read from `dyad_days`: the first week when `from` is not its Monday, the
 * last period when `to` is not its last day. A month range starts on its first month's first
 * day (`from` is cut to its month). Bounds are partial dates, as in {@link DyadRange}.
 *
 * @example periodCuts({ from: '2024-03-06', to: '2024-03-31' }, 'week')
 * // { whole: ['2024-03-11', '2024-03-24'], edges: [{ from: '2024-03-06', to: '2024-03-10' }, { from: '2024-03-25', to: '2024-03-31' }] }
 */
export function periodCuts(
  q: { from?: string; to?: string },
  interval: RollupInterval,
): { whole: [string | undefined, string | undefined] | null; edges: { from: string; to: string }[] } {
  const lo = q.from ? firstDayOf(interval === 'month' ? monthOf(q.from)! : q.from) : undefined;
  const hi = q.to ? lastDayOf(q.to) : undefined;
  const head = lo ? periodOf(lo, interval) : undefined;
  const tail = hi ? periodOf(hi, interval) : undefined;
  const headCut = head !== undefined && periodStart(head, interval) !== lo;
  const tailCut = tail !== undefined && periodEnd(tail, interval) !== hi;
  const first = head && headCut ? nextPeriod(head, interval) : head;
  const last = tail && tailCut ? previousPeriods(tail, interval, 1) : tail;
  const edges: { from: string; to: string }[] = [];
  if (lo && hi && lo > hi) return { whole: null, edges };
  if (headCut && tailCut && head === tail) edges.push({ from: lo!, to: hi! });
  else {
    if (headCut) edges.push({ from: lo!, to: minDay(periodEnd(head!, interval), hi) });
    if (tailCut) edges.push({ from: maxDay(periodStart(tail!, interval), lo), to: hi! });
  }
  return { whole: first && last && first > last ? null : [first, last], edges };
}

function minDay(x: string, y: string | undefined): string {
  return y !== undefined && y < x ? y : x;
}

function maxDay(x: string, y: string | undefined): string {
  return y !== undefined && y > x ? y : x;
}

/** The order of {@link SeriesQueries.periodCounts}: period, then direction, then quad class. */
function byPeriodSourceQuad(x: PeriodCountRow, y: PeriodCountRow): number {
  if (x.period !== y.period) return x.period < y.period ? -1 : 1;
  if (x.source !== y.source) return x.source < y.source ? -1 : 1;
  return x.quad - y.quad;
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
function periodExpression(
  dialect: 'sqlite' | 'postgres',
  interval: SeriesInterval,
  column: 'events.date' | 'dyad_days.day' = 'events.date',
): RawBuilder<string> {
  const date = sql.ref(column);
  if (interval === 'month') return sql<string>`substr(${date}, 1, 7)`;
  if (interval === 'day') return sql<string>`substr(${date}, 1, 10)`;
  return weekMonday(dialect, sql`substr(${date}, 1, 10)`);
}

/**
 * The aggregate queries for one database, written once in Kysely; only {@link periodExpression}
 * knows the engine. The per-period and per-day sums read the per-day rollup `dyad_days`
 * (migration 0007, store/dyad-days.ts): one row per ordered pair, day and modality instead of
 * every event. The event ids of a period read the events one |Goldstein| level at a time from
 * `events_strength` (migration 0008), group representatives by their kept mark; the stored date
 * range and the events of a window read the events.
 *
 * @example await seriesQueries(db, 'sqlite').periodCounts({ a: 'IRN', b: 'AZE', interval: 'month' })
 */
export function seriesQueries(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): SeriesQueries {
  const events = eventScanQueries(db, dialect);

  async function countsFromDays(q: DyadRange & { interval: SeriesInterval }): Promise<PeriodCountRow[]> {
    const period = periodExpression(dialect, q.interval, 'dyad_days.day');
    const p = q.grouped ? 'rep_' : '';
    const rows = await db
      .selectFrom('dyad_days')
      .select((eb) => [
        period.as('period'),
        'dyad_days.source',
        ...QUADS.flatMap((k) => [
          eb.fn.sum<number | string>(`dyad_days.${p}q${k}_events`).as(`n${k}`),
          eb.fn.sum<number | string>(`dyad_days.${p}q${k}_goldstein`).as(`g${k}`),
        ]),
      ])
      .where((eb) =>
        eb.and(
          rangeConditions(
            eb,
            'dyad_days',
            { ...q, dyad: [q.a, q.b], from: q.interval === 'month' ? monthOf(q.from) : q.from },
            q.interval === 'month' ? 7 : 10,
          ),
        ),
      )
      .groupBy([period, 'dyad_days.source'])
      .orderBy('period')
      .orderBy('dyad_days.source')
      .execute();
    const out: PeriodCountRow[] = [];
    for (const r of rows as unknown as Record<string, string | number>[]) {
      for (const k of QUADS) {
        const n = Number(r[`n${k}`]);
        if (n > 0) {
          out.push({
            period: String(r.period),
            source: String(r.source),
            quad: k,
            events: n,
            goldstein: Number(r[`g${k}`]),
          });
        }
      }
    }
    return out;
  }

  /** A dyad's whole periods `[first, last]` (either open) from `dyad_periods`, as counted rows. */
  async function countsFromPeriods(
    q: DyadRange,
    interval: RollupInterval,
    [first, last]: readonly [string | undefined, string | undefined],
  ): Promise<PeriodCountRow[]> {
    const p = q.grouped ? 'rep_' : '';
    const pair = [q.a, q.b];
    let query = db
      .selectFrom('dyad_periods')
      .select(['dyad_periods.period', 'dyad_periods.source'])
      .select(
        QUADS.flatMap((k) => [
          `dyad_periods.${p}q${k}_events` as const,
          `dyad_periods.${p}q${k}_goldstein` as const,
        ]),
      )
      // One row per direction and period (the rollup holds no domestic rows): no GROUP BY.
      .where('dyad_periods.source', 'in', pair)
      .where('dyad_periods.target', 'in', pair)
      .where(sql<SqlBool>`length(dyad_periods.period) = ${sql.lit(interval === 'month' ? 7 : 10)}`);
    if (first) query = query.where('dyad_periods.period', '>=', first);
    if (last) query = query.where('dyad_periods.period', '<=', last);
    const keys = QUADS.map((k) => [k, `${p}q${k}_events`, `${p}q${k}_goldstein`] as const);
    const out: PeriodCountRow[] = [];
    for (const r of (await query.execute()) as unknown as Record<string, string | number>[]) {
      for (const [k, events, goldstein] of keys) {
        const n = Number(r[events]);
        if (n > 0) {
          out.push({
            period: String(r.period),
            source: String(r.source),
            quad: k,
            events: n,
            goldstein: Number(r[goldstein]),
          });
        }
      }
    }
    return out;
  }

  return {
    ...events,

    async periodCounts(q) {
      if (q.interval === 'day') return countsFromDays(q);
      // Whole weeks and months from the per-period rollup; a period the range cuts (a week that
      // starts before `from`, a period that ends after `to`) from its days.
      const cut = periodCuts(q, q.interval);
      const out = await Promise.all([
        ...cut.edges.map((edge) => countsFromDays({ ...q, ...edge })),
        cut.whole ? countsFromPeriods(q, q.interval, cut.whole) : [],
      ]);
      return out.flat().sort(byPeriodSourceQuad);
    },

    async dayTotals(q) {
      const [n, g] = q.grouped ? ['rep_events', 'rep_goldstein'] : ['events', 'goldstein'];
      // The rows as stored (no GROUP BY, no sort: the window's rows stream from one index),
      // packed (see packedRows: tens of thousands of rows for every pair's window); a
      // month-dated row counts on the 15th, beside that day's own row (see DayTotalRow).
      const [row] = await db
        .selectFrom('dyad_days')
        .select(
          packedRows(dialect, [
            sql`dyad_days.source`,
            sql`dyad_days.target`,
            sql`dyad_days.day`,
            sql`dyad_days.modality`,
            sql.ref(`dyad_days.${n}`),
            exactText(dialect, sql.ref(`dyad_days.${g}`)),
          ]).as('packed'),
        )
        .where((eb) => eb.and(rangeConditions(eb, 'dyad_days', { ...q, from: monthOf(q.from) }, 7)))
        // Days whose events all are later reports of their happening (grouped) count nothing.
        .where(sql.ref(`dyad_days.${n}`), '>', 0)
        .execute();
      const f = unpack(row?.packed, 6);
      const out: DayTotalRow[] = [];
      for (let i = 0; i < f.length; i += 6) {
        const day = f[i + 2]!;
        out.push({
          source: f[i]!,
          target: f[i + 1]!,
          day: day.length === 7 ? `${day}-15` : day,
          modality: f[i + 3]!,
          events: Number(f[i + 4]),
          goldstein: Number(f[i + 5]),
        });
      }
      return out;
    },

    async dayWeights(q) {
      const [n, g] = q.grouped ? ['rep_events', 'rep_goldstein'] : ['events', 'goldstein'];
      // The day's rows packed into one text and weighed here: SQLite's GROUP BY costs more than
      // the scan itself on a busy dyad's ~9,000 rows (see packedRows).
      const [row] = await db
        .selectFrom('dyad_days')
        .select(
          packedRows(dialect, [
            sql`dyad_days.day`,
            sql`dyad_days.modality`,
            sql.ref(`dyad_days.${n}`),
            exactText(dialect, sql.ref(`dyad_days.${g}`)),
          ]).as('packed'),
        )
        .where((eb) => eb.and(rangeConditions(eb, 'dyad_days', { ...q, from: monthOf(q.from) }, 7)))
        .where(sql.ref(`dyad_days.${n}`), '>', 0)
        .execute();
      const f = unpack(row?.packed, 4);
      const byDay = new Map<string, DayWeightRow>();
      const weightOf = new Map<string, number>();
      // A day's modalities are neighbours (the rollup's key order): look the day up once.
      let last = '';
      let d: DayWeightRow | undefined;
      for (let i = 0; i < f.length; i += 4) {
        if (f[i] !== last || !d) {
          last = f[i]!;
          const day = last.length === 7 ? `${last}-15` : last;
          d = byDay.get(day);
          if (!d) byDay.set(day, (d = { day, weight: 0, weightedGoldstein: 0 }));
        }
        let m = weightOf.get(f[i + 1]!);
        if (m === undefined) {
          m = Object.hasOwn(q.weights, f[i + 1]!) ? q.weights[f[i + 1]!]! : 0;
          weightOf.set(f[i + 1]!, m);
        }
        d.weight += m * Number(f[i + 2]);
        d.weightedGoldstein += m * Number(f[i + 3]);
      }
      return [...byDay.values()].sort((x, y) => (x.day < y.day ? -1 : 1));
    },

    async windowEvents(q) {
      return (await windowRows(db, dialect, q, false)).map(windowEvent);
    },

    async windowEventDetails(q) {
      // Added to windowEvent's literal (0.2 µs an event), not spread into a new one (see series.ts).
      return (await windowRows(db, dialect, q, true)).map((t) =>
        Object.assign(windowEvent(t), {
          code: t[7]!,
          quote: t[8]!,
          documentId: t[9]!,
          title: t[10] ?? null,
          outlet: t[11] ?? null,
          published: t[12] ?? null,
        }),
      );
    },

    async periodEventIds(q) {
      if (q.perPeriod <= 0) return [];
      // One |Goldstein| level at a time, strongest first, only where a period is not yet full
      // (index events_strength): a period's ids are then its first events read. A level that
      // finds few events (most periods full) lets the next batch take twice as many levels, so
      // quiet periods, which need every level, cost few queries; one that finds many keeps it to
      // one level, so a full period's events of the levels below are not read.
      const levels = await strengthLevels(db, [q.a, q.b]);
      const bounds = {
        lo: (q.interval === 'month' ? monthOf(q.from) : q.from) ?? '0',
        hi: q.to ? `${q.to}~` : '~',
      };
      const byPeriod = new Map<string, string[]>();
      const full: string[] = [];
      // Each date's period and each period's date span, computed once.
      const periods = new Map<string, string>();
      const spans = new Map<string, readonly [string, string]>();
      const spanOf = (p: string) => {
        let span = spans.get(p);
        if (!span) {
          span = [`${addDays(periodStart(p, q.interval), -1)}~`, `${periodEnd(p, q.interval)}~`];
          spans.set(p, span);
        }
        return span;
      };
      const few = 25 * q.perPeriod;
      for (let i = 0, batch = 1, next = 0; i < levels.length; i = next) {
        next = i + batch;
        const ranges = openRanges(full.sort(), spanOf, bounds);
        if (!ranges.length) break;
        const found = await levelRows(db, dialect, q, levels.slice(i, next), ranges);
        // The batch's events per period, then each period's in the ranking's order: JavaScript
        // compares these ASCII dates and ids as both engines do (PostgreSQL text is "C").
        // Rows come a period's range at a time, by date within a level and direction: the last
        // date's bucket is usually the next row's too.
        const batchOf = new Map<string, LevelRow[]>();
        let lastDate = '';
        let bucket: LevelRow[] = [];
        for (const r of found) {
          if (r.date !== lastDate) {
            lastDate = r.date;
            let period = periods.get(r.date);
            if (period === undefined) periods.set(r.date, (period = periodOf(r.date, q.interval)));
            const rows = batchOf.get(period);
            if (rows) bucket = rows;
            else batchOf.set(period, (bucket = []));
          }
          bucket.push(r);
        }
        // The ranges leave the full periods out: every period here still has room.
        for (const [period, rows] of batchOf) {
          const ids = byPeriod.get(period) ?? [];
          rows.sort(byStrength);
          for (let k = 0; k < rows.length && ids.length < q.perPeriod; k++) ids.push(rows[k]!.id);
          byPeriod.set(period, ids);
          if (ids.length === q.perPeriod) full.push(period);
        }
        batch = found.length < few ? batch * 2 : 1;
      }
      return [...byPeriod.keys()]
        .sort()
        .flatMap((period) => byPeriod.get(period)!.map((id) => ({ period, id })));
    },
  };
}

/**
 * Every |Goldstein| score of a dyad's events (both directions), strongest first: a loose index
 * scan of `events_strength` (each step one seek for the next lower score), not a read of the
 * dyad's events.
 */
async function strengthLevels(db: Kysely<Database>, [a, b]: readonly [string, string]): Promise<number[]> {
  const next = (s: RawBuilder<string>, t: RawBuilder<string>, below?: RawBuilder<number>) =>
    sql<number>`(select max(events.goldstein) from events where events.source = ${s} and events.target = ${t}${
      below ? sql` and events.goldstein < ${below}` : sql``
    })`;
  const { rows } = await sql<{ g: number | string | null }>`with recursive
    d(s, t) as (values ${bothDirections(a, b)}),
    lv(s, t, g) as (
      select d.s, d.t, ${next(sql.ref('d.s'), sql.ref('d.t'))} from d
      union all
      select lv.s, lv.t, ${next(sql.ref('lv.s'), sql.ref('lv.t'), sql.ref('lv.g'))} from lv where lv.g is not null
    )
    select lv.g as g from lv where lv.g is not null`.execute(db);
  return [...new Set(rows.map((r) => Math.abs(Number(r.g))))].sort((x, y) => y - x);
}

/**
 * The date ranges (inclusive bounds) within `bounds` outside the given periods (sorted), where
 * the periods not yet full lie. `span` gives a period's neighbours' bounds: the last date before
 * it and the last date in it, both padded with `~` (no stored date equals a padded bound).
 */
function openRanges(
  full: readonly string[],
  span: (period: string) => readonly [string, string],
  bounds: { lo: string; hi: string },
): [string, string][] {
  const out: [string, string][] = [];
  let lo = bounds.lo;
  for (const p of full) {
    const [before, last] = span(p);
    out.push([lo, before]);
    if (last > lo) lo = last;
  }
  out.push([lo, bounds.hi]);
  return out.map(([l, h]): [string, string] => [l, h < bounds.hi ? h : bounds.hi]).filter(([l, h]) => l < h);
}

/** An event of {@link levelRows}. */
interface LevelRow {
  id: string;
  date: string;
  /** Its Goldstein score, or only its absolute value (all that ranks it). */
  goldstein: number;
}

/** The ranking of a period's ids: |Goldstein| descending, then date, then id. */
function byStrength(x: LevelRow, y: LevelRow): number {
  const g = Math.abs(y.goldstein) - Math.abs(x.goldstein);
  if (g) return g;
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The VALUES rows of an ordered pair in both directions: one row when both ends are the same actor. */
function bothDirections(a: string, b: string) {
  return a === b ? sql`(${a}, ${b})` : sql`(${a}, ${b}), (${b}, ${a})`;
}

/**
 * A dyad's events (both directions) of the given |Goldstein| levels dated in the ranges, in no
 * order: the ranges and the directions drive the join (SQLite keeps a CROSS JOIN's order), each
 * pair of them one range of `events_strength` per signed level, read from that index alone.
 * Periods are named in JavaScript (periodOf), where SQLite's date functions cost more than
 * reading the index.
 */
async function levelRows(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  q: DyadRange & { interval: SeriesInterval },
  levels: readonly number[],
  ranges: readonly (readonly [string, string])[],
): Promise<LevelRow[]> {
  const signed = [...new Set(levels.flatMap((g) => [g, -g]))];
  // One level's events all rank by the same |Goldstein|: the score need not be read.
  const one = levels.length === 1;
  const fields = [sql`events.id`, sql`events.date`];
  if (!one) fields.push(exactText(dialect, sql`events.goldstein`));
  const { rows } = await sql<{ packed: string | null }>`with
    w(lo, hi) as (values ${sql.join(ranges.map(([lo, hi]) => sql`(${lo}, ${hi})`))}),
    d(s, t) as (values ${bothDirections(q.a, q.b)})
    select ${packedRows(dialect, fields)} as packed
    from w cross join d cross join events
    where events.source = d.s and events.target = d.t
      and events.goldstein in (${sql.join(signed)})
      and events.date >= w.lo and events.date <= w.hi
      and length(events.date) >= ${sql.lit(q.interval === 'month' ? 7 : 10)}${
        q.grouped ? sql` and events.representative = 1` : sql``
      }`.execute(db);
  const f = unpack(rows[0]?.packed, fields.length);
  const out: LevelRow[] = [];
  for (let i = 0; i < f.length; i += fields.length) {
    out.push({ id: f[i]!, date: f[i + 1]!, goldstein: one ? levels[0]! : Number(f[i + 2]) });
  }
  return out;
}

/**
 * Rows packed into one text by the database: fields joined by the ASCII unit separator (0x1F),
 * rows by the record separator (0x1E), which no id, date, modality or number holds; read back
 * with {@link unpack}. better-sqlite3 builds a JavaScript object per row (0.5–4 µs each); one
 * aggregate text and its split cost a third to a fifth of that (measured on the 1 M-event
 * store: 5,291 event rows 5.4 → 1.9 ms; 65,571 rollup rows of a 150-day window 278 → 47–74 ms).
 * The row order is the engine's: callers sort.
 */
function packedRows(
  dialect: 'sqlite' | 'postgres',
  fields: readonly RawBuilder<unknown>[],
): RawBuilder<string | null> {
  const code = (n: number) => (dialect === 'postgres' ? sql`chr(${sql.lit(n)})` : sql`char(${sql.lit(n)})`);
  const row = sql.join(fields, sql` || ${code(0x1f)} || `);
  return dialect === 'postgres'
    ? sql`string_agg(${row}, ${code(0x1e)})`
    : sql`group_concat(${row}, ${code(0x1e)})`;
}

/** A number as text that reads back as the same double (PostgreSQL writes floats shortest-exact). */
function exactText(dialect: 'sqlite' | 'postgres', x: RawBuilder<unknown>): RawBuilder<string> {
  return dialect === 'postgres' ? sql`cast(${x} as text)` : sql`printf('%.17g', ${x})`;
}

/**
 * The fields of {@link packedRows}' text, `width` per row, in one flat array (none when null).
 * Throws when the fields do not fill whole rows (a field held a separator).
 */
function unpack(text: string | null | undefined, width: number): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (let at = 0, k = 0; at <= text.length; k++) {
    const last = k % width === width - 1;
    let end = text.indexOf(last ? '\u001e' : '\u001f', at);
    if (end < 0) end = text.length;
    const field = text.slice(at, end);
    if (!last && field.includes('\u001e')) break;
    out.push(field);
    at = end + 1;
  }
  if (out.length % width !== 0) {
    throw new Error(
      `packed rows of ${width} fields came back as ${out.length} fields: a field holds a separator`,
    );
  }
  return out;
}

/**
 * The same queries computed from the events themselves (a GROUP BY over covering indexes of
 * `events`), as before the per-day rollup; periodEventIds ranks a dyad's events with a window
 * function and leaves later reports out by their groups. The store answers dayRange and the
 * window events with these; tests compare the rest with the rollup and the strength index.
 *
 * @example await eventScanQueries(db, 'sqlite').dayTotals({ dyad: ['IRN', 'AZE'] })
 */
export function eventScanQueries(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): SeriesQueries {
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
        .where((eb) => eb.and(rangeConditions(eb, 'events', { ...q, from: monthOf(q.from) }, 7)))
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

    async dayWeights(q) {
      const byDay = new Map<string, DayWeightRow>();
      for (const r of await this.dayTotals(q)) {
        const m = q.weights[r.modality] ?? 0;
        const d = byDay.get(r.day) ?? { day: r.day, weight: 0, weightedGoldstein: 0 };
        d.weight += m * r.events;
        d.weightedGoldstein += m * r.goldstein;
        byDay.set(r.day, d);
      }
      return [...byDay.values()].sort((x, y) => (x.day < y.day ? -1 : 1));
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

    async windowEvents(q) {
      const rows = await eventsFrom(db, q.grouped, [q.a, q.b])
        .select(WINDOW_COLUMNS)
        .where((eb) => eb.and(dyadConditions(eb, { ...q, from: q.from.slice(0, 7) }, 7)))
        .execute();
      return rows.filter((r) => inWindow(r.date, q)).map(windowRow);
    },

    async windowEventDetails(q) {
      const rows = await eventsFrom(db, q.grouped, [q.a, q.b])
        .innerJoin('documents', 'documents.id', 'events.document_id')
        .select([
          ...WINDOW_COLUMNS,
          'events.code',
          'events.quote',
          'events.document_id',
          'documents.title',
          'documents.outlet',
          'documents.published',
        ])
        .where((eb) => eb.and(dyadConditions(eb, { ...q, from: q.from.slice(0, 7) }, 7)))
        .execute();
      return rows
        .filter((r) => inWindow(r.date, q))
        .map((r) => ({
          ...windowRow(r),
          code: r.code,
          quote: r.quote,
          documentId: r.document_id,
          title: r.title,
          outlet: r.outlet,
          published: r.published,
        }));
    },

    async dayRange(q = {}) {
      // Two index walks that stop at the first dated event, not min()/max() over a filtered scan.
      const end = (dir: 'asc' | 'desc') =>
        db
          .selectFrom('events')
          .select('events.date')
          .where((eb) => eb.and(rangeConditions(eb, 'events', q, 7)))
          .orderBy('events.date', dir)
          .limit(1)
          .executeTakeFirst();
      const [first, last] = [await end('asc'), await end('desc')];
      if (!first?.date || !last?.date) return null;
      // A month-dated event counts on the 15th but sorts before its month's days: the first
      // event day may be a day of the first date's month before the 15th, and the last the
      // 15th of the last date's month. One index probe each.
      const probe = (lo: string, hi: string) =>
        db
          .selectFrom('events')
          .select('events.date')
          .where((eb) => eb.and(rangeConditions(eb, 'events', q, 7)))
          .where('events.date', '>=', lo)
          .where('events.date', '<=', hi)
          .orderBy('events.date')
          .limit(1)
          .executeTakeFirst();
      let firstDay = dayOfDate(first.date);
      if (first.date.length === 7) {
        const earlier = await probe(`${first.date}-01`, `${first.date}-14~`);
        if (earlier?.date) firstDay = dayOfDate(earlier.date);
      }
      let lastDay = dayOfDate(last.date);
      const month = last.date.slice(0, 7);
      if (last.date.length > 7 && lastDay < `${month}-15` && (await probe(month, month)))
        lastDay = `${month}-15`;
      return { first: firstDay, last: lastDay };
    },
  };
}

/** A row of {@link windowRows}: the window columns, then with `details` the shown ones. */
type WindowTuple = [
  id: string,
  source: string,
  target: string,
  date: string,
  goldstein: number,
  modality: string,
  quadClass: number,
  code?: string,
  quote?: string,
  documentId?: string,
  title?: string | null,
  outlet?: string | null,
  published?: string | null,
];

/**
 * A dyad's events (both directions) counting on a day of the window, representatives only when
 * `grouped` (by their kept mark, migration 0008, instead of the list of later reports), as one
 * JSON array of arrays built by the database: a busy month's explanation reads ~1,500 events with
 * their quotes and documents, and better-sqlite3's object per row cost more than the query
 * (the busiest dyad's busiest month: 41 → 29 ms median CPU for the rows with quotes, 15 → 8 ms
 * without). Goldstein scores go through `%.17g` on SQLite, whose
 * JSON writes 15 digits (PostgreSQL's are shortest-exact).
 */
async function windowRows(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  q: DyadWindow,
  details: boolean,
): Promise<WindowTuple[]> {
  const score = dialect === 'postgres' ? sql`events.goldstein` : sql`json(printf('%.17g', events.goldstein))`;
  const columns = [
    sql`events.id`,
    sql`events.source`,
    sql`events.target`,
    sql`events.date`,
    score,
    sql`events.modality`,
    sql`events.quad_class`,
  ];
  if (details) {
    columns.push(
      sql`events.code`,
      sql`events.quote`,
      sql`events.document_id`,
      sql`documents.title`,
      sql`documents.outlet`,
      sql`documents.published`,
    );
  }
  const list = sql.join(columns);
  const packed =
    dialect === 'postgres'
      ? sql<unknown>`coalesce(json_agg(json_build_array(${list})), '[]'::json)`
      : sql<unknown>`json_group_array(json_array(${list}))`;
  const events = details
    ? db.selectFrom('events').innerJoin('documents', 'documents.id', 'events.document_id')
    : db.selectFrom('events');
  const [row] = await events
    .select(packed.as('packed'))
    .where((eb) => eb.and(dyadConditions(eb, { ...q, from: q.from.slice(0, 7) }, 7)))
    .$if(q.grouped === true, (qb) => qb.where('events.representative', '=', 1))
    .execute();
  const value = row?.packed;
  const all = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as WindowTuple[];
  return all.filter((r) => inWindow(r[3], q));
}

/** The {@link WindowEventRow} of a {@link windowRows} tuple. */
function windowEvent(t: WindowTuple): WindowEventRow {
  return {
    id: t[0],
    source: t[1],
    target: t[2],
    date: t[3],
    goldstein: t[4],
    modality: t[5],
    quadClass: t[6],
  };
}

const WINDOW_COLUMNS = [
  'events.id',
  'events.source',
  'events.target',
  'events.date',
  'events.goldstein',
  'events.modality',
  'events.quad_class',
] as const;

/** Whether a stored date counts on a day of the window ({@link EVENT_DAY}). */
function inWindow(date: string | null, q: { from: string; to: string }): date is string {
  if (!date || date.length < 7) return false;
  const day = dayOfDate(date);
  return day >= q.from && day <= q.to;
}

function windowRow(r: {
  id: string;
  source: string;
  target: string;
  date: string | null;
  goldstein: number;
  modality: string;
  quad_class: number;
}): WindowEventRow {
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    date: r.date!,
    goldstein: Number(r.goldstein),
    modality: r.modality,
    quadClass: Number(r.quad_class),
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
  return rangeConditions(eb, 'events', { ...q, dyad: [q.a, q.b] }, precision);
}

/**
 * A dyad (either direction), a date range and a least date precision (4, 7 or 10 characters) on
 * the events or on the rollup, whose `day` is the event's date cut to ten characters and so
 * compares with every bound exactly as the date does.
 */
function rangeConditions<TB extends 'events' | 'dyad_days'>(
  eb: ExpressionBuilder<Database, TB>,
  table: TB,
  q: { dyad?: readonly [string, string]; from?: string; to?: string },
  precision: number,
): Expression<SqlBool>[] {
  const date = sql.ref<string>(table === 'events' ? 'events.date' : 'dyad_days.day');
  const out: Expression<SqlBool>[] = [];
  if (q.dyad && table === 'dyad_days') {
    // The rollup holds no domestic rows (source = target), so both directions are the pairs of
    // {a, b}: one search of its key, where an OR of the two directions costs SQLite a second
    // lookup of every row it finds (a multi-index OR over a WITHOUT ROWID table).
    const pair = [...q.dyad];
    out.push(eb(sql.ref('dyad_days.source'), 'in', pair), eb(sql.ref('dyad_days.target'), 'in', pair));
  } else if (q.dyad) out.push(dyadEitherWay(eb, table, q.dyad));
  // `>= '0'` keeps the date index usable and leaves undated events out.
  out.push(eb(date, '>=', q.from ?? '0'));
  if (q.to) out.push(eb(date, '<=', `${q.to}~`));
  // Every rollup row is at least month-dated: on it only day and week series ask for more.
  if (table === 'events' || precision > 7) out.push(eb(eb.fn('length', [date]), '>=', precision));
  return out;
}
