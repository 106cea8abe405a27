import { createRoute, z } from '@hono/zod-openapi';
import { alerts } from '../../analysis/index.js';
import type { ApiApp, RouteDeps } from '../app.js';
import { AlertSchema } from '../analysis-schemas.js';
import { checkRange, dateParam, dyadParam, groupedParam, intervalParam } from '../params.js';
import { json, listOf } from '../schemas.js';
import { badRequest } from './problems.js';

const list = createRoute({
  method: 'get',
  path: '/api/alerts',
  tags: ['dyads'],
  summary: 'escalations and de-escalations: periods whose tension left the dyad’s trailing baseline',
  request: {
    query: z.object({
      dyad: dyadParam.openapi({
        description: 'one dyad; every dyad with events when absent',
        example: 'IRN-AZE',
      }),
      interval: intervalParam.optional().openapi({ description: 'default: the configured alert interval' }),
      from: dateParam.openapi({
        description: 'first period that may alert (default: a window up to the last event)',
      }),
      to: dateParam,
      grouped: groupedParam,
    }),
  },
  responses: { 200: json(listOf(AlertSchema, 'AlertList'), 'alerts by period, then |score|'), ...badRequest },
});

/**
 * `GET /api/alerts`.
 *
 * @example registerAlertRoutes(app, deps)
 */
export function registerAlertRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    const items = await alerts(store, {
      dyad: q.dyad,
      interval: q.interval,
      from: q.from,
      to: q.to,
      grouped: q.grouped === 'true',
    });
    return c.json({ items, total: items.length }, 200);
  });
}
