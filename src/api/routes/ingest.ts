import { createRoute, z } from '@hono/zod-openapi';
import type { RawArticle, RawFormat } from '../../model/types.js';
import { processArticle } from '../../pipeline/index.js';
import type { ApiApp, RouteDeps } from '../app.js';
import { ApiError, ProblemSchema } from '../problem.js';
import { json } from '../schemas.js';

const DAY = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const DAY_TEXT = 'expected a date as YYYY-MM-DD';

const meta = {
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) url' })
    .max(2000)
    .optional(),
  title: z.string().max(1000, { error: 'expected at most 1000 characters' }).optional(),
  published: z.string().regex(DAY, { error: DAY_TEXT }).optional(),
};

const IngestBody = z
  .object({
    text: z.string().optional().openapi({ description: 'the article as plain text' }),
    html: z.string().optional().openapi({ description: 'the article as an HTML page' }),
    ...meta,
  })
  .refine((b) => (b.text === undefined) !== (b.html === undefined), {
    error: 'give the article as exactly one of text or html',
  })
  .openapi('IngestRequest');

const IngestResult = z
  .object({
    id: z.string(),
    status: z.enum(['inserted', 'duplicate']),
    nearDuplicateOf: z.string().nullable(),
    similarity: z.number().nullable(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    counts: z.object({
      actors: z.number().int(),
      events: z.number().int(),
      claims: z.number().int(),
      relations: z.number().int(),
    }),
    warnings: z.array(z.string()),
  })
  .openapi('IngestResult');

const problemOf = (description: string) => ({
  content: { 'application/problem+json': { schema: ProblemSchema } },
  description,
});

/** What to send, for error messages. */
export const SEND =
  'send JSON { text | html, url?, title?, published? } or the article as text/plain, text/html or text/markdown';

const RAW_TYPES: Record<string, Exclude<RawFormat, 'plain'>> = {
  'text/plain': 'text',
  'text/html': 'html',
  'text/markdown': 'markdown',
};

const ingest = createRoute({
  method: 'post',
  path: '/api/ingest',
  tags: ['ingest'],
  summary: 'read one article, code it and store it (needs the bearer token)',
  security: [{ bearer: [] }],
  request: {
    query: z.object(meta),
    body: {
      // Not `required`: a required JSON body would be parsed as JSON whatever its type.
      required: false,
      content: {
        'application/json': { schema: IngestBody },
        'text/plain': {
          schema: z.string().openapi({ description: 'the article text; url, title, published as query' }),
        },
        'text/html': { schema: z.string() },
        'text/markdown': { schema: z.string() },
      },
    },
  },
  responses: {
    201: json(IngestResult, 'the article was stored'),
    200: json(IngestResult, 'the same article was stored before; nothing changed'),
    400: problemOf('the body or a parameter is not valid'),
    401: problemOf('no or a wrong bearer token'),
    403: problemOf('writes are disabled: the server has no token'),
    405: problemOf('the server is read-only'),
    413: problemOf('the body is too large'),
    415: problemOf('the content type is not JSON, text/plain, text/html or text/markdown'),
  },
});

/**
 * `POST /api/ingest`: JSON `{ text | html, url?, title?, published? }`, or the article itself
 * as `text/plain`, `text/html` or `text/markdown` (metadata then in the query). Runs the
 * pipeline and saves the document; the write guard has already checked the token.
 *
 * @example registerIngestRoutes(app, deps)
 */
export function registerIngestRoutes(app: ApiApp, { store }: RouteDeps): void {
  app.openapi(ingest, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    let format: Exclude<RawFormat, 'plain'>;
    let text: string;
    let fields: { url?: string; title?: string; published?: string };
    if (type === 'application/json') {
      const body = c.req.valid('json') as z.output<typeof IngestBody>;
      format = body.html !== undefined ? 'html' : 'text';
      text = body.html ?? body.text ?? '';
      fields = body;
    } else if (RAW_TYPES[type]) {
      format = RAW_TYPES[type];
      text = await c.req.text();
      fields = c.req.valid('query');
    } else if (!type) {
      throw new ApiError(400, `invalid body: none was sent; ${SEND}`, {
        type: 'urn:faultline:invalid-parameter',
        in: 'body',
      });
    } else {
      throw new ApiError(415, `cannot read a body of type ${type}; ${SEND}`);
    }
    if (!text.trim()) {
      throw new ApiError(400, 'invalid body: the article is empty; send its text', {
        type: 'urn:faultline:invalid-parameter',
        parameter: format === 'html' ? 'html' : 'text',
        in: 'body',
      });
    }
    const raw: RawArticle = {
      input: fields.url ?? 'api',
      format,
      raw: text,
      hints: { url: fields.url ?? null, title: fields.title ?? null, published: fields.published ?? null },
      warnings: [],
    };
    const doc = processArticle(raw, { published: fields.published ?? null });
    const saved = await store.saveDocument(doc);
    const result = {
      ...saved,
      title: doc.title,
      published: doc.published,
      counts: {
        actors: doc.actors.length,
        events: doc.events.length,
        claims: doc.claims.length,
        relations: doc.relations.length,
      },
      warnings: doc.warnings,
    };
    return saved.status === 'inserted' ? c.json(result, 201) : c.json(result, 200);
  });
}
