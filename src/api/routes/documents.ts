import { createRoute, z } from '@hono/zod-openapi';
import type { ApiApp, RouteDeps } from '../app.js';
import { ApiError } from '../problem.js';
import { documentIdParam, limitParam, offsetParam } from '../params.js';
import { DocumentDetailSchema, DocumentSchema, json, listOf } from '../schemas.js';
import { badRequest, notFound } from './problems.js';

const list = createRoute({
  method: 'get',
  path: '/api/documents',
  tags: ['documents'],
  summary: 'stored documents, in the order they were ingested',
  request: { query: z.object({ limit: limitParam(50), offset: offsetParam }) },
  responses: {
    200: json(listOf(DocumentSchema, 'DocumentList'), 'one page of documents and the total'),
    ...badRequest,
  },
});

const detail = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tags: ['documents'],
  summary: 'one document: its body and everything read from it, with offsets into the body',
  request: { params: z.object({ id: documentIdParam.openapi({ example: '3fa2c1d4e5f60718' }) }) },
  responses: { 200: json(DocumentDetailSchema, 'the document'), ...badRequest, ...notFound },
});

/** Every event of one document (a document codes far fewer than this). */
const DOCUMENT_EVENTS = 10_000;

/**
 * `GET /api/documents`, `GET /api/documents/{id}` (for the dashboard's reader: body, actor
 * mentions, events, claims and relations, all with offsets into the body).
 *
 * @example registerDocumentRoutes(app, deps)
 */
export function registerDocumentRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(list, async (c) => c.json(await store.listDocuments(c.req.valid('query')), 200));

  app.openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const stored = await store.getDocument(id);
    if (!stored) throw new ApiError(404, `no document with id ${id}; list documents with GET /api/documents`);
    const { doc, body, warnings, ...row } = stored;
    const events = await store.events({ documentId: row.id, limit: DOCUMENT_EVENTS });
    const mentions = doc.actors
      .flatMap((a) =>
        a.mentions.map((m) => ({
          actorId: a.id,
          kind: a.kind,
          name: a.name,
          country: a.country,
          text: m.text,
          start: m.start,
          end: m.end,
        })),
      )
      .sort((x, y) => x.start - y.start || x.end - y.end);
    return c.json(
      {
        ...row,
        body,
        warnings,
        actors: doc.actors.map((a) => ({
          id: a.id,
          kind: a.kind,
          name: a.name,
          country: a.country,
          role: a.role,
        })),
        mentions,
        events: events.items,
        claims: doc.claims.map((cl, i) => ({ id: `${row.id}:c${i}`, documentId: row.id, ...cl })),
        relations: doc.relations.map((r, i) => ({ id: `${row.id}:r${i}`, documentId: row.id, ...r })),
      },
      200,
    );
  });
}
