import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type { CodedEvent } from '../model/types.js';
import type { Database, EventsTable } from './schema.js';
import { paged } from './paged.js';
import { StoreError, type EventDetail, type EventFilter, type EventRow, type EventSort } from './store.js';

type EventsEb = ExpressionBuilder<Database, 'events' | 'documents'>;

/**
 * The WHERE conditions of an event filter, written once for every engine. Dates compare as
 * strings: `YYYY` < `YYYY-MM` < `YYYY-MM-DD`, and `to` is padded with `~` (above every digit
 * and `-`) so `--to 2024-03` keeps 2024-03-31.
 */
export function conditions(eb: EventsEb, f: EventFilter): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.actor) {
    out.push(
      eb.or([
        eb('events.source', '=', f.actor),
        eb('events.target', '=', f.actor),
        eb('events.source_actor', '=', f.actor),
        eb('events.target_actor', '=', f.actor),
      ]),
    );
  }
  if (f.dyad) {
    const [a, b] = f.dyad;
    out.push(
      eb.or([
        eb.and([eb('events.source', '=', a), eb('events.target', '=', b)]),
        eb.and([eb('events.source', '=', b), eb('events.target', '=', a)]),
      ]),
    );
  }
  if (f.code) out.push(eb('events.code', '=', f.code));
  if (f.root) out.push(eb('events.root', '=', f.root));
  if (f.quad) out.push(eb('events.quad_class', '=', f.quad));
  if (f.from) out.push(eb('events.date', '>=', f.from));
  if (f.to) out.push(eb('events.date', '<=', `${f.to}~`));
  if (f.modality) out.push(eb('events.modality', '=', f.modality));
  if (f.outlet) out.push(eb(eb.fn('lower', ['documents.outlet']), '=', f.outlet.toLowerCase()));
  if (f.documentId) out.push(eb('events.document_id', '=', f.documentId));
  return out;
}

/**
 * Stored events matching a filter, by date (undated last), then document and position.
 *
 * @example await listEvents(db, { dyad: ['IRN', 'AZE'], from: '2024' })
 */
export async function listEvents(
  db: Kysely<Database>,
  f: EventFilter = {},
): Promise<{ items: EventRow[]; total: number }> {
  const base = db
    .selectFrom('events')
    .innerJoin('documents', 'documents.id', 'events.document_id')
    .where((eb) => eb.and(conditions(eb, f)));
  const { rows, total } = await paged(
    base,
    (q) =>
      q
        .selectAll('events')
        .select(['documents.title', 'documents.outlet', 'documents.published'])
        .$call((o) => orderEvents(o, f.sort ?? 'date'))
        .orderBy('events.document_id')
        .orderBy('events.idx'),
    f,
  );
  return { items: rows.map(eventRow), total };
}

/**
 * The leading ORDER BY of a sort; ties fall back to date, then document and position. NULL
 * dates sort first in SQLite and last in PostgreSQL: undated events are put last explicitly.
 */
function orderEvents<Q extends SelectQueryBuilder<Database, 'events' | 'documents', object>>(
  q: Q,
  sort: EventSort,
): Q {
  const desc = sort.startsWith('-');
  const dir = desc ? 'desc' : 'asc';
  const undatedLast = sql`case when events.date is null then 1 else 0 end`;
  if (sort.endsWith('goldstein')) {
    return q.orderBy('events.goldstein', dir).orderBy(undatedLast).orderBy('events.date') as Q;
  }
  return q.orderBy(undatedLast).orderBy('events.date', dir) as Q;
}

/**
 * One event by id (`<doc>:e<i>`) or unique prefix, with the mentions inside its quote.
 * Null when nothing matches; StoreError when a prefix matches several.
 *
 * @example await eventDetail(db, '3fa2c1:e4')
 */
export async function eventDetail(db: Kysely<Database>, idOrPrefix: string): Promise<EventDetail | null> {
  const key = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]{1,16}(?::(?:e\d*)?)?$/.test(key)) return null;
  const select = () =>
    db
      .selectFrom('events')
      .innerJoin('documents', 'documents.id', 'events.document_id')
      .selectAll('events')
      .select(['documents.title', 'documents.outlet', 'documents.published']);
  let rows = await select().where('events.id', '=', key).execute();
  if (!rows.length) {
    // `bebc:e3` is a document prefix with an exact index; `bebc47` a plain prefix.
    const exact = /^([0-9a-f]+):(e\d+)$/.exec(key);
    const pattern = exact ? `${exact[1]}%:${exact[2]}` : `${key}%`;
    rows = await select().where('events.id', 'like', pattern).orderBy('events.id').limit(5).execute();
  }
  if (rows.length > 1) {
    throw new StoreError(
      `event id prefix ${key} matches ${rows.length === 5 ? 'several' : rows.length} events (${rows.map((r) => r.id).join(', ')}); give more characters`,
    );
  }
  const row = rows[0];
  if (!row) return null;
  const mentions = await db
    .selectFrom('mentions')
    .innerJoin('actors', 'actors.id', 'mentions.actor_id')
    .select([
      'mentions.actor_id',
      'actors.kind',
      'actors.country',
      'mentions.text',
      'mentions.start_offset',
      'mentions.end_offset',
    ])
    .where('mentions.document_id', '=', row.document_id)
    .where('mentions.start_offset', '>=', row.start_offset)
    .where('mentions.end_offset', '<=', row.end_offset)
    .orderBy('mentions.start_offset')
    .execute();
  return {
    event: eventRow(row),
    mentions: mentions.map((m) => ({
      actorId: m.actor_id,
      kind: m.kind,
      country: m.country,
      text: m.text,
      start: m.start_offset,
      end: m.end_offset,
    })),
  };
}

export type JoinedRow = EventsTable & {
  title: string | null;
  outlet: string | null;
  published: string | null;
};

/** An event row joined with its document's summary, as the store returns it. @example eventRow(row).id */
export function eventRow(r: JoinedRow): EventRow {
  const event: CodedEvent = {
    source: r.source,
    target: r.target,
    sourceActor: r.source_actor,
    targetActor: r.target_actor,
    code: r.code,
    root: r.root,
    quadClass: Number(r.quad_class) as CodedEvent['quadClass'],
    goldstein: Number(r.goldstein),
    plover: r.plover,
    date: r.date,
    datePrecision: r.date_precision as CodedEvent['datePrecision'],
    modality: r.modality as CodedEvent['modality'],
    quote: r.quote,
    start: Number(r.start_offset),
    end: Number(r.end_offset),
    rule: r.rule,
  };
  if (r.trigger_start != null && r.trigger_end != null) {
    event.trigger = { start: Number(r.trigger_start), end: Number(r.trigger_end) };
  }
  return {
    id: r.id,
    documentId: r.document_id,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    ...event,
  };
}
