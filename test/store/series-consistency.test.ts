import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alerts } from '../../src/analysis/alerts.js';
import { dyadSeries, explainPoint } from '../../src/analysis/series.js';
import { topDyads } from '../../src/analysis/top-dyads.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from './engines.js';
import {
  saveDyadEvents as save,
  SERIES_CLOCK as CLOCK,
  TENSION as P,
  type DyadEvent as Ev,
} from './dyad-events.js';

/** Day- and month-precision events of IRN–AZE over three months, distinct codes so none group. */
const MIXED: Ev[] = [
  { source: 'IRN', target: 'AZE', code: '112', quadClass: 3, goldstein: -2, date: '2023-03-10' },
  { source: 'IRN', target: 'AZE', code: '130', quadClass: 3, goldstein: -4.4, date: '2023-04' },
  { source: 'AZE', target: 'IRN', code: '042', quadClass: 1, goldstein: 1.9, date: '2023-04' },
  {
    source: 'IRN',
    target: 'AZE',
    code: '190',
    quadClass: 4,
    goldstein: -10,
    date: '2023-04',
    modality: 'alleged',
  },
  { source: 'AZE', target: 'IRN', code: '057', quadClass: 1, goldstein: 8, date: '2023-04' },
  { source: 'IRN', target: 'AZE', code: '173', quadClass: 4, goldstein: -5, date: '2023-04-03' },
  { source: 'AZE', target: 'IRN', code: '036', quadClass: 1, goldstein: 4, date: '2023-05-20' },
  { source: 'IRN', target: 'AZE', code: '2', quadClass: 1, goldstein: 0, date: '2023' },
  // Domestic: not a dyad between two states.
  { source: 'AZE', target: 'AZE', code: '173', quadClass: 4, goldstein: -5, date: '2023-04-03' },
  { source: 'AZE', target: 'AZE', code: '190', quadClass: 4, goldstein: -10, date: '2023-04-05' },
  { source: 'AZE', target: 'AZE', code: '180', quadClass: 4, goldstein: -9, date: '2023-04' },
];

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`series consistency: ${engine.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await engine.open({ now: CLOCK });
    });
    afterEach(async () => {
      await store.close();
    });

    it('explainPoint agrees with the series on day- and month-dated events', async () => {
      await save(store, MIXED);
      for (const interval of ['month', 'week', 'day'] as const) {
        for (const grouped of [true, false]) {
          const s = await dyadSeries(store, 'IRN', 'AZE', { interval, grouped, params: P });
          expect(s.points.length).toBeGreaterThan(0);
          // Some periods hold events, so the comparisons below run at all.
          const busy = s.points.filter((x) => x.events > 0);
          expect(busy.length, `${interval} grouped=${grouped}`).toBeGreaterThan(0);
          for (const pt of busy) {
            const x = await explainPoint(store, 'IRN', 'AZE', pt.period, interval, { grouped, params: P });
            expect(x.point.events, `${interval} ${pt.period}`).toBe(pt.events);
            expect(x.point.goldstein).toBeCloseTo(pt.goldstein, 9);
            expect(x.point.quad).toEqual(pt.quad);
            expect(x.point.tension).toBeCloseTo(pt.tension, 9);
            const sum = x.contributions.reduce((acc, c) => acc + c.contribution, 0);
            expect(sum).toBeCloseTo(pt.tension, 9);
          }
        }
      }
      const april = await dyadSeries(store, 'IRN', 'AZE', { interval: 'month', params: P });
      expect(april.points.map((p) => [p.period, p.events])).toEqual([
        ['2023-03', 1],
        ['2023-04', 5],
        ['2023-05', 1],
      ]);
      // The month's event list (as the dashboard asks it, by day bounds) holds the same five.
      const listed = await store.events({
        dyad: ['IRN', 'AZE'],
        from: '2023-04-01',
        to: '2023-04-30',
        grouped: true,
      });
      expect(listed.total).toBe(5);
      expect(listed.items.filter((e) => e.date === '2023-04')).toHaveLength(4);
      const x = await explainPoint(store, 'IRN', 'AZE', '2023-04', 'month', { params: P });
      expect(x.point.events).toBe(5);
      // Every event dated inside the look-back window of 2023-04-30 enters the tension, month-dated on the 15th.
      expect(x.contributions).toHaveLength(6);
    });

    it('clamps an open range to the stored events: from year 1000 walks only their periods', async () => {
      await save(store, MIXED);
      const s = await dyadSeries(store, 'IRN', 'AZE', {
        interval: 'day',
        from: '1000',
        to: '9999',
        params: P,
      });
      expect(s.points[0]!.period).toBe('2023-03-10');
      // The last event's tension fades over the 70-day look-back: the series runs to its end.
      expect(s.points.at(-1)!.period).toBe('2023-07-29');
      const all = await alerts(store, { interval: 'day', from: '1000', to: '9999', tension: P });
      const near = await alerts(store, { interval: 'day', from: '2023-01-01', to: '2023-06-30', tension: P });
      expect(all).toEqual(near);
      expect(await alerts(store, { from: '1000', to: '1001' })).toEqual([]);
    });

    it('leaves domestic events (source = target) out of dyad rankings and alerts', async () => {
      await save(store, MIXED);
      const top = await topDyads(store, { from: '2023-01-01', to: '2023-12-31', params: P });
      expect(top.map((d) => [d.a, d.b, d.events])).toEqual([['AZE', 'IRN', 7]]);
      const found = await alerts(store, {
        interval: 'day',
        from: '2023-01-01',
        to: '2023-06-30',
        params: {
          interval: 'day',
          baselinePeriods: 3,
          threshold: 0.5,
          minSpread: 0.1,
          minEvents: 1,
          maxEvidence: 10,
          defaultWindowDays: 90,
        },
        tension: P,
      });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((a) => a.a !== a.b)).toBe(true);
      await expect(dyadSeries(store, 'AZE', 'AZE', { interval: 'month' })).rejects.toThrow(
        /two different actors/,
      );
    });
  });
}
