import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alerts } from '../../src/analysis/alerts.js';
import { periodOf } from '../../src/analysis/periods.js';
import { dyadSeries, explainPoint } from '../../src/analysis/series.js';
import { topDyads } from '../../src/analysis/top-dyads.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from './engines.js';
import { eventDoc } from './event-docs.js';
import {
  ALERTS as AP,
  saveDyadEvents as save,
  SERIES_CLOCK as CLOCK,
  TENSION as P,
  type DyadEvent as Ev,
} from './dyad-events.js';

/** IRN–AZE around the turn of 2024/25, both directions, one month-dated report, one other dyad. */
const TURN: Ev[] = [
  { source: 'IRN', target: 'AZE', code: '112', quadClass: 3, goldstein: -2, date: '2024-12-29' },
  { source: 'AZE', target: 'IRN', code: '042', quadClass: 1, goldstein: 1.9, date: '2024-12-31' },
  {
    source: 'IRN',
    target: 'AZE',
    code: '190',
    quadClass: 4,
    goldstein: -10,
    date: '2025-01-02',
    modality: 'alleged',
  },
  { source: 'AZE', target: 'IRN', code: '111', quadClass: 3, goldstein: -2, date: '2025-01' },
  {
    source: 'IRN',
    target: 'AZE',
    code: '057',
    quadClass: 1,
    goldstein: 8,
    date: '2025-01-20',
    modality: 'negated',
  },
  { source: 'ARM', target: 'AZE', code: '112', quadClass: 3, goldstein: -2, date: '2025-01-02' },
];

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`dyad series: ${engine.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await engine.open({ now: CLOCK });
    });
    afterEach(async () => {
      await store.close();
    });

    it('counts by week (ISO Monday, across the year end) with quads, directions and Goldstein', async () => {
      const ids = await save(store, TURN);
      const s = await dyadSeries(store, 'IRN', 'AZE', {
        interval: 'week',
        from: '2024-12-23',
        to: '2025-01-26',
        grouped: false,
        params: P,
      });
      expect(s.points.map((p) => p.period)).toEqual([
        '2024-12-23',
        '2024-12-30',
        '2025-01-06',
        '2025-01-13',
        '2025-01-20',
      ]);
      const [w1, w2, w3, , w5] = s.points;
      expect(w1).toMatchObject({
        events: 1,
        goldstein: -2,
        goldsteinMean: -2,
        quad: { '1': 0, '2': 0, '3': 1, '4': 0 },
      });
      expect(w1!.eventIds).toEqual([ids[0]]);
      expect(w2).toMatchObject({
        events: 2,
        goldstein: -8.1,
        goldsteinMean: -4.05,
        quad: { '1': 1, '2': 0, '3': 0, '4': 1 },
        directions: { ab: { events: 1, goldstein: -10 }, ba: { events: 1, goldstein: 1.9 } },
        asOf: '2025-01-05',
      });
      // Strongest |Goldstein| first.
      expect(w2!.eventIds).toEqual([ids[2], ids[1]]);
      expect(w3).toMatchObject({ events: 0, goldstein: 0, eventIds: [] });
      expect(w5).toMatchObject({ events: 1, quad: { '1': 1, '2': 0, '3': 0, '4': 0 } });
      // Tension on Sunday 2025-01-05, worked by hand: ages 7, 5 and 3 days.
      const a = 2 ** (-7 / 14);
      const b = 2 ** (-5 / 14);
      const c = 0.5 * 2 ** (-3 / 14);
      expect(w2!.tension).toBeCloseTo(-(a * -2 + b * 1.9 + c * -10) / (a + b + c + 2), 10);
      expect(w2!.attention).toBeCloseTo(a + b + c + 2, 10);
      expect(s.formula).toContain('h = 14 days');
    });

    it('counts a month-dated report in the month series only', async () => {
      await save(store, TURN);
      const s = await dyadSeries(store, 'AZE', 'IRN', { interval: 'month', grouped: false, params: P });
      expect(s.points.map((p) => [p.period, p.events, p.goldstein])).toEqual([
        ['2024-12', 2, -0.1],
        ['2025-01', 3, -4],
      ]);
      // A day bound still keeps the month-dated report of its month.
      const jan = await dyadSeries(store, 'AZE', 'IRN', {
        interval: 'month',
        from: '2025-01-01',
        grouped: false,
        params: P,
      });
      expect(jan.points.map((p) => [p.period, p.events])).toEqual([['2025-01', 3]]);
      // a is AZE here: AZE → IRN is `ab`.
      expect(s.points[1]!.directions).toEqual({
        ab: { events: 1, goldstein: -2 },
        ba: { events: 2, goldstein: -2 },
      });
    });

    it('buckets in SQL exactly as periodOf does', async () => {
      const days = [
        // Before 1970 (negative day numbers) and centuries back: the week's number and its
        // Monday's name must agree on both engines there too.
        '1600-02-29',
        '1899-12-31',
        '1969-12-28',
        '1969-12-29',
        '1970-01-01',
        '2020-12-31',
        '2021-01-03',
        '2021-01-04',
        '2024-02-29',
        '2024-12-29',
        '2024-12-30',
        '2025-01-01',
        '2025-01-05',
        '2025-01-06',
        '2026-01-01',
      ];
      await save(
        store,
        days.map((date, i) => ({
          source: 'TUR',
          target: 'GEO',
          code: '0' + String(40 + i).padStart(2, '0'),
          quadClass: 1,
          goldstein: 1,
          date,
        })),
      );
      for (const interval of ['day', 'week', 'month'] as const) {
        const rows = await store.aggregates.periodCounts({ a: 'TUR', b: 'GEO', interval });
        expect([...new Set(rows.map((r) => r.period))].sort()).toEqual(
          [...new Set(days.map((d) => periodOf(d, interval)))].sort(),
        );
      }
    });

    it('explains a point with quotes and titles exactly as stored, whatever they hold', async () => {
      // The explanation's rows come back packed as JSON by the database: quotes and titles
      // with quotes, commas, backslashes, newlines, markup and non-Latin text must survive.
      const sentence =
        'Iran said "no", then\\yes, about <script>alert(1)</script> — Bakı, Ərdəbil 🛰 and a tab\there.';
      const title = 'A "title", with\\ odd\nparts';
      const doc = eventDoc(title, 'Desk, "Caspian"', '2025-02-10', [
        {
          sentence,
          trigger: 'said',
          code: '112',
          source: 'IRN',
          target: 'AZE',
          quadClass: 3,
          goldstein: -2,
          date: '2025-02-10',
        },
      ]);
      const saved = await store.saveDocument(doc);
      const x = await explainPoint(store, 'IRN', 'AZE', '2025-02', 'month', { params: P });
      expect(x.contributions).toHaveLength(1);
      const c = x.contributions[0]!;
      expect(c.eventId).toBe(`${saved.id}:e0`);
      expect(c.quote).toBe(doc.events[0]!.quote);
      expect(c.quote).toContain('<script>');
      expect(c.title).toBe(title);
      expect(c.outlet).toBe('Desk, "Caspian"');
      expect(c.goldstein).toBe(-2);
      expect(c.quadClass).toBe(3);
    });

    it('decomposes a point: contributions sum to its tension, each with quote and weight', async () => {
      const ids = await save(store, TURN);
      const x = await explainPoint(store, 'IRN', 'AZE', '2025-01-20', 'week', { grouped: false, params: P });
      expect(x.point.asOf).toBe('2025-01-26');
      // The month-dated report (2025-01) counts on the 15th.
      expect(x.contributions.map((c) => c.eventId).sort()).toEqual(
        [ids[0], ids[1], ids[2], ids[3], ids[4]].sort(),
      );
      expect(x.contributions.find((c) => c.eventId === ids[3])!.date).toBe('2025-01-15');
      const sum = x.contributions.reduce((s, c) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(x.point.tension, 10);
      const negated = x.contributions.find((c) => c.eventId === ids[4])!;
      expect(negated).toMatchObject({ weight: 0, contribution: 0, goldstein: 8, modality: 'negated' });
      expect(negated.quote).toMatch(/^Report \d+: IRN acted towards AZE/);
      const strongest = x.contributions[0]!;
      expect(strongest.eventId).toBe(ids[2]);
      expect(strongest.weight).toBeCloseTo(0.5 * 2 ** (-24 / 14), 12);
      expect(strongest.contribution).toBeCloseTo((strongest.weight * 10) / x.denominator, 12);
      await expect(explainPoint(store, 'IRN', 'AZE', '2025-01-21', 'week')).rejects.toThrow(/not a week/);
    });

    it('gives the same numbers on every run (no clock)', async () => {
      await save(store, TURN);
      const opts = { interval: 'day' as const, from: '2024-12', to: '2025-01', params: P };
      expect(await dyadSeries(store, 'IRN', 'AZE', opts)).toEqual(
        await dyadSeries(store, 'IRN', 'AZE', opts),
      );
    });

    it('counts one happening once when several documents report it', async () => {
      const e = {
        source: 'IRN',
        target: 'AZE',
        code: '173',
        quadClass: 4 as const,
        goldstein: -5,
        date: '2025-03-03',
      };
      const ids = await save(store, [e, e]);
      // Same day: the group is named after the smaller id (grouping.ts earliestKey).
      const [first, second] = [...ids].sort();
      const group = await store.getEventGroup(second!);
      expect(group?.groupId).toBe(first);
      expect((await store.getEventGroup(first!))?.groupId).toBe(first);
      const grouped = await dyadSeries(store, 'IRN', 'AZE', { interval: 'month', params: P });
      const every = await dyadSeries(store, 'IRN', 'AZE', { interval: 'month', grouped: false, params: P });
      expect(grouped.points.map((p) => p.events)).toEqual([1]);
      expect(every.points.map((p) => p.events)).toEqual([2]);
      const x = await explainPoint(store, 'IRN', 'AZE', '2025-03', 'month', { params: P });
      expect(x.contributions.map((c) => c.eventId)).toEqual([first]);
      expect(x.contributions[0]!.contribution).toBeCloseTo(x.point.tension, 12);
    });

    it('alerts on a week of conflict after weeks of cooperation, with its evidence', async () => {
      const coop: Ev[] = [];
      for (let w = 0; w < 10; w++) {
        for (const day of [1, 3]) {
          const d = new Date(Date.UTC(2024, 8, 2 + w * 7 + day)).toISOString().slice(0, 10);
          coop.push({ source: 'ARM', target: 'AZE', code: '036', quadClass: 1, goldstein: 4, date: d });
        }
      }
      await save(store, coop);
      // Week of Monday 2024-11-11: four material conflict reports, on four days.
      const conflict = await save(
        store,
        ['2024-11-11', '2024-11-12', '2024-11-13', '2024-11-14'].map((date, i) => ({
          source: i % 2 ? 'AZE' : 'ARM',
          target: i % 2 ? 'ARM' : 'AZE',
          code: ['190', '193', '195', '181'][i]!,
          quadClass: 4,
          goldstein: -10,
          date,
        })),
      );
      const found = await alerts(store, {
        dyad: ['ARM', 'AZE'],
        from: '2024-09',
        to: '2024-11-17',
        grouped: false,
        params: AP,
        tension: P,
      });
      expect(found).toHaveLength(1);
      const [al] = found;
      expect(al).toMatchObject({
        a: 'ARM',
        b: 'AZE',
        period: '2024-11-11',
        kind: 'escalation',
        events: 4,
        id: 'ARM-AZE:week:2024-11-11',
      });
      expect(al!.eventIds.sort()).toEqual([...conflict].sort());
      expect(al!.score).toBeGreaterThanOrEqual(3);
      expect(al!.reason).toContain('escalation');
      expect(al!.reason).toContain('4 material conflict');
      const s = await dyadSeries(store, 'ARM', 'AZE', {
        interval: 'week',
        from: '2024-11-11',
        to: '2024-11-17',
        grouped: false,
        params: P,
      });
      expect(al!.value).toBeCloseTo(s.points[0]!.tension, 12);
      // Every dyad: the same alert; a higher minimum of events: none.
      const all = await alerts(store, {
        from: '2024-09',
        to: '2024-11-17',
        grouped: false,
        params: AP,
        tension: P,
      });
      expect(all.map((x) => x.id)).toEqual([al!.id]);
      expect(
        await alerts(store, {
          from: '2024-09',
          to: '2024-11-17',
          grouped: false,
          params: { ...AP, minEvents: 5 },
          tension: P,
        }),
      ).toEqual([]);
    });

    it('ranks dyads by activity in a window and by tension change', async () => {
      await save(store, TURN);
      const top = await topDyads(store, { from: '2024-12-27', to: '2025-01-05', grouped: false, params: P });
      expect(top.map((d) => [d.a, d.b, d.events])).toEqual([
        ['AZE', 'IRN', 3],
        ['ARM', 'AZE', 1],
      ]);
      const s = await dyadSeries(store, 'AZE', 'IRN', {
        interval: 'day',
        from: '2025-01-05',
        to: '2025-01-05',
        grouped: false,
        params: P,
      });
      expect(top[0]!.tension).toBeCloseTo(s.points[0]!.tension, 12);
      expect(top[0]!.previousTension).toBe(0);
      expect(top[0]!.change).toBeCloseTo(top[0]!.tension, 12);
      // The peak is the highest of the window's daily tensions, on its first such day.
      const daily = await dyadSeries(store, 'AZE', 'IRN', {
        interval: 'day',
        from: '2024-12-27',
        to: '2025-01-05',
        grouped: false,
        params: P,
      });
      const highest = Math.max(...daily.points.map((x) => x.tension));
      expect(top[0]!.peak).toBeCloseTo(highest, 12);
      expect(top[0]!.peakDay).toBe(daily.points.find((x) => Math.abs(x.tension - highest) < 1e-12)!.period);
      expect(top[0]!.peak).toBeGreaterThanOrEqual(top[0]!.tension);
      const byChange = await topDyads(store, {
        from: '2024-12-27',
        to: '2025-01-05',
        sort: 'change',
        limit: 1,
        grouped: false,
        params: P,
      });
      expect(byChange).toHaveLength(1);
      expect(byChange[0]!.change).toBe(Math.max(...top.map((d) => Math.abs(d.change))));
    });
  });
}
