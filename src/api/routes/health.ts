import { createRoute, z } from '@hono/zod-openapi';
import { packageVersion } from '../../ingest/user-agent.js';
import type { ApiApp, RouteDeps } from '../app.js';
import { json } from '../schemas.js';

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    time: z.string().openapi({ description: 'the server clock, ISO 8601' }),
    dialect: z.enum(['sqlite', 'postgres']),
    readOnly: z.boolean(),
    writes: z
      .boolean()
      .openapi({ description: 'whether POST /api/ingest is enabled (a token is configured)' }),
    counts: z.object({
      documents: z.number().int(),
      actors: z.number().int(),
      mentions: z.number().int(),
      events: z.number().int(),
      claims: z.number().int(),
      relations: z.number().int(),
    }),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['meta'],
  summary: 'server status and row counts',
  responses: { 200: json(HealthSchema, 'the server is up and its store answers') },
});

/**
 * `GET /api/health`.
 *
 * @example registerHealthRoutes(app, deps, { readOnly: false, writes: true })
 */
export function registerHealthRoutes(
  app: ApiApp,
  { store, now }: RouteDeps,
  mode: { readOnly: boolean; writes: boolean },
): void {
  const version = packageVersion(); // read from package.json once, not per request
  app.openapi(health, async (c) => {
    const n = await store.counts();
    return c.json(
      {
        status: 'ok' as const,
        version,
        time: now().toISOString(),
        dialect: store.dialect,
        readOnly: mode.readOnly,
        writes: mode.writes,
        counts: {
          documents: n.documents,
          actors: n.actors,
          mentions: n.mentions,
          events: n.events,
          claims: n.claims,
          relations: n.relations,
        },
      },
      200,
    );
  });
}
