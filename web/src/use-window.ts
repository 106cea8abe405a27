import { api } from './api';
import { useApi } from './use-api';

/** The time windows a page can show, ending on the latest stored event. */
export const WINDOWS = [
  ['30d', 'last 30 days', 30],
  ['1y', 'last year', 365],
  ['all', 'all time', 0],
] as const;
export type WindowKey = (typeof WINDOWS)[number][0];

/**
 * The first day of a window of `days` days ending on the latest stored event's date; for
 * `days` 0 (all time) the earliest event's date (never a far-off year: the API then computes
 * alerts over every period since); `undefined` (the API's default) when nothing is dated.
 *
 * @example windowStart({ first: '2021-08', last: '2025-08-08' }, 30) // '2025-07-10'
 */
export function windowStart(
  range: { first: string | null; last: string | null },
  days: number,
): string | undefined {
  if (!days) return range.first ?? undefined;
  if (!range.last) return undefined;
  const [y, m = '12', d = '28'] = range.last.split('-');
  const end = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The chosen window (`?window=`, default all time) and its first day, once the stored events'
 * date range is known (`from` is `null` until then). Windows end on the latest stored event,
 * not today: a corpus of past news still shows its dyads.
 *
 * @example const { key, from, latest } = useWindow(route.query)
 */
export function useWindow(query: URLSearchParams): {
  key: WindowKey;
  from: string | undefined | null;
  latest: string | null | undefined;
} {
  const key = (WINDOWS.find((w) => w[0] === query.get('window'))?.[0] ?? 'all') as WindowKey;
  const days = WINDOWS.find((w) => w[0] === key)![2];
  const range = useApi(
    () =>
      Promise.all([api.events({ sort: 'date', limit: 1 }), api.events({ sort: '-date', limit: 1 })]).then(
        ([a, z]) => ({ first: a.items[0]?.date ?? null, last: z.items[0]?.date ?? null }),
      ),
    [],
  );
  const from = range.data === undefined ? null : windowStart(range.data, days);
  return { key, from, latest: range.data?.last };
}
