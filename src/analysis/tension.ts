import type { TensionParams } from './analysis-params.js';
import { dayNumber } from './periods.js';

/** The weighted totals of one day of a dyad: Σ modality weight, Σ modality weight × Goldstein. */
export interface DayWeight {
  /** Days since 1970-01-01. */
  day: number;
  weight: number;
  weightedGoldstein: number;
}

/** What the index needs of one event. */
export interface TensionEvent {
  id: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` (counts on the 15th); year-only and undated events do not enter the index. */
  date: string | null;
  goldstein: number;
  modality: string;
}

/** One event's share of a tension value: the values sum to the tension exactly. */
export interface Contribution {
  eventId: string;
  /** The day it counts on: its date, or the 15th for a month-dated event. */
  date: string;
  goldstein: number;
  modality: string;
  /** m(modality) × 2^(−age/h): how much the event counts on the as-of day. */
  weight: number;
  /** −weight × Goldstein / (Σ weights + prior). */
  contribution: number;
}

/**
 * The formula as one line of text with the parameters filled in (also in docs/tension.md).
 *
 * @example tensionFormula(tensionParams()).startsWith('tension(t) =') // true
 */
export function tensionFormula(p: TensionParams): string {
  const m = Object.entries(p.modality)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return (
    `tension(t) = −Σ wᵢ·gᵢ / (Σ wᵢ + k), wᵢ = m(modalityᵢ) · 2^(−(t − dᵢ)/h), over events dated dᵢ with ` +
    `0 ≤ t − dᵢ ≤ L days; gᵢ = Goldstein score (−10 … +10); t = the point's last day (or the as-of ` +
    `day when earlier); h = ${p.halfLifeDays} days, L = ${p.lookbackDays} days, k = ${p.prior}; ` +
    `m: ${m}. Event i contributes −wᵢ·gᵢ / (Σ wᵢ + k). Positive = conflict outweighs cooperation; ` +
    `range −10 … +10.`
  );
}

/**
 * The day an event counts on: its `YYYY-MM-DD` date, the 15th (the month's middle) for a
 * `YYYY-MM` date, null for a year-only or missing date. The store's EVENT_DAY is the same in SQL.
 *
 * @example eventDay('2024-03') // '2024-03-15'
 */
export function eventDay(date: string | null): string | null {
  if (!date || date.length < 7) return null;
  return date.length === 7 ? `${date}-15` : date.slice(0, 10);
}

/**
 * The modality weight of a modality; unknown modalities weigh 0 so they cannot inflate a dyad.
 *
 * @example modalityWeight('alleged', tensionParams()) // 0.5
 */
export function modalityWeight(modality: string, p: TensionParams): number {
  return p.modality[modality] ?? 0;
}

/**
 * Day totals (one row per day and modality, as the store aggregates them) as weighted days,
 * merged per day and sorted.
 *
 * @example dayWeights([{ day: '2024-03-01', modality: 'alleged', events: 2, goldstein: -8 }], p) // [{ day: 19783, weight: 1, weightedGoldstein: -4 }]
 */
export function dayWeights(
  rows: readonly { day: string; modality: string; events: number; goldstein: number }[],
  p: TensionParams,
): DayWeight[] {
  const byDay = new Map<number, DayWeight>();
  // Rows usually come a day's modalities together (the rollup's key order): the day is looked
  // up once per run of equal days.
  let last = '';
  let d: DayWeight | undefined;
  for (const r of rows) {
    if (r.day !== last || !d) {
      last = r.day;
      const day = dayNumber(r.day);
      d = byDay.get(day);
      if (!d) byDay.set(day, (d = { day, weight: 0, weightedGoldstein: 0 }));
    }
    const m = modalityWeight(r.modality, p);
    d.weight += m * r.events;
    d.weightedGoldstein += m * r.goldstein;
  }
  return [...byDay.values()].sort((x, y) => x.day - y.day);
}

/**
 * The tension and its denominator (Σ decayed weights + prior) on each of `asOf` (day numbers,
 * ascending), from weighted days sorted by day.
 *
 * @example tensionSeries(days, [dayNumber('2024-03-31')], p)[0].tension
 */
export function tensionSeries(
  days: readonly DayWeight[],
  asOf: readonly number[],
  p: TensionParams,
): { tension: number; denominator: number }[] {
  const out: { tension: number; denominator: number }[] = [];
  let lo = 0;
  for (const t of asOf) {
    while (lo < days.length && days[lo]!.day < t - p.lookbackDays) lo++;
    let num = 0;
    let den = p.prior;
    for (let i = lo; i < days.length && days[i]!.day <= t; i++) {
      const d = days[i]!;
      const decay = 2 ** (-(t - d.day) / p.halfLifeDays);
      num -= decay * d.weightedGoldstein;
      den += decay * d.weight;
    }
    out.push({ tension: den > 0 ? num / den : 0, denominator: den });
  }
  return out;
}

/**
 * Every event's contribution to the tension on day `asOf` (`YYYY-MM-DD`): the events inside the
 * look-back window, strongest first. Their contributions sum to the returned tension, which
 * equals {@link tensionSeries} on the same events.
 *
 * @example contributions(events, '2024-03-31', p).tension
 */
export function contributions(
  events: readonly TensionEvent[],
  asOf: string,
  p: TensionParams,
): { tension: number; denominator: number; items: Contribution[] } {
  const t = dayNumber(asOf);
  const inside = events.flatMap((e) => {
    const day = eventDay(e.date);
    if (!day) return [];
    const age = t - dayNumber(day);
    if (age < 0 || age > p.lookbackDays) return [];
    return [{ e, day, weight: modalityWeight(e.modality, p) * 2 ** (-age / p.halfLifeDays) }];
  });
  const denominator = inside.reduce((s, x) => s + x.weight, p.prior);
  const items = inside.map(({ e, day, weight }) => ({
    eventId: e.id,
    date: day,
    goldstein: e.goldstein,
    modality: e.modality,
    weight,
    // `+ 0` turns −0 (a zero weight times a positive score) into 0.
    contribution: denominator > 0 ? (-weight * e.goldstein) / denominator + 0 : 0,
  }));
  items.sort(
    (x, y) =>
      Math.abs(y.contribution) - Math.abs(x.contribution) ||
      x.date.localeCompare(y.date) ||
      x.eventId.localeCompare(y.eventId),
  );
  return { tension: items.reduce((s, c) => s + c.contribution, 0), denominator, items };
}

/**
 * One event's contribution to a tension value whose denominator is already known (from
 * {@link tensionSeries}); the same number {@link contributions} gives.
 *
 * @example contributionTo({ id: 'x', date: '2024-03-01', goldstein: -10, modality: 'asserted' }, '2024-03-01', 12, p) // 0.8333
 */
export function contributionTo(e: TensionEvent, asOf: string, denominator: number, p: TensionParams): number {
  const day = eventDay(e.date);
  if (!day || denominator <= 0) return 0;
  const age = dayNumber(asOf) - dayNumber(day);
  if (age < 0 || age > p.lookbackDays) return 0;
  return (-modalityWeight(e.modality, p) * 2 ** (-age / p.halfLifeDays) * e.goldstein) / denominator + 0;
}
