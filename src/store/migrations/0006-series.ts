import { sql, type Kysely, type Migration, type SqlBool } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Indexes for dyad series, tension and alerts (store/series-queries.ts). `events_series` covers
 * the per-period and per-day aggregates of one dyad (both directions are two range scans of it)
 * and the dyad filter of `events(filter)`: it holds every column those queries read (the id for
 * the event-group anti-join and the per-period ids), so they never touch the table rows. It starts with the columns of `events_dyad`, which it replaces,
 * so an ingest still keeps one dyad index up to date, not two. `events_window` covers the
 * all-pairs totals of a date window (top dyads, alerts over every dyad). `event_groups_members`
 * holds only the events that are not their group's first report, by dyad, so "count one
 * happening once" reads one dyad's later reports from a small partial index (a `NOT IN` list)
 * instead of probing the groups table once per event.
 */
export function seriesIndexes(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('events_series')
        .on('events')
        .columns(['source', 'target', 'date', 'quad_class', 'modality', 'goldstein', 'id'])
        .execute();
      await db.schema.dropIndex('events_dyad').ifExists().execute();
      await db.schema
        .createIndex('events_window')
        .on('events')
        .columns(['date', 'source', 'target', 'modality', 'goldstein', 'id'])
        .execute();
      await db.schema
        .createIndex('event_groups_members')
        .on('event_groups')
        .columns(['dyad', 'event_id'])
        .where(sql<SqlBool>`group_id <> event_id`)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('event_groups_members').ifExists().execute();
      await db.schema.dropIndex('events_window').ifExists().execute();
      await db.schema.createIndex('events_dyad').on('events').columns(['source', 'target', 'date']).execute();
      await db.schema.dropIndex('events_series').ifExists().execute();
    },
  };
}
