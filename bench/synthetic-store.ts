/**
 * Builds a synthetic SQLite store of 1,000,000 events (default) for the API speed benchmark:
 * `npx tsx bench/synthetic-store.ts [--events N] [--out FILE]`.
 *
 * The schema comes from the store's own migrations; rows are then written directly with
 * better-sqlite3 in large transactions, with the secondary indexes dropped during the load and
 * rebuilt after (from their own `CREATE INDEX` text), which is several times faster than
 * saving documents one by one. The data is random but shaped like news coding, from a seeded
 * generator so every run builds the same store:
 * - ~60 states, activity Zipf-like (a few states in most events), pairs drawn by activity;
 * - five years (2020–2024), a slow drift plus occasional bursts (a crisis on a dyad);
 * - CAMEO codes from the ontology with their quad class and Goldstein score, conflict more
 *   likely during a burst; modalities mostly asserted; 85% dated to a day, 10% to a month,
 *   5% to a year;
 * - documents of 1–20 events each, with titles, outlets and dates; every event in
 *   `event_groups`, about one in eight joining an earlier report of the same happening;
 * - the per-day rollup `dyad_days` and the events' later-report marks filled from them at the
 *   end, as migrations 0007 and 0008 do.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Kysely, SqliteDialect } from 'kysely';
import { cameoRegistry } from '../src/model/cameo.js';
import { backfillDyadDays, backfillRepresentatives } from '../src/store/dyad-days.js';
import type { Database as Schema } from '../src/store/schema.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { arg, repoRoot, rng } from './shared.js';

export const SYNTHETIC_DB = path.join(repoRoot, 'bench', '.data', 'synthetic-1m.db');

const DAY_MS = 86_400_000;
const START = Date.UTC(2020, 0, 1);
const DAYS = 5 * 365 + 1;
const OUTLETS = [
  'Caspian Desk',
  'Highland Times',
  'Gulf Ledger',
  'Steppe Wire',
  'Harbour Post',
  'Delta Courier',
];
const MODALITIES: [string, number][] = [
  ['asserted', 0.8],
  ['alleged', 0.08],
  ['hypothetical', 0.06],
  ['denied', 0.03],
  ['negated', 0.03],
];

function pick<T>(items: readonly [T, number][], r: number): T {
  let acc = 0;
  for (const [item, w] of items) {
    acc += w;
    if (r < acc) return item;
  }
  return items[items.length - 1]![0];
}

/** A cumulative table for drawing an index by weight with one random number. */
function sampler(weights: readonly number[]): (r: number) => number {
  const cum: number[] = [];
  let total = 0;
  for (const w of weights) cum.push((total += w));
  return (r) => {
    const x = r * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Writes the synthetic store and returns its path and counts.
 *
 * @example await buildSyntheticStore({ events: 10_000, out: '/tmp/s.db' })
 */
export async function buildSyntheticStore(opts: { events: number; out: string; seed?: number }) {
  const started = performance.now();
  mkdirSync(path.dirname(opts.out), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(opts.out + suffix, { force: true });
  // The schema, exactly as the store makes it.
  await (await openSqliteStore(opts.out)).close();
  const db = new Database(opts.out);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('events', 'event_groups', 'documents')",
    )
    .all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);

  const random = rng(opts.seed ?? 20240501);
  const countries = createRequire(import.meta.url)('world-countries') as { cca3: string }[];
  const states = countries
    .map((c) => c.cca3)
    .filter((c) => /^[A-Z]{3}$/.test(c))
    .sort()
    .filter((_c, i) => i % 4 === 0)
    .slice(0, 60);
  // Zipf-like activity: the k-th state weighs 1/k^0.9, states shuffled so the busy ones vary.
  const order = states
    .map((s) => ({ s, k: random() }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.s);
  const drawState = sampler(order.map((_s, k) => 1 / (k + 1) ** 0.9));
  const codes = cameoRegistry().codes.filter((c) => c.level >= 2);
  const conflict = codes.filter((c) => c.quad >= 3);
  const calm = codes.filter((c) => c.quad <= 2);
  const drawCode = sampler(codes.map((c) => (c.quad <= 2 ? 1.6 : 1)));
  // Bursts: 400 crises of 5–40 days on a random busy dyad, with 4× the usual events and mostly conflict.
  const bursts = Array.from({ length: 400 }, () => {
    const a = order[drawState(random())]!;
    let b = order[drawState(random())]!;
    while (b === a) b = order[drawState(random())]!;
    const day = Math.floor(random() * DAYS);
    return { a, b, from: day, to: day + 5 + Math.floor(random() * 35) };
  });

  const insertDoc =
    db.prepare(`INSERT INTO documents (id, content_hash, input, url, title, published, author, outlet,
      format, body, warnings, doc, minhash, near_duplicate_of, similarity, actor_count, event_count, claim_count,
      relation_count, ingested_at) VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, 'text', ?, '[]', '{}', NULL, NULL, NULL, 2, ?, 0, 0, ?)`);
  const insertEvent =
    db.prepare(`INSERT INTO events (id, document_id, idx, source, target, source_actor, target_actor,
      code, root, quad_class, goldstein, plover, date, date_precision, modality, quote, start_offset, end_offset, rule,
      trigger_start, trigger_end) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 0, ?, 'synthetic', NULL, NULL)`);
  const insertGroup =
    db.prepare(`INSERT INTO event_groups (event_id, group_id, reason, pinned, dyad, root, day_from, published)
      VALUES (?, ?, ?, 0, ?, ?, ?, ?)`);
  const insertActor = db.prepare(
    `INSERT OR IGNORE INTO actors (id, kind, name, country, role, sector) VALUES (?, 'state', ?, ?, NULL, NULL)`,
  );
  for (const s of states) insertActor.run(s, s, s);

  /** The latest event of each dyad and day, which a later report may join. */
  const recent = new Map<string, string>();
  let events = 0;
  let documents = 0;
  const batch = db.transaction((n: number) => {
    for (let k = 0; k < n && events < opts.events; k++) {
      const docDay = Math.floor(random() ** 0.8 * DAYS);
      const published = new Date(START + docDay * DAY_MS).toISOString().slice(0, 10);
      const id = (documents + 1).toString(16).padStart(16, '0');
      const size = Math.min(opts.events - events, 1 + Math.floor(random() * random() * 20));
      const outlet = OUTLETS[documents % OUTLETS.length]!;
      insertDoc.run(
        id,
        `hash-${id}`,
        `synthetic/${id}.txt`,
        `Synthetic report ${documents + 1}`,
        published,
        outlet,
        `Synthetic body ${documents + 1}.`,
        size,
        `${published}T12:00:00.000Z`,
      );
      for (let i = 0; i < size; i++) {
        const day = Math.max(0, docDay - Math.floor(random() * random() * 10));
        const burst = random() < 0.12 ? bursts[Math.floor(random() * bursts.length)]! : null;
        const inBurst = burst && day >= burst.from && day <= burst.to ? burst : null;
        let a = inBurst?.a ?? order[drawState(random())]!;
        let b = inBurst?.b ?? order[drawState(random())]!;
        while (b === a) b = order[drawState(random())]!;
        if (random() < 0.5) [a, b] = [b, a];
        const list = inBurst ? (random() < 0.8 ? conflict : calm) : null;
        const code = list ? list[Math.floor(random() * list.length)]! : codes[drawCode(random())]!;
        const iso = new Date(START + day * DAY_MS).toISOString().slice(0, 10);
        const r = random();
        const [date, precision] =
          r < 0.85 ? [iso, 'day'] : r < 0.95 ? [iso.slice(0, 7), 'month'] : [iso.slice(0, 4), 'year'];
        const eventId = `${id}:e${i}`;
        const quote = `${a} and ${b}: ${code.name.toLowerCase()} (synthetic report ${events + 1}).`;
        insertEvent.run(
          eventId,
          id,
          i,
          a,
          b,
          code.code,
          code.root,
          code.quad,
          code.goldstein,
          date,
          precision,
          pick(MODALITIES, random()),
          quote,
          quote.length,
        );
        const dyad = a < b ? `${a}|${b}` : `${b}|${a}`;
        const key = `${dyad}|${code.root}|${date}`;
        const earlier = recent.get(key);
        const joins = earlier !== undefined && random() < 0.5;
        insertGroup.run(
          eventId,
          joins ? earlier : eventId,
          joins ? 'synthetic: same dyad, root and date' : 'first report',
          dyad,
          code.root,
          precision === 'day' ? date : null,
          published,
        );
        if (!joins) recent.set(key, eventId);
        events++;
      }
      documents++;
    }
  });
  while (events < opts.events) batch(20_000);
  const loaded = performance.now();
  for (const i of indexes) db.exec(i.sql);
  // The per-day rollup and the later-report marks, from the rows just written, as migrations
  // 0007 and 0008 fill them.
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: db }) });
  await backfillDyadDays(kysely);
  await backfillRepresentatives(kysely);
  // No ANALYZE: the store never runs it, so the planner here sees what it sees for a user.
  db.pragma('wal_checkpoint(TRUNCATE)');
  await kysely.destroy(); // closes db
  const done = performance.now();
  return {
    path: opts.out,
    events,
    documents,
    states: states.length,
    loadSeconds: (loaded - started) / 1000,
    indexSeconds: (done - loaded) / 1000,
  };
}

/** Run directly: build (or with --if-missing, reuse) the store. */
if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(repoRoot, 'bench', 'synthetic-store.ts')
) {
  const out = path.resolve(arg('--out') ?? SYNTHETIC_DB);
  if (process.argv.includes('--if-missing') && existsSync(out)) {
    console.log(`synthetic store exists: ${out}`);
  } else {
    const r = await buildSyntheticStore({ events: Number(arg('--events') ?? 1_000_000), out });
    console.log(
      `synthetic store ${r.path}: ${r.events} events, ${r.documents} documents, ${r.states} states; ` +
        `rows ${r.loadSeconds.toFixed(1)} s, indexes ${r.indexSeconds.toFixed(1)} s`,
    );
  }
}
