import { createRoute, z } from '@hono/zod-openapi';
import { graph } from '../../analysis/network.js';
import type { ApiApp, RouteDeps } from '../app.js';
import { GraphSchema } from '../analysis-schemas.js';
import { checkRange, dateParam } from '../params.js';
import { json } from '../schemas.js';
import { badRequest } from './problems.js';

const network = createRoute({
  method: 'get',
  path: '/api/graph',
  tags: ['network'],
  summary: 'the actor network: who acts on whom (cooperation, conflict) and stated relations',
  request: {
    query: z.object({
      from: dateParam,
      to: dateParam,
      level: z
        .enum(['state', 'actor'], { error: 'expected state or actor' })
        .default('state')
        .openapi({ description: 'state: one node per state; actor: people and organisations too' }),
    }),
  },
  responses: { 200: json(GraphSchema, 'nodes with centrality and community, weighted edges'), ...badRequest },
});

/**
 * `GET /api/graph`.
 *
 * @example registerGraphRoutes(app, deps)
 */
export function registerGraphRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(network, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    return c.json(await graph(store, { from: q.from, to: q.to, level: q.level }), 200);
  });
}
