import { PostgresAdapter, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database, DyadDaysTable, DyadPeriodsTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A value column of `dyad_days` (everything but the key). */
export type DyadDayValue = Exclude<keyof DyadDaysTable, 'source' | 'target' | 'day' | 'modality'>;

/** A value column of `dyad_periods` (everything but the key). */
export type DyadPeriodValue = Exclude<keyof DyadPeriodsTable, 'source' | 'target' | 'period'>;

export const QUADS = [1, 2, 3, 4] as const;

/**
 * The value columns, in table order: totals over quad classes first (what the per-day tension
 * rows read), then each quad class's (what the per-period counts read); each for every report
 * and for group representatives only (`rep_`, "count one happening once").
 */
export const DYAD_DAY_VALUES: readonly DyadDayValue[] = (['', 'rep_'] as const).flatMap((rep) => [
  `${rep}events` as DyadDayValue,
  `${rep}goldstein` as DyadDayValue,
  ...QUADS.flatMap((q) => [`${rep}q${q}_events` as DyadDayValue, `${rep}q${q}_goldstein` as DyadDayValue]),
]);

/** The value columns of `dyad_periods`: the quad-class columns of {@link DYAD_DAY_VALUES}, in their order. */
export const DYAD_PERIOD_VALUES: readonly DyadPeriodValue[] = DYAD_DAY_VALUES.filter((c) =>
  /q\d_/.test(c),
) as DyadPeriodValue[];

/** The intervals `dyad_periods` holds. */
export type RollupInterval = 'week' | 'month';

/**
 * The SQL naming the ISO week of a `YYYY-MM-DD` text by its Monday, per engine. In SQLite
 * `weekday 0` moves a date to the next Sunday (or keeps a Sunday), six days back is its Monday.
 *
 * @example weekMonday('sqlite', sql`substr(e.date, 1, 10)`) // date(…, 'weekday 0', '-6 days')
 */
export function weekMonday(dialect: 'sqlite' | 'postgres', day: RawBuilder<unknown>): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char(date_trunc('week', cast(${day} as date)), 'YYYY-MM-DD')`
    : sql<string>`date(${day}, 'weekday 0', '-6 days')`;
}

/** The engine behind a connection or transaction, from its adapter. */
function dialectOf(db: Db): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * An event is its group's representative (counts when "one happening once") unless its
 * `event_groups` row names another event as its group: the same test as the old `NOT IN` list
 * of later reports, so an event without a row counts too.
 */
const REPRESENTATIVE = sql<boolean>`(g.group_id is null or g.group_id = e.id)`;

/** The SELECT list summing events into the value columns, each sum times `all` or `rep`. */
function sums(all: number, rep: number): RawBuilder<number>[] {
  const out: RawBuilder<number>[] = [];
  for (const [scale, only] of [
    [all, sql`1 = 1`],
    [rep, REPRESENTATIVE],
  ] as const) {
    const k = sql.lit(scale);
    out.push(sql<number>`${k} * sum(case when ${only} then 1 else 0 end)`);
    out.push(sql<number>`${k} * sum(case when ${only} then e.goldstein else 0 end)`);
    for (const q of QUADS) {
      const cond = sql`e.quad_class = ${sql.lit(q)} and ${only}`;
      out.push(sql<number>`${k} * sum(case when ${cond} then 1 else 0 end)`);
      out.push(sql<number>`${k} * sum(case when ${cond} then e.goldstein else 0 end)`);
    }
  }
  return out;
}

/**
 * Events summed per ordered pair, day and modality, as `dyad_days` rows. The day is the
 * event's date cut to `YYYY-MM-DD`, or `YYYY-MM` for a month-dated event (so week and day
 * series can leave those out, and the tension counts them on the 15th); year-only and undated
 * events, and domestic ones (source = target), are no dyad's day and are left out.
 */
function rollupSelect(db: Db, all: number, rep: number, where: RawBuilder<unknown>) {
  const day = sql<string>`substr(e.date, 1, 10)`;
  const columns = sums(all, rep).map((s, i) => s.as(DYAD_DAY_VALUES[i]!));
  return db
    .selectFrom('events as e')
    .leftJoin('event_groups as g', 'g.event_id', 'e.id')
    .select(['e.source', 'e.target', day.as('day'), 'e.modality', ...columns])
    .where(sql<boolean>`length(e.date) >= 7 and e.source <> e.target and ${where}`)
    .groupBy(['e.source', 'e.target', day, 'e.modality']);
}

/**
 * Events summed per ordered pair and period, as `dyad_periods` rows: months (every event at
 * least month-dated) and ISO weeks named by their Monday (day-dated events only), the same
 * events {@link rollupSelect} counts, so a period's row is the sum of its days' rows.
 */
function periodSelect(db: Db, all: number, rep: number, where: RawBuilder<unknown>) {
  const values = sums(all, rep);
  const columns = () => DYAD_PERIOD_VALUES.map((c) => values[DYAD_DAY_VALUES.indexOf(c)]!.as(c));
  const one = (interval: RollupInterval) => {
    const period =
      interval === 'month'
        ? sql<string>`substr(e.date, 1, 7)`
        : weekMonday(dialectOf(db), sql`substr(e.date, 1, 10)`);
    return db
      .selectFrom('events as e')
      .leftJoin('event_groups as g', 'g.event_id', 'e.id')
      .select(['e.source', 'e.target', period.as('period'), ...columns()])
      .where(
        sql<boolean>`length(e.date) >= ${sql.lit(interval === 'month' ? 7 : 10)} and e.source <> e.target and ${where}`,
      )
      .groupBy(['e.source', 'e.target', period]);
  };
  // A month key has 7 characters and a week's 10: the two halves never share a row.
  return one('month').unionAll(one('week'));
}

/** INSERT … SELECT … ON CONFLICT DO UPDATE adding the selected sums to the rows of both rollups. */
async function addRollup(db: Db, all: number, rep: number, where: RawBuilder<unknown>): Promise<void> {
  await addDayRows(db, all, rep, where);
  const set = Object.fromEntries(
    DYAD_PERIOD_VALUES.map((c) => [c, sql`${sql.ref(`dyad_periods.${c}`)} + ${sql.ref(`excluded.${c}`)}`]),
  );
  await db
    .insertInto('dyad_periods')
    .columns(['source', 'target', 'period', ...DYAD_PERIOD_VALUES])
    // In key order, as the days: concurrent PostgreSQL writers lock shared rows in one order.
    .expression(periodSelect(db, all, rep, where).orderBy('source').orderBy('target').orderBy('period'))
    .onConflict((oc) => oc.columns(['source', 'target', 'period']).doUpdateSet(set))
    .execute();
}

async function addDayRows(db: Db, all: number, rep: number, where: RawBuilder<unknown>): Promise<void> {
  const set = Object.fromEntries(
    DYAD_DAY_VALUES.map((c) => [c, sql`${sql.ref(`dyad_days.${c}`)} + ${sql.ref(`excluded.${c}`)}`]),
  );
  await db
    .insertInto('dyad_days')
    .columns(['source', 'target', 'day', 'modality', ...DYAD_DAY_VALUES])
    // In key order: two PostgreSQL writers then lock shared rows in the same order (no deadlock).
    .expression(
      rollupSelect(db, all, rep, where)
        .orderBy('e.source')
        .orderBy('e.target')
        .orderBy(sql`substr(e.date, 1, 10)`)
        .orderBy('e.modality'),
    )
    .onConflict((oc) => oc.columns(['source', 'target', 'day', 'modality']).doUpdateSet(set))
    .execute();
}

/**
 * Whether an event (of the `events` table being updated) represents its group, from its
 * `event_groups` row: the same test as {@link REPRESENTATIVE}, as 1 or 0.
 */
const REPRESENTATIVE_FLAG = sql<number>`case when exists (select 1 from event_groups as g where g.event_id = events.id and g.group_id <> events.id) then 0 else 1 end`;

/**
 * Sets `events.representative` (migration 0008) of the events matching `where` from their
 * groups, writing only the rows whose flag changes (each write also moves an index entry).
 */
async function markRepresentatives(db: Db, where: RawBuilder<unknown>): Promise<void> {
  await db
    .updateTable('events')
    .set({ representative: REPRESENTATIVE_FLAG })
    .where(sql<boolean>`${where} and events.representative <> ${REPRESENTATIVE_FLAG}`)
    .execute();
}

/**
 * Adds a saved document's events to the per-day rollup: one statement, inside the document's
 * transaction, after its events were grouped (so each knows whether it represents its group).
 * Adding (not recomputing) keeps concurrent saves on PostgreSQL exact: each adds its own
 * events to the row as it is when the row lock is granted. The events that joined a group
 * are marked later reports (`events.representative`, saved as 1).
 *
 * `events` (the document's) only saves the round trips when none of them is a dated dyad event
 * (for the rollup) or when there are none (for the marks).
 *
 * @example await addDocumentToDyadDays(trx, 'a1b2c3d4e5f60708', doc.events)
 */
export async function addDocumentToDyadDays(
  db: Db,
  documentId: string,
  events: readonly { source: string; target: string; date: string | null }[],
): Promise<void> {
  if (!events.length) return;
  await markRepresentatives(db, sql`events.document_id = ${documentId}`);
  if (!events.some((e) => e.date && e.date.length >= 7 && e.source !== e.target)) return;
  await addRollup(db, 1, 1, sql`e.document_id = ${documentId}`);
}

/**
 * Runs `change` (a regrouping: a split, a group renamed after a new earliest report) and moves
 * the given stored events between "representative" and "later report" in the rollup: their
 * representative sums are taken out before and put back after, as their groups then say. Events
 * whose status does not change cancel out. Every event in `ids` must already be in the rollup.
 * Their `events.representative` marks are then set as their groups say.
 *
 * @example await regrouping(trx, ['a1b2:e0', 'c3d4:e2'], () => renameGroup())
 */
export async function regrouping<T>(db: Db, ids: readonly string[], change: () => Promise<T>): Promise<T> {
  if (!ids.length) return change();
  const only = sql`e.id in (${sql.join([...ids])})`;
  await addRollup(db, 0, -1, only);
  const out = await change();
  await addRollup(db, 0, 1, only);
  await markRepresentatives(db, sql`events.id in (${sql.join([...ids])})`);
  return out;
}

/**
 * Fills `dyad_periods` from every stored event (migration 0009). Two GROUP BYs over the events.
 *
 * @example await backfillDyadPeriods(db)
 */
export async function backfillDyadPeriods(db: Db): Promise<void> {
  await db
    .insertInto('dyad_periods')
    .columns(['source', 'target', 'period', ...DYAD_PERIOD_VALUES])
    .expression(periodSelect(db, 1, 1, sql`1 = 1`))
    .execute();
}

/**
 * Fills `dyad_days` from every stored event (migration 0007). One GROUP BY over the events.
 *
 * @example await backfillDyadDays(db)
 */
export async function backfillDyadDays(db: Db): Promise<void> {
  await db
    .insertInto('dyad_days')
    .columns(['source', 'target', 'day', 'modality', ...DYAD_DAY_VALUES])
    .expression(rollupSelect(db, 1, 1, sql`1 = 1`))
    .execute();
}

/**
 * Marks the later reports of the stored events (`representative` 0, migration 0008), every
 * event being marked 1 before (the column's default). One UPDATE, its ids read from the
 * partial index of migration 0006.
 *
 * @example await backfillRepresentatives(db)
 */
export async function backfillRepresentatives(db: Db): Promise<void> {
  await db
    .updateTable('events')
    .set({ representative: 0 })
    .where('events.id', 'in', (eb) =>
      eb
        .selectFrom('event_groups as g')
        .select('g.event_id')
        .where(sql<boolean>`g.group_id <> g.event_id`),
    )
    .execute();
}

/**
 * The ids of the events marked later reports (`representative` 0), sorted: with
 * `{ recount: true }` as their groups say instead, for checking the kept marks against.
 *
 * @example expect(await laterReports(db)).toEqual(await laterReports(db, { recount: true }))
 */
export async function laterReports(db: Db, opts: { recount?: boolean } = {}): Promise<string[]> {
  const rows = opts.recount
    ? await db
        .selectFrom('event_groups as g')
        .innerJoin('events', 'events.id', 'g.event_id')
        .select('events.id')
        .where(sql<boolean>`g.group_id <> g.event_id`)
        .execute()
    : await db.selectFrom('events').select('events.id').where('events.representative', '=', 0).execute();
  return rows.map((r) => r.id).sort();
}

/**
 * What `dyad_days` should hold, counted afresh from the events (the backfill's GROUP BY), for
 * checking the kept rollup against: rows sorted by key, numbers as numbers.
 *
 * @example expect(await storedDyadDays(db)).toEqual(await dyadDaysFromEvents(db))
 */
export async function dyadDaysFromEvents(db: Db): Promise<DyadDaysTable[]> {
  return sortedRows(await rollupSelect(db, 1, 1, sql`1 = 1`).execute());
}

/**
 * Every row of `dyad_days`, sorted by key, numbers as numbers.
 *
 * @example (await storedDyadDays(db)).length
 */
export async function storedDyadDays(db: Db): Promise<DyadDaysTable[]> {
  return sortedRows(await db.selectFrom('dyad_days').selectAll().execute());
}

/**
 * What `dyad_periods` should hold, counted afresh from the events, for checking the kept rollup
 * against: rows sorted by key, numbers as numbers.
 *
 * @example expect(await storedDyadPeriods(db)).toEqual(await dyadPeriodsFromEvents(db))
 */
export async function dyadPeriodsFromEvents(db: Db): Promise<DyadPeriodsTable[]> {
  return sortedRows(await periodSelect(db, 1, 1, sql`1 = 1`).execute(), DYAD_PERIOD_VALUES);
}

/**
 * Every row of `dyad_periods`, sorted by key, numbers as numbers.
 *
 * @example (await storedDyadPeriods(db)).length
 */
export async function storedDyadPeriods(db: Db): Promise<DyadPeriodsTable[]> {
  return sortedRows(await db.selectFrom('dyad_periods').selectAll().execute(), DYAD_PERIOD_VALUES);
}

function sortedRows<T>(rows: readonly object[], values: readonly string[] = DYAD_DAY_VALUES): T[] {
  const key = (r: Record<string, unknown>) =>
    [r.source, r.target, r.day ?? r.period, r.modality ?? ''].join('\u0000');
  return rows
    .map((r) => {
      const row = { ...r } as Record<string, unknown>;
      for (const c of values) row[c] = Number(row[c]);
      return row;
    })
    .sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0)) as T[];
}
