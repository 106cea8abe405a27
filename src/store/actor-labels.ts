import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { ActorLabel } from './store.js';

/** Ids per query: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

/**
 * The name and kind of stored actors, read from the actors table alone: what a label needs,
 * without the mention counts of `Store.actors` (which join and group every mention). With `ids`,
 * only those actors (unknown ids are left out); without, every actor. Sorted by id, compared as
 * JavaScript strings so every engine gives the same order whatever its collation.
 *
 * @example await actorLabels(db, ['IRN', 'AZE']) // [{ id: 'AZE', name: 'Azerbaijan', kind: 'state' }, …]
 */
export async function actorLabels(db: Kysely<Database>, ids?: readonly string[]): Promise<ActorLabel[]> {
  const base = db.selectFrom('actors').select(['id', 'name', 'kind']);
  let rows: ActorLabel[];
  if (!ids) rows = await base.execute();
  else {
    const unique = [...new Set(ids)];
    rows = [];
    for (let i = 0; i < unique.length; i += CHUNK) {
      rows.push(...(await base.where('id', 'in', unique.slice(i, i + CHUNK)).execute()));
    }
  }
  return rows
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
