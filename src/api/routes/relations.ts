import { createRoute, z } from '@hono/zod-openapi';
import type { ApiApp, RouteDeps } from '../app.js';
import { actorParam, limitParam, offsetParam } from '../params.js';
import { RelationSchema, json, listOf } from '../schemas.js';
import { badRequest } from './problems.js';

const list = createRoute({
  method: 'get',
  path: '/api/relations',
  tags: ['relations'],
  summary: 'stated relations between actors (alliance, rivalry, trade …), each with its quote',
  request: {
    query: z.object({
      actor: actorParam.optional().openapi({ description: 'an actor on either side', example: 'TUR' }),
      limit: limitParam(50),
      offset: offsetParam,
    }),
  },
  responses: {
    200: json(
      listOf(
        RelationSchema.extend({ published: z.string().nullable(), outlet: z.string().nullable() }),
        'RelationList',
      ),
      'one page of relations and the total',
    ),
    ...badRequest,
  },
});

/**
 * `GET /api/relations`.
 *
 * @example registerRelationRoutes(app, deps)
 */
export function registerRelationRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(list, async (c) => c.json(await store.relations(c.req.valid('query')), 200));
}
