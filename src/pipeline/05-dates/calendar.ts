/** A calendar day (UTC, proleptic Gregorian); month 1–12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

const toMs = (x: Ymd): number => Date.UTC(x.y, x.m - 1, x.d);

function fromMs(ms: number): Ymd {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` for the given precision. @example formatYmd({y:2025,m:2,d:3}, 'month') // '2025-02' */
export function formatYmd(x: Ymd, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'year') return pad(x.y, 4);
  if (precision === 'month') return `${pad(x.y, 4)}-${pad(x.m)}`;
  return `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (missing parts = 1); null when not a real date. @example parseYmd('2025-02') // {y:2025,m:2,d:1} */
export function parseYmd(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s?.trim() ?? '');
  if (!m) return null;
  const x = { y: Number(m[1]), m: Number(m[2] ?? 1), d: Number(m[3] ?? 1) };
  return isValidYmd(x) ? x : null;
}

/** True when the day exists (no 31 April, 29 February only in leap years). @example isValidYmd({y:2023,m:2,d:29}) // false */
export function isValidYmd(x: Ymd): boolean {
  if (x.m < 1 || x.m > 12 || x.d < 1 || x.d > 31) return false;
  const back = fromMs(toMs(x));
  return back.y === x.y && back.m === x.m && back.d === x.d;
}

/** Adds days (negative goes back). @example addDays({y:2025,m:3,d:1}, -1) // {y:2025,m:2,d:28} */
export const addDays = (x: Ymd, n: number): Ymd => fromMs(toMs(x) + n * DAY_MS);

/** Adds months, clamping the day to the target month's length. @example addMonths({y:2025,m:1,d:31}, 1) // {y:2025,m:2,d:28} */
export function addMonths(x: Ymd, n: number): Ymd {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = fromMs(Date.UTC(y, m, 0)).d;
  return { y, m, d: Math.min(x.d, last) };
}

/** 0 = Sunday … 6 = Saturday. @example weekday({y:2025,m:2,d:3}) // 1 */
export const weekday = (x: Ymd): number => new Date(toMs(x)).getUTCDay();

/** Negative, zero or positive as a is before, same as or after b. @example compareYmd(a, a) // 0 */
export const compareYmd = (a: Ymd, b: Ymd): number => toMs(a) - toMs(b);

/** The most recent day with the given weekday on or before `x` (`strict`: before `x`). @example previousWeekday({y:2025,m:2,d:3}, 2, false) // {y:2025,m:1,d:28} */
export function previousWeekday(x: Ymd, wd: number, strict: boolean): Ymd {
  let back = (weekday(x) - wd + 7) % 7;
  if (strict && back === 0) back = 7;
  return addDays(x, -back);
}

/** The Monday of the week holding `x` (weeks run Monday–Sunday, as in ISO 8601). @example mondayOf({y:2025,m:2,d:2}) // {y:2025,m:1,d:27} */
export const mondayOf = (x: Ymd): Ymd => addDays(x, -((weekday(x) + 6) % 7));
