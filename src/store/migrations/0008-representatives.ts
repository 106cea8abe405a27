import type { Kysely, Migration } from 'kysely';
import { backfillRepresentatives } from '../dyad-days.js';
import type { Engine } from '../engine.js';
import type { Database } from '../schema.js';

/**
 * `events.representative`: 1 unless the event is a later report of its happening (see
 * store/dyad-days.ts, which keeps it with the groups), and `events_strength`, the events of an
 * ordered pair by Goldstein score then date and id, with the mark last. A series' strongest event
 * ids per period (store/series-queries.ts periodEventIds) read it one |Goldstein| level at a
 * time, from the strongest, only in the periods not yet full: a busy dyad's ids then cost about
 * as many index entries as ids, with no ranking of its events and no anti-join of its later
 * reports. Filled here from the stored groups.
 */
export function representatives(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('events')
        .addColumn('representative', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Before the index, so the backfill moves no index entries.
      await backfillRepresentatives(db as Kysely<Database>);
      await db.schema
        .createIndex('events_strength')
        .on('events')
        .columns(['source', 'target', 'goldstein', 'date', 'id', 'representative'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('events_strength').ifExists().execute();
      await db.schema.alterTable('events').dropColumn('representative').execute();
    },
  };
}
