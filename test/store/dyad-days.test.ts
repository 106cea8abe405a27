import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSyntheticStore } from '../../bench/synthetic-store.js';
import { alerts } from '../../src/analysis/alerts.js';
import { tensionParams } from '../../src/analysis/analysis-params.js';
import { addDays } from '../../src/analysis/periods.js';
import { dyadSeries, explainPoint, windowEvents } from '../../src/analysis/series.js';
import { topDyads } from '../../src/analysis/top-dyads.js';
import { EXAMPLES_DIR } from '../../src/cli/demo.js';
import { expandInputs, ingestOptions, readSource } from '../../src/ingest/index.js';
import type { Doc } from '../../src/model/types.js';
import { processArticle } from '../../src/pipeline/index.js';
import {
  dyadDaysFromEvents,
  dyadPeriodsFromEvents,
  laterReports,
  storedDyadDays,
  storedDyadPeriods,
} from '../../src/store/dyad-days.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { openPostgresStore, postgresEngine } from '../../src/store/postgres.js';
import type { Database as Schema } from '../../src/store/schema.js';
import {
  eventScanQueries,
  seriesQueries,
  type DayTotalRow,
  type WindowEventDetail,
} from '../../src/store/series-queries.js';
import { openSqliteStore, sqliteEngine } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';

/**
 * The per-day rollup `dyad_days` (migration 0007) against the events it sums: on the demo
 * corpus, the kept rollup equals a fresh recount, and every series, top-dyads list, alert and
 * point explanation computed from it equals the one computed by scanning the events (the
 * queries as they were before the rollup) — after ingesting, re-saving duplicates, ingesting in
 * the other order (groups then get renamed after earlier reports), splitting events and undoing
 * the splits. Floats compare to 1e-9 (sums are added in another order); counts, ids, order exactly.
 * So do the events' `representative` marks (migration 0008) against their groups, which the
 * series' strongest ids per period read instead of ranking the events (compared with the ranking
 * for 1, 2 and 20 ids per period).
 */

const CLOCK = () => new Date('2025-09-01T00:00:00Z');
const pgUrl = testPgUrl();
if (!pgUrl) console.warn(PG_SKIP_NOTE);

const docs: Doc[] = [];

beforeAll(async () => {
  const opts = ingestOptions({ cwd: EXAMPLES_DIR });
  for (const source of await expandInputs([EXAMPLES_DIR], EXAMPLES_DIR)) {
    for (const item of await readSource(source, opts)) {
      if (item.ok) docs.push(processArticle(item.article));
    }
  }
  expect(docs.length).toBeGreaterThan(10);
});

/** A store and a second connection to its database, for the event-scan queries and the recount. */
interface Opened {
  store: Store;
  db: Kysely<Schema>;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

const ENGINES: { name: 'sqlite' | 'postgres'; available: boolean; open(): Promise<Opened> }[] = [
  {
    name: 'sqlite',
    available: true,
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), 'faultline-dyad-days-'));
      const file = path.join(dir, 'store.db');
      const store = await openSqliteStore(file, { now: CLOCK });
      const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(file) }) });
      return {
        store,
        db,
        dialect: 'sqlite',
        async close() {
          await db.destroy();
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    available: pgUrl !== null,
    async open() {
      const url = await freshPgDatabase();
      if (!url) throw new Error(PG_SKIP_NOTE);
      const store = await openPostgresStore(url, { now: CLOCK });
      const db = new Kysely<Schema>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
      });
      return {
        store,
        db,
        dialect: 'postgres',
        async close() {
          await db.destroy();
          await store.close();
        },
      };
    },
  },
];

/** The same store answering its aggregates by scanning the events, as before the rollup. */
function scanning(o: Opened): Store {
  return Object.create(o.store, { aggregates: { value: eventScanQueries(o.db, o.dialect) } }) as Store;
}

/** Deep equality where numbers may differ by float rounding (1e-9 relative) and nothing else. */
function expectSame(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
      expect.fail(`${where}: ${actual} ≠ ${expected}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, `${where}.length`).toBe(expected.length);
    expected.forEach((x, i) => expectSame((actual as unknown[])[i], x, `${where}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    expect(actual && typeof actual === 'object', where).toBeTruthy();
    expect(Object.keys(actual as object).sort(), `${where} keys`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) {
      expectSame((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
    }
    return;
  }
  expect(actual, where).toBe(expected);
}

/** Day totals merged per (pair, day, modality) and sorted, so row order and splitting do not matter. */
function merged(rows: readonly DayTotalRow[]): DayTotalRow[] {
  const byKey = new Map<string, DayTotalRow>();
  for (const r of rows) {
    const k = [r.source, r.target, r.day, r.modality].join('|');
    const m = byKey.get(k);
    if (m) {
      m.events += r.events;
      m.goldstein += r.goldstein;
    } else byKey.set(k, { ...r });
  }
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, r]) => r);
}

/** The kept rollup equals a recount from the events; so do the later-report marks of the events. */
async function expectRollupExact(o: Opened): Promise<void> {
  const stored = await storedDyadDays(o.db);
  expect(stored.length).toBeGreaterThan(20);
  expectSame(stored, await dyadDaysFromEvents(o.db), 'dyad_days');
  const periods = await storedDyadPeriods(o.db);
  expect(periods.length).toBeGreaterThan(20);
  expectSame(periods, await dyadPeriodsFromEvents(o.db), 'dyad_periods');
  expect(await laterReports(o.db), 'events.representative').toEqual(
    await laterReports(o.db, { recount: true }),
  );
}

/** Every aggregate and every analysis built on them: from the rollup and from the events alike. */
async function expectSameAnswers(o: Opened, only?: readonly string[]): Promise<{ checked: number }> {
  const fast = o.store;
  const slow = scanning(o);
  let checked = 0;
  const same = async (label: string, run: (s: Store) => Promise<unknown>) => {
    expectSame(await run(fast), await run(slow), label);
    checked += 1;
  };
  const everything = { from: '2000-01-01', to: '2030-12-31', limit: 1000 };
  const all = await topDyads(slow, { ...everything, grouped: false });
  expect(all.length).toBeGreaterThan(3);
  // The ten busiest dyads (or those of the given events), every series of each: the rest are alike.
  const dyads = only
    ? all.filter((d) => only.includes(`${d.a}-${d.b}`) || only.includes(`${d.b}-${d.a}`))
    : all.slice(0, 10);
  const range = (await fast.aggregates.dayRange())!;
  for (const grouped of [true, false]) {
    for (const q of [
      {},
      { from: '2024-01', to: '2024-06-15' },
      { dyad: [dyads[0]!.a, dyads[0]!.b] as const },
    ]) {
      expectSame(
        merged(await fast.aggregates.dayTotals({ ...q, grouped })),
        merged(await slow.aggregates.dayTotals({ ...q, grouped })),
        `dayTotals ${JSON.stringify(q)} grouped ${grouped}`,
      );
    }
    for (const d of dyads) {
      for (const interval of d === dyads[0]
        ? (['day', 'week', 'month'] as const)
        : (['week', 'month'] as const)) {
        const key = (r: { period: string; source: string; quad: number }) =>
          `${r.period}|${r.source}|${r.quad}`;
        const sorted = async (s: Store) =>
          (await s.aggregates.periodCounts({ a: d.a, b: d.b, interval, grouped })).sort((x, y) =>
            key(x) < key(y) ? -1 : 1,
          );
        await same(`periodCounts ${d.a}-${d.b} ${interval} ${grouped}`, sorted);
        if (interval !== 'day') {
          // Ranges that cut periods: a week from a Saturday, a month ending before the 15th
          // (its month-dated events still count), both ends in one week, whole periods only,
          // one open end, an empty range.
          for (const r of [
            { from: '2024-02-10', to: '2024-11-13' },
            { from: '2024-03', to: '2024-06-09' },
            { from: '2024-05-07', to: '2024-05-09' },
            { from: '2024-01-01', to: '2024-06-30' },
            { from: '2024-04-17' },
            { to: '2024-08-03' },
            { from: '2024-06', to: '2024-05' },
          ]) {
            await same(`periodCounts ${d.a}-${d.b} ${interval} ${JSON.stringify(r)} ${grouped}`, async (s) =>
              (await s.aggregates.periodCounts({ a: d.a, b: d.b, interval, grouped, ...r })).sort((x, y) =>
                key(x) < key(y) ? -1 : 1,
              ),
            );
          }
        }
        // Few ids per period: most periods fill up on strong events, the rest from weaker ones.
        for (const perPeriod of [1, 2, 20]) {
          await same(`periodEventIds ${d.a}-${d.b} ${interval} ${perPeriod} ${grouped}`, (s) =>
            s.aggregates.periodEventIds({ a: d.a, b: d.b, interval, perPeriod, grouped }),
          );
        }
        await same(`series ${d.a}-${d.b} ${interval} ${grouped}`, (s) =>
          dyadSeries(s, d.a, d.b, { interval, grouped }),
        );
      }
      await same(`series ${d.a}-${d.b} week 2024 ${grouped}`, (s) =>
        dyadSeries(s, d.b, d.a, { interval: 'week', from: '2024-02-10', to: '2024-11', grouped }),
      );
    }
    for (const d of dyads.slice(0, 2)) {
      const series = await dyadSeries(fast, d.a, d.b, { interval: 'month', grouped });
      const busy = series.points.filter((x) => x.tension !== 0);
      expect(busy.length, `${d.a}-${d.b} ${grouped}`).toBeGreaterThan(0);
      for (const p of busy) {
        await same(`explainPoint ${d.a}-${d.b} ${p.period} ${grouped}`, (s) =>
          explainPoint(s, d.a, d.b, p.period, 'month', { grouped }),
        );
        // The explanation's own event query lists what the event listing lists for the window.
        const from = addDays(p.asOf, -tensionParams().lookbackDays);
        const listed = await windowEvents(fast, d.a, d.b, from, p.asOf, grouped);
        const lean = await fast.aggregates.windowEventDetails({ a: d.a, b: d.b, from, to: p.asOf, grouped });
        const pick = (e: Omit<WindowEventDetail, 'date'> & { date: string | null }) =>
          [
            e.id,
            e.source,
            e.target,
            e.date,
            e.goldstein,
            e.modality,
            e.quadClass,
            e.code,
            e.quote,
            e.documentId,
            e.title,
            e.outlet,
            e.published,
          ].join('|');
        expect(lean.map(pick).sort()).toEqual(listed.map(pick).sort());
        expect(listed.length).toBeGreaterThan(0);
      }
    }
    for (const opts of [
      {},
      { from: range.first, to: range.last },
      { to: range.last, from: range.last.slice(0, 7) },
      { from: '2024-03-01', to: '2024-03-30', sort: 'change' as const },
    ]) {
      await same(`topDyads ${JSON.stringify(opts)} ${grouped}`, (s) => topDyads(s, { ...opts, grouped }));
    }
    for (const opts of [
      {},
      { interval: 'week' as const, from: range.first, to: range.last },
      { interval: 'month' as const, from: range.first, to: range.last },
      { interval: 'day' as const, from: range.first, to: range.last },
      { dyad: [dyads[0]!.a, dyads[0]!.b] as const, interval: 'week' as const, from: range.first },
    ]) {
      await same(`alerts ${JSON.stringify(opts)} ${grouped}`, (s) => alerts(s, { ...opts, grouped }));
    }
  }
  return { checked };
}

/** Events of groups with more than one report: a group's first report and a later one. */
async function groupedPair(store: Store): Promise<{ first: string; later: string; dyad: string }[]> {
  const { items } = await store.events({ grouped: true, limit: 10_000 });
  return items
    .filter((e) => e.mentions.length > 1 && e.date && e.date.length >= 7)
    .map((e) => ({
      first: e.id,
      later: e.mentions.find((m) => m.eventId !== e.id)!.eventId,
      dyad: `${e.source}-${e.target}`,
    }));
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`per-day rollup dyad_days: ${engine.name}`, () => {
    let o: Opened;

    beforeAll(async () => {
      o = await engine.open();
      // Each document twice: the second save is a duplicate and must not count again.
      for (const doc of docs) {
        expect((await o.store.saveDocument(doc)).status).toBe('inserted');
        expect((await o.store.saveDocument({ ...doc, input: `copy/${doc.input}` })).status).toBe('duplicate');
      }
    });

    afterAll(async () => {
      await o?.close();
    });

    it('holds exactly the recount of the stored events', async () => {
      await expectRollupExact(o);
      const rows = await storedDyadDays(o.db);
      const { items } = await o.store.events({ limit: 100_000 });
      const counted = items.filter((e) => e.date && e.date.length >= 7 && e.source !== e.target);
      expect(rows.reduce((n, r) => n + r.events, 0)).toBe(counted.length);
      // The corpus has reports of one happening in several documents: fewer representatives.
      expect(rows.reduce((n, r) => n + r.rep_events, 0)).toBeLessThan(counted.length);
      expect((await laterReports(o.db)).length).toBeGreaterThan(0);
    });

    it('marks the later reports of a store grouped before migration 0008 when it runs', async () => {
      const engineOf = engine.name === 'sqlite' ? sqliteEngine() : postgresEngine();
      const migrator = new Migrator({ db: o.db, provider: migrationProvider(engineOf) });
      const marked = await laterReports(o.db);
      const down = await migrator.migrateTo('0007-dyad-days');
      expect(down.error).toBeUndefined();
      const columns = (await o.db.introspection.getTables()).find((t) => t.name === 'events')!.columns;
      expect(columns.map((c) => c.name)).not.toContain('representative');
      const up = await migrator.migrateToLatest();
      expect(up.error).toBeUndefined();
      expect(up.results?.map((r) => r.migrationName)).toContain('0008-representatives');
      expect(await laterReports(o.db)).toEqual(marked);
      await expectRollupExact(o);
    });

    it(
      'gives the same series, top dyads, alerts and explanations as scanning the events',
      { timeout: 240_000 },
      async () => {
        const { checked } = await expectSameAnswers(o);
        expect(checked).toBeGreaterThan(100);
      },
    );

    it(
      'stays exact through splitting events off their groups and undoing it',
      { timeout: 240_000 },
      async () => {
        const pairs = await groupedPair(o.store);
        expect(pairs.length).toBeGreaterThan(0);
        const { first, later } = pairs[0]!;
        // A later report split off becomes a representative; so does the next report when the first is split.
        expect((await o.store.splitEvent(later)).groupId).toBe(later);
        await expectRollupExact(o);
        const second = pairs[1] ?? pairs[0]!;
        await o.store.splitEvent(second.first);
        await expectRollupExact(o);
        const touched = [pairs[0]!.dyad, second.dyad];
        await expectSameAnswers(o, touched);
        await o.store.unsplitEvent(later);
        await o.store.unsplitEvent(second.first);
        await expectRollupExact(o);
        expect((await o.store.getEventGroup(later))!.groupId).toBe(first);
        await expectSameAnswers(o, touched);
      },
    );
  });
}

describe('per-day rollup dyad_days: documents saved in the other order', () => {
  it('stays exact when a new report renames a stored group after itself', { timeout: 240_000 }, async () => {
    const o = await ENGINES[0]!.open();
    try {
      // In reverse, earlier reports often arrive later and take their groups' names over.
      const saved = new Map<string, number>();
      for (const [i, doc] of [...docs].reverse().entries())
        saved.set((await o.store.saveDocument(doc)).id, i);
      const { items } = await o.store.events({ grouped: true, limit: 10_000 });
      const renamed = items.filter(
        (e) => saved.get(e.documentId)! > Math.min(...e.mentions.map((m) => saved.get(m.documentId)!)),
      );
      expect(renamed.length).toBeGreaterThan(0);
      await expectRollupExact(o);
      await expectSameAnswers(o);
    } finally {
      await o.close();
    }
  });
});

describe('strongest event ids per period on a busy synthetic store', () => {
  it(
    'equal the ranking of the events, busy and quiet dyads, every interval, with and without groups',
    { timeout: 240_000 },
    async () => {
      // Bursts, many |Goldstein| levels, reports joining earlier ones: periods fill at
      // different levels, quiet periods need every level (bench/synthetic-store.ts).
      const dir = mkdtempSync(path.join(tmpdir(), 'faultline-strongest-'));
      const file = path.join(dir, 'store.db');
      await buildSyntheticStore({ events: 30_000, out: file, seed: 11 });
      const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(file) }) });
      try {
        const later = await laterReports(db);
        expect(later.length).toBeGreaterThan(50);
        expect(later).toEqual(await laterReports(db, { recount: true }));
        const pairs = await db
          .selectFrom('events')
          .select(['source', 'target', (eb) => eb.fn.countAll<number>().as('n')])
          .where(sql<boolean>`source < target`)
          .groupBy(['source', 'target'])
          .orderBy('n', 'desc')
          .orderBy('source')
          .orderBy('target')
          .execute();
        const dyads = [...pairs.slice(0, 3), pairs[Math.floor(pairs.length / 2)]!, pairs.at(-1)!];
        const fast = seriesQueries(db, 'sqlite');
        const slow = eventScanQueries(db, 'sqlite');
        let ids = 0;
        for (const d of dyads) {
          for (const interval of ['day', 'week', 'month'] as const) {
            for (const range of [{}, { from: '2022-02-10', to: '2023-03' }]) {
              for (const perPeriod of [1, 5, 20]) {
                for (const grouped of [true, false]) {
                  const q = { a: d.target, b: d.source, interval, perPeriod, grouped, ...range };
                  const got = await fast.periodEventIds(q);
                  expect(got, JSON.stringify(q)).toEqual(await slow.periodEventIds(q));
                  ids += got.length;
                }
              }
            }
          }
        }
        expect(ids).toBeGreaterThan(10_000);
      } finally {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`strongest event ids per period at the edges: ${engine.name}`, () => {
    it('breaks |Goldstein| ties by date then id and keeps each event in its own period', async () => {
      const o = await engine.open();
      try {
        await o.store.saveDocument(docs[0]!);
        const base = await o.db.selectFrom('events').selectAll().executeTakeFirstOrThrow();
        // A dyad of its own: ±5 ties on the last day of March (a Sunday) and on the month
        // itself, the strongest of April on its first day (a Monday), the other direction after.
        const events = [
          { id: 'x:e1', source: 'XAA', target: 'XBB', date: '2024-03-31', goldstein: 5 },
          { id: 'x:e0', source: 'XAA', target: 'XBB', date: '2024-03-31', goldstein: -5 },
          { id: 'x:e2', source: 'XAA', target: 'XBB', date: '2024-03', goldstein: 5 },
          { id: 'x:e3', source: 'XAA', target: 'XBB', date: '2024-04-01', goldstein: -10 },
          { id: 'x:e4', source: 'XAA', target: 'XBB', date: '2024-04-01', goldstein: 1 },
          { id: 'x:e5', source: 'XBB', target: 'XAA', date: '2024-04-02', goldstein: 10 },
          // A domestic event (both ends one actor): listed once, not once per direction.
          { id: 'x:e6', source: 'XAA', target: 'XAA', date: '2024-04-03', goldstein: -2 },
        ];
        await o.db
          .insertInto('events')
          .values(events.map((e, i) => ({ ...base, ...e, idx: 1000 + i, representative: 1 })))
          .execute();
        const fast = seriesQueries(o.db, o.dialect);
        const slow = eventScanQueries(o.db, o.dialect);
        const ids = async (q: Parameters<typeof fast.periodEventIds>[0]) => {
          const got = await fast.periodEventIds(q);
          expect(got, JSON.stringify(q)).toEqual(await slow.periodEventIds(q));
          return got.map((r) => `${r.period} ${r.id}`);
        };
        const dyad = { a: 'XBB', b: 'XAA', grouped: true };
        expect(await ids({ ...dyad, interval: 'month', perPeriod: 2 })).toEqual([
          '2024-03 x:e2',
          '2024-03 x:e0',
          '2024-04 x:e3',
          '2024-04 x:e5',
        ]);
        expect(await ids({ ...dyad, interval: 'week', perPeriod: 2 })).toEqual([
          '2024-03-25 x:e0',
          '2024-03-25 x:e1',
          '2024-04-01 x:e3',
          '2024-04-01 x:e5',
        ]);
        expect(await ids({ ...dyad, interval: 'day', perPeriod: 1 })).toEqual([
          '2024-03-31 x:e0',
          '2024-04-01 x:e3',
          '2024-04-02 x:e5',
        ]);
        expect(
          await ids({ ...dyad, interval: 'month', perPeriod: 9, from: '2024-03-31', to: '2024-04-01' }),
        ).toEqual(['2024-03 x:e2', '2024-03 x:e0', '2024-03 x:e1', '2024-04 x:e3', '2024-04 x:e4']);
        expect(
          await ids({ ...dyad, interval: 'day', perPeriod: 3, from: '2024-04-01', to: '2024-04-01' }),
        ).toEqual(['2024-04-01 x:e3', '2024-04-01 x:e4']);
        expect(await ids({ a: 'XAA', b: 'XAA', grouped: false, interval: 'month', perPeriod: 5 })).toEqual([
          '2024-04 x:e6',
        ]);
      } finally {
        await o.close();
      }
    });
  });
}
