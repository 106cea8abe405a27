import { createRoute, z } from '@hono/zod-openapi';
import type { EventFilter } from '../../store/store.js';
import type { ApiApp, RouteDeps } from '../app.js';
import { withGroup } from '../event-items.js';
import { ApiError } from '../problem.js';
import {
  actorParam,
  checkRange,
  dateParam,
  dyadParam,
  eventIdParam,
  limitParam,
  offsetParam,
  quadParam,
} from '../params.js';
import { EventDetailSchema, EventSchema, json, listOf } from '../schemas.js';
import { badRequest, notFound } from './problems.js';

/** The event filters of `GET /api/events`, also used by routes that list an actor's events. */
export const EventQuery = z.object({
  actor: actorParam.optional().openapi({ description: 'an actor on either side', example: 'AZE' }),
  dyad: dyadParam.openapi({ description: 'events between the two, either direction', example: 'IRN-AZE' }),
  code: z
    .string()
    .regex(/^\d{2,4}$/, { error: 'expected a CAMEO code of 2 to 4 digits such as 114' })
    .optional()
    .openapi({ example: '114' }),
  root: z
    .string()
    .regex(/^\d{2}$/, { error: 'expected a CAMEO root code of 2 digits such as 11' })
    .optional()
    .openapi({ example: '11' }),
  quad: quadParam,
  from: dateParam.openapi({
    description: 'first date (YYYY, YYYY-MM or YYYY-MM-DD); undated events are left out',
  }),
  to: dateParam.openapi({ description: 'last date, inclusive at its precision (2024-03 keeps 2024-03-31)' }),
  modality: z
    .enum(['asserted', 'alleged', 'denied', 'hypothetical', 'negated'], {
      error: 'expected asserted, alleged, denied, hypothetical or negated',
    })
    .optional(),
  outlet: z.string().max(200, { error: 'expected at most 200 characters' }).optional(),
  grouped: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .optional()
    .openapi({ description: 'true: one row per reported happening, with all its reports as mentions' }),
  sort: z
    .enum(['date', '-date', 'goldstein', '-goldstein'], {
      error: 'expected date, -date, goldstein or -goldstein',
    })
    .default('date')
    .openapi({ description: 'order of the rows; - for descending; undated events always come last' }),
  limit: limitParam(50),
  offset: offsetParam,
});

const list = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary: 'coded events, filtered and paged',
  request: { query: EventQuery },
  responses: {
    200: json(listOf(EventSchema, 'EventList'), 'one page of events and the total'),
    ...badRequest,
  },
});

const detail = createRoute({
  method: 'get',
  path: '/api/events/{id}',
  tags: ['events'],
  summary: 'one event with the actor mentions in its quote and its group of reports',
  request: { params: z.object({ id: eventIdParam.openapi({ example: '3fa2c1d4e5f60718:e4' }) }) },
  responses: {
    200: json(EventDetailSchema, 'the event'),
    ...badRequest,
    ...notFound,
  },
});

/**
 * A store filter from validated query values; `to` before `from` is refused here since the
 * store would quietly answer nothing.
 *
 * @example eventFilter({ dyad: ['IRN', 'AZE'], sort: 'date', limit: 50, offset: 0 })
 */
export function eventFilter(q: z.output<typeof EventQuery>): EventFilter {
  checkRange(q.from, q.to);
  const filter: EventFilter = {
    actor: q.actor,
    dyad: q.dyad,
    code: q.code,
    root: q.root,
    quad: q.quad as EventFilter['quad'],
    from: q.from,
    to: q.to,
    modality: q.modality,
    outlet: q.outlet,
    sort: q.sort,
    limit: q.limit,
    offset: q.offset,
  };
  if (q.grouped) filter.grouped = q.grouped === 'true';
  return filter;
}

/**
 * `GET /api/events`, `GET /api/events/{id}`.
 *
 * @example registerEventRoutes(app, deps)
 */
export function registerEventRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(list, async (c) => c.json(await store.events(eventFilter(c.req.valid('query'))), 200));

  app.openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const found = await store.getEvent(id);
    if (!found) throw new ApiError(404, `no event with id ${id}; list events with GET /api/events`);
    const group = await store.getEventGroup(found.event.id);
    const event = withGroup(found.event, group);
    return c.json(
      {
        event,
        mentions: found.mentions,
        group: group ?? {
          groupId: event.groupId,
          reason: 'reported once',
          events: [{ ...found.event, reason: 'reported once', pinned: false }],
        },
      },
      200,
    );
  });
}
