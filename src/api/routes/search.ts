import { createRoute, z } from '@hono/zod-openapi';
import type { ApiApp, RouteDeps } from '../app.js';
import { intParam } from '../params.js';
import { SearchHitSchema, json, listOf } from '../schemas.js';
import { badRequest } from './problems.js';

/** Markers around matched terms in titles and snippets; the dashboard splits on them. */
export const SEARCH_MARKS = ['«', '»'] as const;

const search = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['documents'],
  summary: 'full-text search of document titles and bodies, best first',
  request: {
    query: z.object({
      q: z
        .string()
        .min(1, { error: 'expected some words to search for' })
        .max(500, { error: 'expected at most 500 characters' })
        .openapi({ description: 'words; "quoted phrases" and -excluded words work', example: 'embassy' }),
      limit: intParam(1, 100).default(20).openapi({ description: 'hits, at most 100' }),
    }),
  },
  responses: {
    200: json(
      listOf(SearchHitSchema, 'SearchHits'),
      `matching documents; matched terms are wrapped in ${SEARCH_MARKS[0]} and ${SEARCH_MARKS[1]}`,
    ),
    ...badRequest,
  },
});

/**
 * `GET /api/search?q=`.
 *
 * @example registerSearchRoutes(app, deps)
 */
export function registerSearchRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(search, async (c) => {
    const { q, limit } = c.req.valid('query');
    const items = await store.search(q, { limit, mark: SEARCH_MARKS });
    return c.json({ items, total: items.length }, 200);
  });
}
