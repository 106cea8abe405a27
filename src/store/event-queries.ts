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
 * and `-`) so `--to 2024-03` keeps 2024-03-31; see {@link startKey} for `from`.
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
  if (f.dyad) out.push(dyadEitherWay(eb, 'events', f.dyad));
  if (f.code) out.push(eb('events.code', '=', f.code));
  if (f.root) out.push(eb('events.root', '=', f.root));
  if (f.quad) out.push(eb('events.quad_class', '=', f.quad));
  if (f.from) out.push(eb('events.date', '>=', startKey(f.from)));
  if (f.to) out.push(eb('events.date', '<=', `${f.to}~`));
  if (f.modality) out.push(eb('events.modality', '=', f.modality));
  if (f.outlet) out.push(eb(eb.fn('lower', ['documents.outlet']), '=', f.outlet.toLowerCase()));
  if (f.documentId) out.push(eb('events.document_id', '=', f.documentId));
  return out;
}

/**
 * A dyad in either direction on the `source` and `target` columns of the events or the rollup.
 *
 * @example db.selectFrom('events').selectAll().where((eb) => dyadEitherWay(eb, 'events', ['IRN', 'AZE']))
 */
export function dyadEitherWay<TB extends keyof Database>(
  eb: ExpressionBuilder<Database, TB>,
  table: 'events' | 'dyad_days',
  [a, b]: readonly [string, string],
): Expression<SqlBool> {
  const source = sql.ref<string>(`${table}.source`);
  const target = sql.ref<string>(`${table}.target`);
  return eb.or([
    eb.and([eb(source, '=', a), eb(target, '=', b)]),
    eb.and([eb(source, '=', b), eb(target, '=', a)]),
  ]);
}

/**
 * The `from` bound as compared: a month's first day (`2024-03-01`) becomes the month
 * (`2024-03`), so the month-dated events, which start that day and which the month series
 * counts, are kept where a plain string compare drops them ('2024-03' < '2024-03-01').
 *
 * @example startKey('2024-03-01') // '2024-03'
 */
export function startKey(from: string): string {
  return from.length === 10 && from.endsWith('-01') ? from.slice(0, 7) : from;
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
  return pageEvents(base, f);
}

/**
 * One page of the events of `base` (joined to their documents): after `f.after` in date order
 * (total -1, as a cursor page is not counted), else in `f.sort` order from `f.offset` with the
 * total.
 *
 * @example await pageEvents(db.selectFrom('events').innerJoin('documents', 'documents.id', 'events.document_id'), { limit: 10 })
 */
export async function pageEvents(
  base: SelectQueryBuilder<Database, 'events' | 'documents', object>,
  f: EventFilter,
): Promise<{ items: EventRow[]; total: number }> {
  if (f.after !== undefined) return { items: await pageAfter(base, f), total: -1 };
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
 * The cursor of a row for {@link EventFilter.after}: its date-order sort key (date, document,
 * position in the document), as JSON.
 *
 * @example eventCursor({ id: '3fa2c1:e4', documentId: '3fa2c1', date: '2024-03' }) // '["2024-03","3fa2c1",4]'
 */
export function eventCursor(row: Pick<EventRow, 'id' | 'documentId' | 'date'>): string {
  return JSON.stringify([row.date, row.documentId, Number(row.id.slice(row.id.lastIndexOf(':e') + 2))]);
}

function parseCursor(after: string): [string | null, string, number] {
  let key: unknown;
  try {
    key = JSON.parse(after);
  } catch {
    key = null;
  }
  if (
    !Array.isArray(key) ||
    key.length !== 3 ||
    !(key[0] === null || typeof key[0] === 'string') ||
    typeof key[1] !== 'string' ||
    !Number.isInteger(key[2])
  ) {
    throw new StoreError(`event cursor ${after} is not one eventCursor() made; pass the last row's cursor`);
  }
  return key as [string | null, string, number];
}

/**
 * Up to `limit` rows of `base` after the cursor in date order (dated by date, document and
 * position, then undated by document and position). Row-value comparisons keep each page one
 * index range walk on both engines; the dated and undated parts are two queries because the
 * engines sort NULL dates differently.
 */
export async function pageAfter<Q extends SelectQueryBuilder<Database, 'events' | 'documents', object>>(
  base: Q,
  f: EventFilter,
): Promise<EventRow[]> {
  if ((f.sort && f.sort !== 'date') || f.offset) {
    throw new StoreError(`an event cursor pages the date order only; drop sort (${f.sort}) and offset`);
  }
  const [date, doc, idx] = parseCursor(f.after!);
  const limit = f.limit ?? 50;
  const select = (q: SelectQueryBuilder<Database, 'events' | 'documents', object>) =>
    q.selectAll('events').select(['documents.title', 'documents.outlet', 'documents.published']).limit(limit);
  const out: JoinedRow[] = [];
  if (date !== null) {
    out.push(
      ...((await select(base)
        .where('events.date', 'is not', null)
        .where((eb) =>
          eb(eb.refTuple('events.date', 'events.document_id', 'events.idx'), '>', eb.tuple(date, doc, idx)),
        )
        .orderBy('events.date')
        .orderBy('events.document_id')
        .orderBy('events.idx')
        .execute()) as JoinedRow[]),
    );
  }
  if (out.length < limit) {
    const undated = select(base)
      .where('events.date', 'is', null)
      .orderBy('events.document_id')
      .orderBy('events.idx')
      .limit(limit - out.length);
    out.push(
      ...((await (
        date === null
          ? undated.where((eb) =>
              eb(eb.refTuple('events.document_id', 'events.idx'), '>', eb.tuple(doc, idx)),
            )
          : undated
      ).execute()) as JoinedRow[]),
    );
  }
  return out.map(eventRow);
}

/**
 * The leading ORDER BY of a sort; ties fall back to date, then document and position. NULL
 * dates sort first in SQLite and last in PostgreSQL: undated events are put last explicitly.
 *
 * @example orderEvents(q, '-goldstein').orderBy('events.document_id')
 */
export function orderEvents<Q extends SelectQueryBuilder<Database, 'events' | 'documents', object>>(
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
