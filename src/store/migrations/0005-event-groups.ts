import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../engine.js';
import { groupUngrouped } from '../group-queries.js';
import type { Database } from '../schema.js';

/**
 * `event_groups`: which group of reports of one happening each event is in (see
 * src/analysis/grouping.ts). Indexed by group (a group's members), and by dyad with the first
 * possible day or the document's date (within one CAMEO root), so a save finds the stored events a new one may match
 * without a scan. Events stored before this migration are grouped here, document by document in
 * ingest order, as if saved again.
 */
export function eventGroups(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('event_groups')
        .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('dyad', 'text', (c) => c.notNull())
        .addColumn('root', 'text', (c) => c.notNull())
        .addColumn('day_from', 'text')
        .addColumn('published', 'text')
        .execute();
      await db.schema.createIndex('event_groups_group').on('event_groups').column('group_id').execute();
      // Only events of the same pair and CAMEO root can match: both lookups start there.
      await db.schema
        .createIndex('event_groups_dyad_day')
        .on('event_groups')
        .columns(['dyad', 'root', 'day_from'])
        .execute();
      await db.schema
        .createIndex('event_groups_dyad_published')
        .on('event_groups')
        .columns(['dyad', 'root', 'published'])
        .execute();
      await groupUngrouped(db as Kysely<Database>);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('event_groups').ifExists().execute();
    },
  };
}
