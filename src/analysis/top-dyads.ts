import type { DayTotalRow } from '../store/series-queries.js';
import type { Store } from '../store/store.js';
import { tensionParams, type TensionParams } from './analysis-params.js';
import { addDays, dayNumber, dayOf, firstDayOf, lastDayOf } from './periods.js';
import { dayWeights, tensionSeries } from './tension.js';

/** One dyad of the overview: its activity in the window and how its tension moved. */
export interface DyadSummary {
  /** The pair in alphabetical order. */
  a: string;
  b: string;
  /** Events counting on a day of the window (a month-dated one on the 15th), both directions. */
  events: number;
  /** Goldstein sum over those events. */
  goldstein: number;
  /** Tension on the window's last day. */
  tension: number;
  /** Tension on the previous window's last day (the day before the window). */
  previousTension: number;
  /** Events in the previous window (as long as this one, just before it). */
  previousEvents: number;
  /** tension − previousTension. */
  change: number;
  /** The highest daily tension in the window (a quiet last day does not hide a tense week). */
  peak: number;
  /** The first day (`YYYY-MM-DD`) the tension was at its peak. */
  peakDay: string;
}

export interface TopDyadsOptions {
  /** Window bounds (partial dates); default: the 30 days up to the last stored event. */
  from?: string;
  to?: string;
  /** Most dyads returned (default 20). */
  limit?: number;
  /** `events` (default): most active first; `change`: biggest |tension change| first. */
  sort?: 'events' | 'change';
  /** Count one happening once (default true). */
  grouped?: boolean;
  params?: TensionParams;
}

const DEFAULT_WINDOW_DAYS = 30;

/**
 * The dashboard overview: dyads active in a window, most active (or most changed) first, with
 * the tension at the window's end and its change since the end of the previous window. One SQL
 * GROUP BY (per pair, day and modality) over the two windows and the look-back before them.
 *
 * @example await topDyads(store, { from: '2024-03-01', to: '2024-03-31', limit: 10 })
 */
export async function topDyads(store: Store, opts: TopDyadsOptions = {}): Promise<DyadSummary[]> {
  const p = opts.params ?? tensionParams();
  const range = opts.to ? null : await store.aggregates.dayRange();
  const end = opts.to ? lastDayOf(opts.to) : range?.last;
  if (!end) return [];
  const start = opts.from ? firstDayOf(opts.from) : addDays(end, 1 - DEFAULT_WINDOW_DAYS);
  if (start > end) throw new Error(`the window starts (${start}) after it ends (${end}); check from and to`);
  const length = dayNumber(end) - dayNumber(start) + 1;
  const prevEnd = addDays(start, -1);
  const prevStart = addDays(start, -length);
  // One GROUP BY over both windows and the look-back before them: the window totals and the
  // two tension values all come from these rows.
  const lookFrom = addDays(prevEnd, -p.lookbackDays);
  const days = await store.aggregates.dayTotals({
    from: prevStart < lookFrom ? prevStart : lookFrom,
    to: end,
    grouped: opts.grouped ?? true,
  });
  const dyads = new Map<string, DyadSummary>();
  const rowsByDyad = new Map<string, DayTotalRow[]>();
  for (const r of days) {
    const [a, b] = r.source < r.target ? [r.source, r.target] : [r.target, r.source];
    const key = `${a}\u0000${b}`;
    let d = dyads.get(key);
    if (!d) {
      d = {
        a,
        b,
        events: 0,
        goldstein: 0,
        tension: 0,
        previousTension: 0,
        previousEvents: 0,
        change: 0,
        peak: 0,
        peakDay: end,
      };
      dyads.set(key, d);
      rowsByDyad.set(key, []);
    }
    rowsByDyad.get(key)!.push(r);
    if (r.day >= start && r.day <= end) {
      d.events += r.events;
      d.goldstein = Math.round((d.goldstein + r.goldstein) * 1e6) / 1e6;
    } else if (r.day >= prevStart && r.day <= prevEnd) {
      d.previousEvents += r.events;
    }
  }
  const at = [dayNumber(prevEnd), dayNumber(end)];
  for (const [key, d] of dyads) {
    const [before, after] = tensionSeries(dayWeights(rowsByDyad.get(key) ?? [], p), at, p);
    d.previousTension = before!.tension;
    d.tension = after!.tension;
    d.change = d.tension - d.previousTension;
  }
  const order =
    opts.sort === 'change'
      ? (x: DyadSummary, y: DyadSummary) => Math.abs(y.change) - Math.abs(x.change) || y.events - x.events
      : (x: DyadSummary, y: DyadSummary) => y.events - x.events || Math.abs(y.change) - Math.abs(x.change);
  const top = [...dyads.values()]
    .filter((d) => d.events > 0 || (opts.sort === 'change' && d.previousEvents > 0))
    .sort((x, y) => order(x, y) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
    .slice(0, opts.limit ?? 20);
  // The peak, for the dyads returned only: every day of the window from the dyad's first row on.
  const last = dayNumber(end);
  for (const d of top) {
    const weights = dayWeights(rowsByDyad.get(`${d.a}\u0000${d.b}`) ?? [], p);
    const first = Math.max(dayNumber(start), weights[0]?.day ?? last);
    const days = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const series = tensionSeries(weights, days, p);
    let best = series.length - 1;
    series.forEach((x, i) => {
      if (x.tension > series[best]!.tension) best = i;
    });
    d.peak = series[best]?.tension ?? d.tension;
    d.peakDay = dayOf(days[best] ?? last);
  }
  return top;
}
