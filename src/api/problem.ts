import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_TYPE = 'application/problem+json';

/** An RFC 9457 problem details object, as every error is answered. */
export interface Problem {
  /** A URI naming the kind of problem; `about:blank` when the status says it all. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path the problem is about. */
  instance?: string;
  /** For invalid input: the offending parameter and where it was given. */
  parameter?: string;
  in?: 'query' | 'path' | 'body' | 'header';
}

/** The OpenAPI schema of {@link Problem}, referenced by every route's error answers. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:faultline:invalid-parameter' }),
    title: z.string().openapi({ example: 'Bad Request' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ example: "invalid query parameter 'quad': expected 1–4" }),
    instance: z.string().optional(),
    parameter: z.string().optional(),
    in: z.enum(['query', 'path', 'body', 'header']).optional(),
  })
  .openapi('Problem');

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * An error a route throws to answer with a problem; the app's error handler writes it.
 *
 * @example throw new ApiError(404, 'no event with id 3fa2:e9; list events with GET /api/events')
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: Partial<Pick<Problem, 'type' | 'parameter' | 'in'>> & {
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/**
 * A 400 naming one parameter, worded as the validation hook words its own.
 *
 * @example throw invalidParameter('query', 'to', "2023 is before 'from' (2024)")
 */
export function invalidParameter(where: 'query' | 'path', name: string, text: string): ApiError {
  return new ApiError(400, `invalid ${where} parameter '${name}': ${text}`, {
    type: 'urn:faultline:invalid-parameter',
    parameter: name,
    in: where,
  });
}

/**
 * A problem details answer. Built by hand rather than with `c.json` so the content type is
 * `application/problem+json`.
 *
 * @example return problem(c, 404, 'no document with id 3fa2')
 */
export function problem(
  c: Context,
  status: number,
  detail: string,
  extra: Partial<Pick<Problem, 'type' | 'parameter' | 'in'>> & { headers?: Record<string, string> } = {},
): Response {
  const { headers, ...fields } = extra;
  const body: Problem = {
    type: fields.type ?? 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: new URL(c.req.url).pathname,
    ...(fields.parameter ? { parameter: fields.parameter, in: fields.in } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': PROBLEM_TYPE, ...headers },
  });
}

const WHERE: Record<string, NonNullable<Problem['in']>> = {
  query: 'query',
  param: 'path',
  json: 'body',
  form: 'body',
  header: 'header',
};

/** The parts of a zod failure the validation hook reads (kept structural, so both zod majors fit). */
interface FailedParse {
  target: string;
  error: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[] };
}

/**
 * Turns the first validation issue into one problem line that names the parameter:
 * `invalid query parameter 'quad': expected 1–4`. Used as the app's `defaultHook`.
 *
 * @example new OpenAPIHono({ defaultHook: (r, c) => (r.success ? undefined : validationProblem(r, c)) })
 */
export function validationProblem(result: FailedParse, c: Context): Response {
  const where = WHERE[result.target] ?? 'query';
  const issue = result.error.issues[0];
  const name = issue?.path.map(String).join('.') ?? '';
  const noun = where === 'body' ? (name ? 'body field' : 'body') : `${where} parameter`;
  const label = name ? `${noun} '${name}'` : noun;
  const missing = issue?.code === 'invalid_type' && /undefined/.test(issue.message);
  const detail = missing ? `missing ${label}` : `invalid ${label}: ${issue?.message ?? 'not valid'}`;
  return problem(c, 400, detail, {
    type: 'urn:faultline:invalid-parameter',
    parameter: name || undefined,
    in: where,
  });
}
