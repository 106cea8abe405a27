import type { EventRow, Store } from '../store/store.js';
import { tensionParams, type TensionParams } from './analysis-params.js';
import {
  addDays,
  dayNumber,
  firstDayOf,
  lastDayOf,
  maybePeriod,
  periodEnd,
  periodOf,
  periodsBetween,
  periodStart,
  type Interval,
} from './periods.js';
import { contributions, eventDay, tensionFormula, tensionSeries, type Contribution } from './tension.js';

export type { Interval } from './periods.js';

/** One period of a dyad's series. */
export interface SeriesPoint {
  /** `2024-03-04` (day; week = its ISO Monday) or `2024-03` (month). */
  period: string;
  events: number;
  /** Goldstein sum. */
  goldstein: number;
  goldsteinMean: number;
  /** The tension index on `asOf`; see docs/tension.md and {@link DyadSeries.formula}. */
  tension: number;
  /** The day the tension is evaluated on: the period's last day, or the series' as-of day if earlier. */
  asOf: string;
  /** The attention on `asOf`: Σ decayed modality weights + prior, the tension's denominator. */
  attention: number;
  quad: { '1': number; '2': number; '3': number; '4': number };
  /** Each direction's events and Goldstein sum: `ab` is a → b, `ba` is b → a. */
  directions: { ab: { events: number; goldstein: number }; ba: { events: number; goldstein: number } };
  /** Up to `idsPerPoint` (20) of the period's event ids, strongest |Goldstein| first. */
  eventIds: string[];
}

export interface DyadSeries {
  a: string;
  b: string;
  interval: Interval;
  /** The tension formula with its parameters filled in. */
  formula: string;
  points: SeriesPoint[];
}

export interface SeriesOptions {
  interval: Interval;
  /** Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) bounding the periods and their events. */
  from?: string;
  to?: string;
  /** `YYYY-MM-DD`: nothing after it counts and no tension is evaluated past it. */
  asOf?: string;
  /** Count one happening once, on its group's first report (default true); false counts every report. */
  grouped?: boolean;
  /** Ids kept per point (default 20; 0 for none). */
  idsPerPoint?: number;
  params?: TensionParams;
}

/** Series longer than this are refused: ask for a coarser interval or a shorter range. */
export const MAX_POINTS = 20_000;

/**
 * A dyad's series: per period, events both ways (counts by quad class and direction, Goldstein
 * sum and mean, all aggregated in SQL) and the tension index at the period's end.
 * Reproducible: the same stored events and options give the same numbers (no clock is read).
 *
 * @example await dyadSeries(store, 'IRN', 'AZE', { interval: 'month', from: '2023', to: '2024' })
 */
export async function dyadSeries(
  store: Store,
  a: string,
  b: string,
  opts: SeriesOptions,
): Promise<DyadSeries> {
  const p = opts.params ?? tensionParams();
  if (a === b) throw new Error(`a dyad needs two different actors (got ${a} twice)`);
  const grouped = opts.grouped ?? true;
  const { from: fromBound, to } = await clampRange(
    store,
    opts.from,
    clipTo(opts.to, opts.asOf),
    opts.interval,
    p.lookbackDays,
  );
  const q = { a, b, from: fromBound, to, grouped };
  const counts = await store.aggregates.periodCounts({ ...q, interval: opts.interval });
  const first = fromBound
    ? firstDayOf(fromBound)
    : counts[0]
      ? periodStart(counts[0].period, opts.interval)
      : null;
  const last = to ? lastDayOf(to) : counts.length ? periodEnd(counts.at(-1)!.period, opts.interval) : null;
  const base = { a, b, interval: opts.interval, formula: tensionFormula(p) };
  if (!first || !last || first > last) return { ...base, points: [] };
  const periods = periodsBetween(first, last, opts.interval);
  if (periods.length > MAX_POINTS) {
    throw new Error(
      `a ${opts.interval} series from ${first} to ${last} has ${periods.length} points (most ${MAX_POINTS}); pass a coarser interval or a shorter range`,
    );
  }
  const asOfDays = periods.map((x) => minDay(periodEnd(x, opts.interval), last));
  // Weighted per day in SQL: one row a day, not one per direction, day and modality.
  const days = await store.aggregates.dayWeights({
    dyad: [a, b],
    from: addDays(periodStart(periods[0]!, opts.interval), -p.lookbackDays),
    to: last,
    grouped,
    weights: p.modality,
  });
  const weighted = days.map((d) => ({ ...d, day: dayNumber(d.day) }));
  const tension = tensionSeries(weighted, asOfDays.map(dayNumber), p);
  const perPoint = opts.idsPerPoint ?? 20;
  const ids =
    perPoint > 0
      ? await store.aggregates.periodEventIds({ ...q, interval: opts.interval, perPeriod: perPoint })
      : [];
  const points = new Map<string, SeriesPoint>(
    periods.map((period, i) => [period, emptyPoint(period, asOfDays[i]!, tension[i]!)]),
  );
  for (const r of counts) {
    const pt = points.get(r.period);
    if (!pt) continue;
    pt.events += r.events;
    pt.goldstein += r.goldstein;
    pt.quad[String(r.quad) as '1'] += r.events;
    const dir = r.source === a ? pt.directions.ab : pt.directions.ba;
    dir.events += r.events;
    dir.goldstein = tidy(dir.goldstein + r.goldstein);
  }
  for (const r of ids) points.get(r.period)?.eventIds.push(r.id);
  for (const pt of points.values()) {
    pt.goldstein = tidy(pt.goldstein);
    pt.goldsteinMean = pt.events ? tidy(pt.goldstein / pt.events) : 0;
  }
  return { ...base, points: [...points.values()] };
}

/** What {@link explainPoint} answers: the point and every event behind its tension. */
export interface PointExplanation {
  point: SeriesPoint;
  formula: string;
  /** Σ weights + prior, the tension's denominator. */
  denominator: number;
  /** Every event inside the look-back window of the point's as-of day, strongest first; contributions sum to `point.tension`. */
  contributions: (Contribution & {
    quote: string;
    source: string;
    target: string;
    code: string;
    quadClass: number;
    documentId: string;
    title: string | null;
    outlet: string | null;
    published: string | null;
  })[];
}

/**
 * Decomposes one point of a dyad's series: every event that enters its tension (the look-back
 * window up to the point's as-of day), with its quote, Goldstein, weight and contribution. The
 * contributions sum to the point's tension.
 *
 * @example await explainPoint(store, 'IRN', 'AZE', '2024-03', 'month')
 */
export async function explainPoint(
  store: Store,
  a: string,
  b: string,
  period: string,
  interval: Interval,
  opts: { asOf?: string; grouped?: boolean; params?: TensionParams } = {},
): Promise<PointExplanation> {
  const p = opts.params ?? tensionParams();
  const name = maybePeriod(period, interval);
  if (!name) {
    throw new Error(
      `period ${period} is not a ${interval}: give ${interval === 'month' ? 'YYYY-MM' : interval === 'week' ? "the week's monday as YYYY-MM-DD" : 'YYYY-MM-DD'}`,
    );
  }
  const series = await dyadSeries(store, a, b, {
    interval,
    from: periodStart(name, interval),
    to: periodEnd(name, interval),
    asOf: opts.asOf,
    grouped: opts.grouped,
    params: p,
  });
  const point =
    series.points[0] ??
    emptyPoint(name, minDay(periodEnd(name, interval), opts.asOf), { tension: 0, denominator: p.prior });
  // Only the columns shown, from one query (not the event listing with its mentions and count).
  const events = await store.aggregates.windowEventDetails({
    a,
    b,
    from: addDays(point.asOf, -p.lookbackDays),
    to: point.asOf,
    grouped: opts.grouped ?? true,
  });
  const byId = new Map(events.map((e) => [e.id, e]));
  const explained = contributions(events, point.asOf, p);
  return {
    point,
    formula: series.formula,
    denominator: explained.denominator,
    // Each property written out: a spread followed by ten more properties cost ~15 µs an item.
    contributions: explained.items.map((c) => {
      const e = byId.get(c.eventId)!;
      return {
        eventId: c.eventId,
        date: c.date,
        goldstein: c.goldstein,
        modality: c.modality,
        weight: c.weight,
        contribution: c.contribution,
        quote: e.quote,
        source: e.source,
        target: e.target,
        code: e.code,
        quadClass: e.quadClass,
        documentId: e.documentId,
        title: e.title,
        outlet: e.outlet,
        published: e.published,
      };
    }),
  };
}

/** Page size for reading every event of a window through `Store.events`. */
const PAGE = 5000;

/**
 * Every stored event of a dyad (both directions) counting on a day in [from, to] (`YYYY-MM-DD`;
 * a month-dated event counts on the 15th, year-only and undated ones never), paged through
 * `Store.events` so each carries its quote and document; `grouped`: one per happening (its
 * group's first report).
 *
 * @example await windowEvents(store, 'IRN', 'AZE', '2024-01-01', '2024-03-31')
 */
export async function windowEvents(
  store: Store,
  a: string,
  b: string,
  from: string,
  to: string,
  grouped = true,
): Promise<EventRow[]> {
  const out: EventRow[] = [];
  // From the month, so month-dated events (counting on the 15th) are read; the day is checked below.
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = await store.events({
      dyad: [a, b],
      from: from.slice(0, 7),
      to,
      grouped,
      limit: PAGE,
      offset,
    });
    for (const e of items) {
      const day = eventDay(e.date);
      if (day && day >= from && day <= to) out.push(e);
    }
    if (!items.length || offset + PAGE >= total) return out;
  }
}

function emptyPoint(period: string, asOf: string, t: { tension: number; denominator: number }): SeriesPoint {
  return {
    period,
    events: 0,
    goldstein: 0,
    goldsteinMean: 0,
    tension: t.tension,
    asOf,
    attention: t.denominator,
    quad: { '1': 0, '2': 0, '3': 0, '4': 0 },
    directions: { ab: { events: 0, goldstein: 0 }, ba: { events: 0, goldstein: 0 } },
    eventIds: [],
  };
}

/**
 * Range bounds cut to the periods of the stored events (all dyads), so `from=1000` does not walk
 * a thousand years of empty periods; a bound inside them is kept as given. The periods cut off
 * hold no event and no tension (nothing before them, nothing within the look-back after them),
 * so no point that has either changes.
 */
async function clampRange(
  store: Store,
  from: string | undefined,
  to: string | undefined,
  interval: Interval,
  lookbackDays: number,
): Promise<{ from?: string; to?: string }> {
  if (!from && !to) return { from, to };
  const range = await store.aggregates.dayRange();
  if (!range) return { from, to };
  const first = periodStart(periodOf(range.first, interval), interval);
  const last = periodEnd(periodOf(addDays(range.last, lookbackDays), interval), interval);
  return {
    from: from && firstDayOf(from) < first ? first : from,
    to: to && lastDayOf(to) > last ? last : to,
  };
}

/** The earlier of `to` and `asOf` as a partial date bound, either may be absent. */
function clipTo(to: string | undefined, asOf: string | undefined): string | undefined {
  if (!asOf) return to;
  if (!to) return asOf;
  return lastDayOf(to) < asOf ? to : asOf;
}

function minDay(x: string, y: string | undefined): string {
  return y && y < x ? y : x;
}

/** Sums of one-decimal Goldstein scores, without float noise (0.1 + 0.2). */
function tidy(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
