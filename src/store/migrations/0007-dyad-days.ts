import { sql, type Kysely, type Migration } from 'kysely';
import { backfillDyadDays, DYAD_DAY_VALUES } from '../dyad-days.js';
import type { Engine } from '../engine.js';
import type { Database } from '../schema.js';

/**
 * `dyad_days`: the per-day rollup of events per ordered pair, day and modality (see
 * store/dyad-days.ts), filled here from the stored events. Series, tension, top dyads and alerts
 * read it instead of the events: a busy dyad has tens of thousands of events but one row per
 * day and modality. Exact, because every event of a day has the same age in the tension index.
 * The key is the primary key (on SQLite a WITHOUT ROWID table, so a dyad's days are one
 * contiguous range); `dyad_days_window` covers the all-pairs totals of a date window.
 */
export function dyadDays(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      let table = db.schema
        .createTable('dyad_days')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('modality', 'text', (c) => c.notNull());
      for (const c of DYAD_DAY_VALUES) {
        table = table.addColumn(c, c.endsWith('events') ? 'integer' : 'double precision', (col) =>
          col.notNull().defaultTo(0),
        );
      }
      table = table.addPrimaryKeyConstraint('dyad_days_pk', ['source', 'target', 'day', 'modality']);
      if (engine.name === 'sqlite') table = table.modifyEnd(sql`without rowid`);
      await table.execute();
      await db.schema
        .createIndex('dyad_days_window')
        .on('dyad_days')
        .columns([
          'day',
          'source',
          'target',
          'modality',
          'events',
          'goldstein',
          'rep_events',
          'rep_goldstein',
        ])
        .execute();
      await backfillDyadDays(db as Kysely<Database>);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('dyad_days').ifExists().execute();
    },
  };
}
