import type { EventGroupDetail, EventListItem, EventMention, EventRow } from '../store/store.js';

/**
 * An event with its group of reports, as the event list answers it, built for one event
 * from its group (`GET /api/events/{id}`).
 *
 * @example withGroup(found.event, await store.getEventGroup(found.event.id)).sources
 */
export function withGroup(event: EventRow, group: EventGroupDetail | null): EventListItem {
  const members = group?.events.length ? group.events : [event];
  return {
    ...event,
    groupId: group?.groupId ?? event.id,
    sources: new Set(members.map((m) => m.documentId)).size,
    mentions: members.map(mentionOf),
  };
}

/**
 * One report of an event: its document and the sentence it was coded from.
 *
 * @example mentionOf(row).quote === row.quote
 */
export function mentionOf(e: EventRow): EventMention {
  return {
    eventId: e.id,
    documentId: e.documentId,
    title: e.title,
    outlet: e.outlet,
    published: e.published,
    quote: e.quote,
    start: e.start,
    end: e.end,
  };
}
