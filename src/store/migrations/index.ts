import type { Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../engine.js';
import { initial } from './0001-initial.js';
import { search } from './0002-search.js';
import { eventsAndClaimLinks } from './0003-events.js';
import { leanIngest } from './0004-lean-ingest.js';
import { eventGroups } from './0005-event-groups.js';
import { seriesIndexes } from './0006-series.js';
import { dyadDays } from './0007-dyad-days.js';
import { representatives } from './0008-representatives.js';
import { dyadPeriods } from './0009-dyad-periods.js';

/**
 * Every migration, as code, in order (Kysely sorts by name). Add a file and a line here;
 * never edit a released migration.
 *
 * @example new Migrator({ db, provider: migrationProvider(engine) })
 */
export function migrationProvider(engine: Engine): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-initial': initial(engine),
    '0002-search': search(engine),
    '0003-events': eventsAndClaimLinks(engine),
    '0004-lean-ingest': leanIngest(engine),
    '0005-event-groups': eventGroups(engine),
    '0006-series': seriesIndexes(engine),
    '0007-dyad-days': dyadDays(engine),
    '0008-representatives': representatives(engine),
    '0009-dyad-periods': dyadPeriods(engine),
  };
  return { getMigrations: async () => all };
}
