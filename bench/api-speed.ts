/**
 * Query speed on a 1,000,000-event store: `npx tsx bench/api-speed.ts [--db FILE] [--n 200]`.
 * Builds the synthetic store (bench/synthetic-store.ts) when it is missing. Measures p50/p95/max
 * of many random queries, from a seeded generator: dyad series (month, week), filtered event
 * pages (dyad + date range + quad, 50 rows, first and deep offsets), top dyads, alerts, point
 * explanations, and, when src/api/app.ts is there, the same through the HTTP app
 * (`app.request()`, no socket). Dyads are drawn two ways: `busy` (the dyad of a random event,
 * so weighted by activity) and `any` (uniform over dyads with events). Prints a table and
 * writes bench/results/api-speed.json, with the load average. Besides wall time it gives the
 * process's CPU time per call, which other processes on a shared machine change less. Asserts
 * nothing.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alerts } from '../src/analysis/alerts.js';
import { dyadSeries, explainPoint } from '../src/analysis/series.js';
import { topDyads } from '../src/analysis/top-dyads.js';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database as Schema } from '../src/store/schema.js';
import { eventCursor } from '../src/store/event-queries.js';
import { seriesQueries } from '../src/store/series-queries.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { arg, resultsDir, rng } from './shared.js';
import { buildSyntheticStore, SYNTHETIC_DB } from './synthetic-store.js';

const dbPath = path.resolve(arg('--db') ?? SYNTHETIC_DB);
const N = Number(arg('--n') ?? 200);

if (!existsSync(dbPath)) {
  console.log(`building ${dbPath} (1,000,000 events) …`);
  const r = await buildSyntheticStore({ events: 1_000_000, out: dbPath });
  console.log(`built in ${(r.loadSeconds + r.indexSeconds).toFixed(0)} s`);
}

// The dyads and their sizes, read once with plain SQL (setup, not measured).
const raw = new Database(dbPath, { readonly: true });
const dyadRows = raw
  .prepare('SELECT source, target, count(*) AS n FROM events GROUP BY source, target')
  .all() as { source: string; target: string; n: number }[];
const totalEvents = (raw.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
raw.close();
const sizes = new Map<string, number>();
for (const r of dyadRows) {
  const key = r.source < r.target ? `${r.source}|${r.target}` : `${r.target}|${r.source}`;
  sizes.set(key, (sizes.get(key) ?? 0) + r.n);
}
const dyads = [...sizes.entries()].map(([k, n]) => ({ pair: k.split('|') as [string, string], n }));
const cumulative: number[] = [];
let acc = 0;
for (const d of dyads) cumulative.push((acc += d.n));

const random = rng(7);
const busyDyad = () => {
  const x = random() * acc;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return dyads[lo]!.pair;
};
const anyDyad = () => dyads[Math.floor(random() * dyads.length)]!.pair;
const year = () => {
  const start = Math.floor(random() * (4 * 365));
  const from = new Date(Date.UTC(2020, 0, 1) + start * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2020, 0, 1) + (start + 364) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
};
const quad = () => (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4;

interface Figure {
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** CPU time of this process per call (user + system): what the load of other processes changes least. */
  cpuP50: number;
  cpuP95: number;
}
const figures: Figure[] = [];

async function measure(name: string, n: number, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(5, n); i++) await run(); // warm the page cache and statement cache
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  ms.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const f = {
    name,
    n,
    p50: round(q(ms, 0.5)),
    p95: round(q(ms, 0.95)),
    max: round(ms.at(-1)!),
    cpuP50: round(q(cpu, 0.5)),
    cpuP95: round(q(cpu, 0.95)),
  };
  figures.push(f);
  console.log(
    `${name.padEnd(52)} n=${String(n).padStart(4)}  p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms  max ${f.max.toFixed(1).padStart(7)} ms  cpu p50/p95 ${f.cpuP50.toFixed(1)}/${f.cpuP95.toFixed(1)} ms`,
  );
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

const store: Store = await openSqliteStore(dbPath);

/** The query plans of the aggregate queries (EXPLAIN QUERY PLAN): the per-day rollup's key or covering index, or a covering index of events. */
async function queryPlans(): Promise<Record<string, string[]>> {
  const database = new Database(dbPath, { readonly: true });
  let last = { sql: '', parameters: [] as readonly unknown[] };
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database }),
    log: (e) => {
      if (e.level === 'query') last = { sql: e.query.sql, parameters: e.query.parameters };
    },
  });
  const q = seriesQueries(db, 'sqlite');
  const [a, b] = busyDyad();
  const plans: Record<string, string[]> = {};
  for (const [name, run] of [
    ['periodCounts week', () => q.periodCounts({ a, b, interval: 'week', grouped: true })],
    ['dayTotals dyad', () => q.dayTotals({ dyad: [a, b], grouped: true })],
    [
      'dayWeights dyad',
      () => q.dayWeights({ dyad: [a, b], grouped: true, weights: { asserted: 1, alleged: 0.5 } }),
    ],
    [
      'periodEventIds month',
      () => q.periodEventIds({ a, b, interval: 'month', perPeriod: 20, grouped: true }),
    ],
    ['dayTotals window', () => q.dayTotals({ from: '2022-10-01', to: '2023-01-30', grouped: true })],
  ] as const) {
    await run();
    plans[name] = (
      database.prepare(`EXPLAIN QUERY PLAN ${last.sql}`).all(...(last.parameters as unknown[])) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    console.log(`plan ${name}: ${plans[name]!.filter((d) => /SEARCH|SCAN/.test(d)).join('; ')}`);
  }
  await db.destroy();
  return plans;
}
const plans = await queryPlans();
console.log(
  `store ${dbPath}: ${totalEvents} events, ${dyads.length} dyads (largest ${Math.max(...dyads.map((d) => d.n))} events)`,
);

for (const [kind, draw] of [
  ['busy', busyDyad],
  ['any', anyDyad],
] as const) {
  await measure(`dyadSeries month, all years, ${kind} dyad`, N, () => {
    const [a, b] = draw();
    return dyadSeries(store, a, b, { interval: 'month' });
  });
  await measure(`dyadSeries week, one year, ${kind} dyad`, N, () => {
    const [a, b] = draw();
    return dyadSeries(store, a, b, { interval: 'week', ...year() });
  });
  await measure(`dyadSeries week, all years, ${kind} dyad`, N, () => {
    const [a, b] = draw();
    return dyadSeries(store, a, b, { interval: 'week' });
  });
  await measure(`events dyad+year+quad, offset 0, ${kind} dyad`, N, () => {
    const [a, b] = draw();
    return store.events({ dyad: [a, b], ...year(), quad: quad(), limit: 50, offset: 0 });
  });
  await measure(`events dyad+year+quad, deep offset, ${kind} dyad`, N, async () => {
    const [a, b] = draw();
    const f = { dyad: [a, b] as const, ...year(), quad: quad(), limit: 50 };
    // The deep page is half-way through the matching events (measured with its own count).
    const total = (await store.events({ ...f, limit: 1 })).total;
    return store.events({ ...f, offset: Math.floor(total / 100) * 50 });
  });
  await measure(`explainPoint month, ${kind} dyad`, Math.min(N, 100), () => {
    const [a, b] = draw();
    const m = 1 + Math.floor(random() * 12);
    return explainPoint(
      store,
      a,
      b,
      `${2020 + Math.floor(random() * 5)}-${String(m).padStart(2, '0')}`,
      'month',
    );
  });
}
// The worst case of the busy draws: the busiest dyad's whole series.
{
  const [a, b] = dyads.reduce((x, y) => (y.n > x.n ? y : x)).pair;
  for (const interval of ['month', 'week'] as const) {
    await measure(`dyadSeries ${interval}, all years, busiest dyad`, N, () =>
      dyadSeries(store, a, b, { interval }),
    );
  }
}
// Export reading: one 1,000-row page half-way through every event, by offset and by keyset cursor.
{
  const half = Math.floor(totalEvents / 2);
  const before = (await store.events({ limit: 1, offset: half - 1 })).items[0]!;
  const after = eventCursor(before);
  await measure('events page of 1000, half-way, offset', 5, () =>
    store.events({ limit: 1000, offset: half }),
  );
  await measure('events page of 1000, half-way, keyset cursor', 20, () =>
    store.events({ limit: 1000, after }),
  );
}
await measure('topDyads, 30-day window', 30, () => {
  const { to } = year();
  return topDyads(store, { to, from: new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10) });
});
await measure('alerts, every dyad, week, 90 days', 5, () => alerts(store, { to: year().to }));
await measure('alerts, one busy dyad, week, one year', 30, () =>
  alerts(store, { dyad: busyDyad(), ...year() }),
);

// Through the HTTP app, when the API exists (measured in-process with app.request()).
const appFile = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'src', 'api', 'app.ts');
if (existsSync(appFile)) {
  const { createApp } = (await import('../src/api/app.js')) as {
    createApp: (o: { store: Store; webRoot: null; rateLimit: false }) => {
      request: (p: string) => Promise<Response> | Response;
    };
  };
  const app = createApp({ store, webRoot: null, rateLimit: false });
  const get = async (url: string) => {
    const res = await app.request(url);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  await measure('HTTP GET /api/dyads/{a}/{b}/series month, busy', N, () => {
    const [a, b] = busyDyad();
    return get(`/api/dyads/${a}/${b}/series?interval=month`);
  });
  await measure('HTTP GET /api/dyads/{a}/{b}/series week+year, busy', N, () => {
    const [a, b] = busyDyad();
    const y = year();
    return get(`/api/dyads/${a}/${b}/series?interval=week&from=${y.from}&to=${y.to}`);
  });
  await measure('HTTP GET /api/events dyad+year+quad, busy', N, () => {
    const [a, b] = busyDyad();
    const y = year();
    return get(`/api/events?dyad=${a}-${b}&from=${y.from}&to=${y.to}&quad=${quad()}&limit=50`);
  });
  await measure('HTTP GET /api/dyads (top, 30 days)', 30, () => {
    const { to } = year();
    return get(
      `/api/dyads?to=${to}&from=${new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10)}`,
    );
  });
} else {
  console.log('skip HTTP timings: src/api/app.ts is not there yet');
}
await store.close();

mkdirSync(resultsDir, { recursive: true });
const out = path.join(resultsDir, 'api-speed.json');
writeFileSync(
  out,
  `${JSON.stringify(
    {
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      store: { events: totalEvents, dyads: dyads.length, largestDyad: Math.max(...dyads.map((d) => d.n)) },
      goal: 'p95 < 50 ms',
      loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
      figures,
      plans,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
