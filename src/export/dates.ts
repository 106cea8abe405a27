/**
 * Date helpers for the exports. Our event dates are partial (`YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`); formats that want a day get the first day of the period.
 */

/**
 * The first day a partial date covers, as `YYYY-MM-DD`; null for none or a malformed value.
 *
 * @example firstDay('2024-03') // '2024-03-01'
 */
export function firstDay(date: string | null | undefined): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? '');
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : null;
}

/**
 * The last day a partial date covers, as `YYYY-MM-DD` (month lengths and leap years kept).
 *
 * @example lastDay('2024-02') // '2024-02-29'
 */
export function lastDay(date: string | null | undefined): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? '');
  if (!m) return null;
  if (m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  const month = m[2] ?? '12';
  const days = new Date(Date.UTC(+m[1]!, +month, 0)).getUTCDate();
  return `${m[1]}-${month}-${String(days).padStart(2, '0')}`;
}

/**
 * An ISO timestamp as GDELT's `YYYYMMDDHHMMSS` (UTC); empty when there is none.
 *
 * @example compactTimestamp('2025-02-01T12:00:00.000Z') // '20250201120000'
 */
export function compactTimestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
