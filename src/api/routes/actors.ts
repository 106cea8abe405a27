import { createRoute, z } from '@hono/zod-openapi';
import type { ApiApp, RouteDeps } from '../app.js';
import { ApiError } from '../problem.js';
import { actorParam, limitParam, offsetParam } from '../params.js';
import { ActorDetailSchema, ActorSchema, json, listOf } from '../schemas.js';
import { badRequest, notFound } from './problems.js';

const list = createRoute({
  method: 'get',
  path: '/api/actors',
  tags: ['actors'],
  summary: 'actors seen in the documents, most mentioned first',
  request: {
    query: z.object({
      kind: z
        .enum(['state', 'person', 'org', 'igo', 'group', 'place'], {
          error: 'expected state, person, org, igo, group or place',
        })
        .optional(),
      q: z
        .string()
        .max(200, { error: 'expected at most 200 characters' })
        .optional()
        .openapi({ description: 'part of the name or id, case-insensitive' }),
      limit: limitParam(100),
      offset: offsetParam,
    }),
  },
  responses: {
    200: json(listOf(ActorSchema, 'ActorList'), 'one page of actors and the total'),
    ...badRequest,
  },
});

const detail = createRoute({
  method: 'get',
  path: '/api/actors/{id}',
  tags: ['actors'],
  summary: 'one actor: where it is mentioned and its latest events',
  request: { params: z.object({ id: actorParam.openapi({ example: 'AZE' }) }) },
  responses: { 200: json(ActorDetailSchema, 'the actor'), ...badRequest, ...notFound },
});

/**
 * `GET /api/actors`, `GET /api/actors/{id}`.
 *
 * @example registerActorRoutes(app, deps)
 */
export function registerActorRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(list, async (c) => {
    const { kind, q, limit, offset } = c.req.valid('query');
    const needle = q?.toLowerCase();
    const all = (await store.actors()).filter(
      (a) =>
        (!kind || a.kind === kind) &&
        (!needle || a.name.toLowerCase().includes(needle) || a.id.toLowerCase().includes(needle)),
    );
    return c.json({ items: all.slice(offset, offset + limit), total: all.length }, 200);
  });

  app.openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const actors = await store.actors();
    const actor =
      actors.find((a) => a.id === id) ?? actors.find((a) => a.id.toLowerCase() === id.toLowerCase());
    if (!actor) throw new ApiError(404, `no actor with id ${id}; list actors with GET /api/actors`);
    const [mentionsIn, events] = await Promise.all([
      store.actorMentions(actor.id, { limit: 50 }),
      store.events({ actor: actor.id, sort: '-date', limit: 50 }),
    ]);
    return c.json({ ...actor, mentionsIn, events }, 200);
  });
}
