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

/**
 * The events matching `filter`, page by page in the store's order (by date, undated last),
 * so an export holds one page at a time, never the whole store. `limit`/`offset` of the
 * filter are ignored: every matching event is read.
 *
 * @example for await (const page of eventPages(store, { dyad: ['IRN', 'AZE'] })) write(page)
 */
export async function* eventPages(
  store: Store,
  filter: EventFilter,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<ExportEvent[]> {
  const { limit: _limit, offset: _offset, ...rest } = filter;
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await store.events({ ...rest, limit: pageSize, offset });
    if (items.length) yield items as ExportEvent[];
    if (items.length < pageSize) return;
  }
}
