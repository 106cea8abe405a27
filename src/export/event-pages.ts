import { eventCursor } from '../store/event-queries.js';
import type { EventFilter, EventRow, Store } from '../store/store.js';

/** Rows read from the store per query: big enough to amortise a query, small enough to stream. */
export const DEFAULT_PAGE_SIZE = 1000;

/**
 * An event as `Store.events` may return it once events are grouped: the group's id, the
 * number of documents reporting it and each report. All optional, so exports work on stores
 * that do not group yet.
 */
export type ExportEvent = EventRow & {
  groupId?: string;
  sources?: number;
  mentions?: readonly EventMentionLike[];
};

/** One report of a grouped event (the fields the exports read). */
export interface EventMentionLike {
  eventId: string;
  documentId: string;
  outlet?: string | null;
}

/** Filter fields that narrow the rows (the grouped list pages by cursor only without them). */
const NARROWING: readonly (keyof EventFilter)[] = [
  'actor',
  'dyad',
  'code',
  'root',
  'quad',
  'from',
  'to',
  'modality',
  'outlet',
  'documentId',
];

/**
 * The events matching `filter`, page by page in the store's order (by date, undated last),
 * so an export holds one page at a time, never the whole store. `limit`/`offset` of the
 * filter are ignored: every matching event is read. Pages follow a keyset cursor (each page
 * starts after the last row of the one before), so reading a million events stays linear;
 * only a sorted or a filtered grouped list, which the cursor does not cover, pages by offset.
 *
 * @example for await (const page of eventPages(store, { dyad: ['IRN', 'AZE'] })) write(page)
 */
export async function* eventPages(
  store: Store,
  filter: EventFilter,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<ExportEvent[]> {
  const { limit: _limit, offset: _offset, after: _after, ...rest } = filter;
  const keyset =
    (!rest.sort || rest.sort === 'date') && !(rest.grouped && NARROWING.some((k) => filter[k] !== undefined));
  let after: string | undefined;
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await store.events(
      keyset && after !== undefined
        ? { ...rest, limit: pageSize, after }
        : { ...rest, limit: pageSize, offset },
    );
    if (items.length) yield items as ExportEvent[];
    if (items.length < pageSize) return;
    after = eventCursor(items.at(-1)!);
  }
}
