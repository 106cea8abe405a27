/**
 * Calendar arithmetic of series periods, on UTC days: a day is `YYYY-MM-DD`, a week is named by
 * its ISO Monday (`2024-12-30` is the week holding 2025-01-01), a month is `YYYY-MM`. The SQL
 * helper in store/series-queries.ts buckets the same way; a test holds the two together.
 */

export type Interval = 'day' | 'week' | 'month';

export const INTERVALS: readonly Interval[] = ['day', 'week', 'month'];

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` day (a day past its month's end rolls into the next
 * month, as with Date.UTC; other text falls back to Date.UTC).
 *
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(day: string): number {
  const y = digits(day, 0, 4);
  const m = digits(day, 5, 2);
  const d = digits(day, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 0) {
    return Math.round(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / MS_PER_DAY);
  }
  return daysFromCivil(y, m, d);
}

/**
 * The `YYYY-MM-DD` day of a day number.
 *
 * @example dayOf(1) // '1970-01-02'
 */
export function dayOf(n: number): string {
  // Outside years 0000–9999 (and for non-integers) Date's own text, as before.
  if (!Number.isInteger(n) || n < MIN_DAY || n > MAX_DAY) {
    return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  }
  const [y, m, d] = civilFromDays(n);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

// The proleptic Gregorian calendar by arithmetic on 400-year eras (146,097 days each), March
// first so the leap day ends the year: what Date computes, without building a Date and its ISO
// text for each of the thousands of days a series names (a third of a week series' JavaScript
// time went to Date#toISOString).
const DAYS_PER_ERA = 146_097;
/** Days from 0000-03-01 to 1970-01-01. */
const EPOCH_SHIFT = 719_468;
const MIN_DAY = -719_528; // 0000-01-01
const MAX_DAY = 2_932_896; // 9999-12-31

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
}

function civilFromDays(n: number): [number, number, number] {
  const z = n + EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** The number written by `length` ASCII digits at `start`, or -1 when one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The day `n` days after (before, when negative) a day.
 *
 * @example addDays('2024-03-01', -1) // '2024-02-29'
 */
export function addDays(day: string, n: number): string {
  return dayOf(dayNumber(day) + n);
}

/**
 * The period a day falls in.
 *
 * @example periodOf('2025-01-01', 'week') // '2024-12-30'
 */
export function periodOf(day: string, interval: Interval): string {
  if (interval === 'month') return day.slice(0, 7);
  if (interval === 'day') return day.slice(0, 10);
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  return dayOf(n - ((((n + 3) % 7) + 7) % 7));
}

/**
 * The first day of a period.
 *
 * @example periodStart('2024-02', 'month') // '2024-02-01'
 */
export function periodStart(period: string, interval: Interval): string {
  return interval === 'month' ? `${period}-01` : period;
}

/**
 * The last day of a period.
 *
 * @example periodEnd('2024-02', 'month') // '2024-02-29'
 */
export function periodEnd(period: string, interval: Interval): string {
  if (interval === 'day') return period;
  if (interval === 'week') return addDays(period, 6);
  return lastDayOfMonth(period);
}

/**
 * The period after a period.
 *
 * @example nextPeriod('2024-12', 'month') // '2025-01'
 */
export function nextPeriod(period: string, interval: Interval): string {
  return periodOf(addDays(periodEnd(period, interval), 1), interval);
}

/**
 * The period `n` periods before a period.
 *
 * @example previousPeriods('2024-03', 'month', 2) // '2024-01'
 */
export function previousPeriods(period: string, interval: Interval, n: number): string {
  let p = period;
  for (let i = 0; i < n; i++) p = periodOf(addDays(periodStart(p, interval), -1), interval);
  return p;
}

/**
 * Every period from the one holding `first` to the one holding `last`, in order.
 *
 * @example periodsBetween('2024-01-15', '2024-03-02', 'month') // ['2024-01', '2024-02', '2024-03']
 */
export function periodsBetween(first: string, last: string, interval: Interval): string[] {
  const out: string[] = [];
  const end = periodOf(last, interval);
  for (let p = periodOf(first, interval); p <= end; p = nextPeriod(p, interval)) out.push(p);
  return out;
}

/**
 * The first day of a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
 *
 * @example firstDayOf('2024') // '2024-01-01'
 */
export function firstDayOf(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date.slice(0, 10);
}

/**
 * The last day of a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
 *
 * @example lastDayOf('2024-02') // '2024-02-29'
 */
export function lastDayOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return lastDayOfMonth(date);
  return date.slice(0, 10);
}

function lastDayOfMonth(month: string): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  return dayOf(Math.round(Date.UTC(y, m, 0) / MS_PER_DAY));
}

/**
 * A period name checked against its interval: a real day, a Monday for weeks, `YYYY-MM` for
 * months. Returns null when it is not one.
 *
 * @example maybePeriod('2024-03-04', 'week') // '2024-03-04'
 */
export function maybePeriod(value: string, interval: Interval): string | null {
  const v = value.trim();
  if (interval === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(v);
    return m && +m[2]! >= 1 && +m[2]! <= 12 ? v : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || dayOf(dayNumber(v)) !== v) return null;
  return interval === 'week' && periodOf(v, 'week') !== v ? null : v;
}
