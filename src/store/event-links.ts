import type { Kysely } from 'kysely';
import { conditions, orderEvents } from './event-queries.js';
import type { Database } from './schema.js';
import type { EventFilter, EventLink } from './store.js';

/**
 * Every stored event matching the filter as a lean link (who acted on whom, how, in which group),
 * in the date order of `Store.events`: what the network needs, without quotes, documents'
 * titles or mentions. One query; paging and `grouped` do not apply.
 *
 * @example await eventLinks(db, { from: '2024', to: '2024-12' })
 */
export async function eventLinks(
  db: Kysely<Database>,
  f: Omit<EventFilter, 'limit' | 'offset' | 'after' | 'grouped' | 'sort'> = {},
): Promise<EventLink[]> {
  const rows = await db
    .selectFrom('events')
    .innerJoin('documents', 'documents.id', 'events.document_id')
    .leftJoin('event_groups', 'event_groups.event_id', 'events.id')
    .where((eb) => eb.and(conditions(eb, f)))
    .select([
      'events.id',
      'event_groups.group_id',
      'events.source',
      'events.target',
      'events.source_actor',
      'events.target_actor',
      'events.quad_class',
      'events.goldstein',
    ])
    .$call((q) => orderEvents(q, 'date'))
    .orderBy('events.document_id')
    .orderBy('events.idx')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id ?? r.id,
    source: r.source,
    target: r.target,
    sourceActor: r.source_actor,
    targetActor: r.target_actor,
    quadClass: Number(r.quad_class) as EventLink['quadClass'],
    goldstein: Number(r.goldstein),
  }));
}
