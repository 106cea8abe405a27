import { createRoute, z } from '@hono/zod-openapi';
import { claimsBoard } from '../../analysis/claims-board.js';
import type { ApiApp, RouteDeps } from '../app.js';
import { BoardItemSchema } from '../analysis-schemas.js';
import { actorParam, limitParam } from '../params.js';
import { json, listOf } from '../schemas.js';
import { badRequest } from './problems.js';

const board = createRoute({
  method: 'get',
  path: '/api/claims',
  tags: ['claims'],
  summary: 'the claims board: each proposition with who asserts it, who denies it, and its sources',
  request: {
    query: z.object({
      actor: actorParam.optional().openapi({ description: 'claims by or about this actor', example: 'IRN' }),
      limit: limitParam(100),
    }),
  },
  responses: {
    200: json(listOf(BoardItemSchema, 'ClaimsBoard'), 'propositions, contradictions first'),
    ...badRequest,
  },
});

/**
 * `GET /api/claims`.
 *
 * @example registerClaimRoutes(app, deps)
 */
export function registerClaimRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(board, async (c) => {
    const { actor, limit } = c.req.valid('query');
    return c.json(await claimsBoard(store, { actor, limit }), 200);
  });
}
