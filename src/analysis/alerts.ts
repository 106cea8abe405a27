import type { DayTotalRow } from '../store/series-queries.js';
import type { Store } from '../store/store.js';
import { alertParams, tensionParams, type AlertParams, type TensionParams } from './analysis-params.js';
import {
  addDays,
  dayNumber,
  firstDayOf,
  lastDayOf,
  periodEnd,
  periodOf,
  periodsBetween,
  periodStart,
  previousPeriods,
  type Interval,
} from './periods.js';
import { contributionTo, dayWeights, tensionSeries } from './tension.js';

/** A period in which a dyad's tension left its trailing baseline. */
export interface Alert {
  /** `A-B:interval:period`, stable across runs. */
  id: string;
  a: string;
  b: string;
  period: string;
  interval: Interval;
  kind: 'escalation' | 'de-escalation';
  /** The period's tension. */
  value: number;
  /** Median tension of the `baselinePeriods` periods before. */
  baseline: number;
  /** The spread the score divides by: max(1.4826 × MAD, minSpread). */
  spread: number;
  /** (value − baseline) / spread. */
  score: number;
  /** The period's events, both directions. */
  events: number;
  reason: string;
  /** The period's events that pushed the tension this way, strongest contribution first. */
  eventIds: string[];
}

export interface AlertOptions {
  /** One dyad; every dyad with events when absent. */
  dyad?: readonly [string, string];
  interval?: Interval;
  /** Partial dates bounding the periods that may alert; default: `defaultWindowDays` up to the last event. */
  from?: string;
  to?: string;
  /** Count one happening once (default true). */
  grouped?: boolean;
  params?: AlertParams;
  tension?: TensionParams;
}

const QUAD_WORDS = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

/**
 * Escalations and de-escalations: periods whose tension lies at least `threshold` robust
 * z-scores (median and MAD of the `baselinePeriods` periods before) from the dyad's trailing
 * baseline, with at least `minEvents` events. Each carries its evidence (the period's events
 * that pushed the tension its way) and a reason in words. Sorted by period, then |score|.
 *
 * @example await alerts(store, { dyad: ['IRN', 'AZE'], interval: 'week', from: '2024-01' })
 */
export async function alerts(store: Store, opts: AlertOptions = {}): Promise<Alert[]> {
  const ap = opts.params ?? alertParams();
  const tp = opts.tension ?? tensionParams();
  const interval = opts.interval ?? ap.interval;
  const range = await store.aggregates.dayRange(opts.dyad ? { dyad: opts.dyad } : {});
  if (!range) return [];
  const asked = opts.to ? lastDayOf(opts.to) : range.last;
  const begin = opts.from ? firstDayOf(opts.from) : addDays(asked, -ap.defaultWindowDays);
  if (begin > asked)
    throw new Error(`alerts from ${begin} to ${asked}: the range is empty; check from and to`);
  // No period outside the stored events' periods can alert (it has no events): clamp to them,
  // so `from=1000` does not walk a thousand years. The clamp keeps each kept period's as-of day.
  const start = maxDay(begin, periodStart(periodOf(range.first, interval), interval));
  const end = minDay(asked, periodEnd(periodOf(range.last, interval), interval));
  if (start > end) return [];
  const watched = periodsBetween(start, end, interval);
  const history = previousPeriods(watched[0]!, interval, ap.baselinePeriods);
  const periods = periodsBetween(periodStart(history, interval), end, interval);
  const asOf = periods.map((x) => (periodEnd(x, interval) < end ? periodEnd(x, interval) : end));
  const rows = await store.aggregates.dayTotals({
    dyad: opts.dyad,
    from: addDays(periodStart(history, interval), -tp.lookbackDays),
    to: end,
    grouped: opts.grouped ?? true,
  });
  const out: Alert[] = [];
  for (const [[a, b], dyadRows] of byDyad(rows, opts.dyad)) {
    const counts = new Map<string, number>();
    for (const r of dyadRows) {
      const k = periodOf(r.day, interval);
      counts.set(k, (counts.get(k) ?? 0) + r.events);
    }
    const tension = tensionSeries(dayWeights(dyadRows, tp), asOf.map(dayNumber), tp);
    for (let i = ap.baselinePeriods; i < periods.length; i++) {
      const period = periods[i]!;
      const events = counts.get(period) ?? 0;
      if (events < ap.minEvents) continue;
      const before = tension.slice(i - ap.baselinePeriods, i).map((x) => x.tension);
      const baseline = median(before);
      const spread = Math.max(1.4826 * median(before.map((x) => Math.abs(x - baseline))), ap.minSpread);
      const value = tension[i]!.tension;
      const score = (value - baseline) / spread;
      if (Math.abs(score) < ap.threshold) continue;
      const kind = score > 0 ? 'escalation' : 'de-escalation';
      const found = await evidence(
        store,
        [a, b, period, interval, asOf[i]!],
        tension[i]!.denominator,
        kind,
        opts.grouped ?? true,
        ap,
        tp,
      );
      out.push({
        id: `${a}-${b}:${interval}:${period}`,
        a,
        b,
        period,
        interval,
        kind,
        value,
        baseline,
        spread,
        score,
        events,
        reason: reasonOf({
          a,
          b,
          interval,
          period,
          kind,
          value,
          baseline,
          score,
          events,
          ap,
          quads: found.quads,
        }),
        eventIds: found.ids,
      });
    }
  }
  return out.sort(
    (x, y) =>
      x.period.localeCompare(y.period) || Math.abs(y.score) - Math.abs(x.score) || x.id.localeCompare(y.id),
  );
}

/** Day rows grouped by dyad: the asked pair's order, else alphabetical. */
function byDyad(rows: readonly DayTotalRow[], dyad: readonly [string, string] | undefined) {
  const out = new Map<string, { pair: [string, string]; rows: DayTotalRow[] }>();
  for (const r of rows) {
    const pair: [string, string] = dyad
      ? [dyad[0], dyad[1]]
      : r.source < r.target
        ? [r.source, r.target]
        : [r.target, r.source];
    const key = pair.join('\u0000');
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { pair, rows: [] }));
    entry.rows.push(r);
  }
  return [...out.values()]
    .sort((x, y) => x.pair[0].localeCompare(y.pair[0]) || x.pair[1].localeCompare(y.pair[1]))
    .map((e) => [e.pair, e.rows] as const);
}

/** The period's events whose contribution points the alert's way, strongest first, and its quad counts. */
async function evidence(
  store: Store,
  [a, b, period, interval, asOf]: [string, string, string, Interval, string],
  denominator: number,
  kind: Alert['kind'],
  grouped: boolean,
  ap: AlertParams,
  tp: TensionParams,
): Promise<{ ids: string[]; quads: number[] }> {
  const events = await store.aggregates.windowEvents({
    a,
    b,
    from: periodStart(period, interval),
    to: asOf,
    grouped,
  });
  const quads = [0, 0, 0, 0, 0];
  for (const e of events) quads[e.quadClass]! += 1;
  const sign = kind === 'escalation' ? 1 : -1;
  const ids = events
    .map((e) => ({ id: e.id, c: contributionTo(e, asOf, denominator, tp) * sign }))
    .filter((x) => x.c > 0)
    .sort((x, y) => y.c - x.c || x.id.localeCompare(y.id))
    .slice(0, ap.maxEvidence)
    .map((x) => x.id);
  return { ids, quads };
}

function reasonOf(x: {
  a: string;
  b: string;
  interval: Interval;
  period: string;
  kind: Alert['kind'];
  value: number;
  baseline: number;
  score: number;
  events: number;
  ap: AlertParams;
  quads: number[];
}): string {
  const mix = [4, 3, 2, 1]
    .filter((q) => x.quads[q])
    .map((q) => `${x.quads[q]} ${QUAD_WORDS[q]}`)
    .join(', ');
  return (
    `${x.a}–${x.b} tension ${x.value.toFixed(2)} in the ${x.interval} of ${x.period}, ` +
    `${Math.abs(x.score).toFixed(1)} spreads ${x.score > 0 ? 'above' : 'below'} the median ${x.baseline.toFixed(2)} ` +
    `of the ${x.ap.baselinePeriods} ${x.interval}s before (${x.kind}); ${x.events} event${x.events === 1 ? '' : 's'}` +
    (mix ? `: ${mix}` : '')
  );
}

function minDay(x: string, y: string): string {
  return x < y ? x : y;
}

function maxDay(x: string, y: string): string {
  return x > y ? x : y;
}

function median(xs: readonly number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
