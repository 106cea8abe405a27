import { createRoute, z } from '@hono/zod-openapi';
import { dyadSeries, explainPoint, topDyads, type Interval } from '../../analysis/index.js';
import { dayNumber, firstDayOf, lastDayOf, maybePeriod } from '../../analysis/periods.js';
import { MAX_POINTS } from '../../analysis/series.js';
import type { Store } from '../../store/store.js';
import type { ApiApp, RouteDeps } from '../app.js';
import { DyadSeriesSchema, DyadSummarySchema, PointExplanationSchema } from '../analysis-schemas.js';
import { invalidParameter } from '../problem.js';
import { checkRange, codeParam, dateParam, groupedParam, intervalParam, intParam } from '../params.js';
import { json, listOf } from '../schemas.js';
import { badRequest } from './problems.js';

const pair = z.object({
  a: codeParam.openapi({ example: 'IRN' }),
  b: codeParam.openapi({ example: 'AZE' }),
});

const range = {
  from: dateParam.openapi({ description: 'first date (YYYY, YYYY-MM or YYYY-MM-DD)' }),
  to: dateParam.openapi({ description: 'last date, inclusive at its precision' }),
};

const top = createRoute({
  method: 'get',
  path: '/api/dyads',
  tags: ['dyads'],
  summary: 'the most active dyads of a window, with tension and its change since the window before',
  request: {
    query: z.object({
      ...range,
      limit: intParam(1, 500).default(20),
      sort: z.enum(['events', 'change'], { error: 'expected events or change' }).default('events'),
      grouped: groupedParam,
    }),
  },
  responses: { 200: json(listOf(DyadSummarySchema, 'DyadList'), 'dyads, most active first'), ...badRequest },
});

const series = createRoute({
  method: 'get',
  path: '/api/dyads/{a}/{b}/series',
  tags: ['dyads'],
  summary: "a dyad's events, Goldstein sums, quad classes and tension per period",
  request: {
    params: pair,
    query: z.object({ interval: intervalParam.default('month'), ...range, grouped: groupedParam }),
  },
  responses: { 200: json(DyadSeriesSchema, 'one point per period, empty periods included'), ...badRequest },
});

const explain = createRoute({
  method: 'get',
  path: '/api/dyads/{a}/{b}/series/{period}',
  tags: ['dyads'],
  summary: "why one point of a dyad's series has its tension: every event behind it, with its share",
  request: {
    params: pair.extend({
      period: z
        .string()
        .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, { error: 'expected a period as YYYY-MM (month) or YYYY-MM-DD' })
        .openapi({ example: '2024-03' }),
    }),
    query: z.object({
      interval: intervalParam
        .optional()
        .openapi({ description: 'default: month for YYYY-MM, day for YYYY-MM-DD; week needs its Monday' }),
      grouped: groupedParam,
    }),
  },
  responses: { 200: json(PointExplanationSchema, 'the point and its contributions'), ...badRequest },
});

/**
 * `GET /api/dyads`, `GET /api/dyads/{a}/{b}/series`, `GET /api/dyads/{a}/{b}/series/{period}`.
 *
 * @example registerDyadRoutes(app, deps)
 */
export function registerDyadRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(top, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    const items = await topDyads(store, {
      from: q.from,
      to: q.to,
      limit: q.limit,
      sort: q.sort,
      grouped: q.grouped === 'true',
    });
    return c.json({ items, total: items.length }, 200);
  });

  app.openapi(series, async (c) => {
    const { a, b } = c.req.valid('param');
    const q = c.req.valid('query');
    checkPair(a, b);
    checkRange(q.from, q.to);
    await checkLength(store, [a, b], q.interval, q.from, q.to);
    const s = await dyadSeries(store, a, b, {
      interval: q.interval,
      from: q.from,
      to: q.to,
      grouped: q.grouped === 'true',
    });
    return c.json(s, 200);
  });

  app.openapi(explain, async (c) => {
    const { a, b, period } = c.req.valid('param');
    const q = c.req.valid('query');
    checkPair(a, b);
    const interval: Interval = q.interval ?? (period.length === 7 ? 'month' : 'day');
    if (!maybePeriod(period, interval)) {
      const shape =
        interval === 'month'
          ? 'YYYY-MM'
          : interval === 'week'
            ? "the week's Monday as YYYY-MM-DD"
            : 'YYYY-MM-DD';
      throw invalidParameter('path', 'period', `${period} is not a ${interval}; give ${shape}`);
    }
    return c.json(await explainPoint(store, a, b, period, interval, { grouped: q.grouped === 'true' }), 200);
  });
}

function checkPair(a: string, b: string): void {
  if (a === b) throw invalidParameter('path', 'b', `a dyad needs two different actors (got ${a} twice)`);
}

/** Refuses a series with more points than the analysis computes, before computing anything. */
async function checkLength(
  store: Store,
  dyad: [string, string],
  interval: Interval,
  from: string | undefined,
  to: string | undefined,
): Promise<void> {
  const known = from && to ? null : await store.aggregates.dayRange({ dyad });
  const first = from ? firstDayOf(from) : known?.first;
  const last = to ? lastDayOf(to) : known?.last;
  if (!first || !last) return;
  const days = dayNumber(last) - dayNumber(first) + 1;
  const points =
    interval === 'day' ? days : interval === 'week' ? Math.ceil(days / 7) + 1 : Math.ceil(days / 28) + 1;
  if (points > MAX_POINTS) {
    throw invalidParameter(
      'query',
      'interval',
      `a ${interval} series from ${first} to ${last} has about ${points} points (at most ${MAX_POINTS}); pass a coarser interval or a shorter range`,
    );
  }
}
