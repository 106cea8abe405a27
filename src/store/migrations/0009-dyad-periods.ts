import { sql, type Kysely, type Migration } from 'kysely';
import { backfillDyadPeriods, DYAD_PERIOD_VALUES } from '../dyad-days.js';
import type { Engine } from '../engine.js';
import type { Database } from '../schema.js';

/**
 * `dyad_periods`: the per-period rollup of events per ordered pair, month and ISO week (see
 * store/dyad-days.ts, which keeps it in step with `dyad_days`), filled here from the stored
 * events. A week or month series reads its whole periods here: one row per period and direction
 * instead of a day's rows per modality grouped again on every request (a busy dyad's five years
 * are ~520 week rows instead of ~9,000 day rows). The key is the primary key (on SQLite a
 * WITHOUT ROWID table, so a dyad's periods are one contiguous range, months before the weeks
 * that start in them).
 */
export function dyadPeriods(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      let table = db.schema
        .createTable('dyad_periods')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull());
      for (const c of DYAD_PERIOD_VALUES) {
        table = table.addColumn(c, c.endsWith('events') ? 'integer' : 'double precision', (col) =>
          col.notNull().defaultTo(0),
        );
      }
      table = table.addPrimaryKeyConstraint('dyad_periods_pk', ['source', 'target', 'period']);
      if (engine.name === 'sqlite') table = table.modifyEnd(sql`without rowid`);
      await table.execute();
      await backfillDyadPeriods(db as Kysely<Database>);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('dyad_periods').ifExists().execute();
    },
  };
}
