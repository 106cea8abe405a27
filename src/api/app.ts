import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../ingest/user-agent.js';
import { StoreError, type Store } from '../store/store.js';
import { ApiError, problem, validationProblem } from './problem.js';
import { rateLimit, type RateLimitOptions } from './rate-limit.js';
import { responseCache } from './response-cache.js';
import { registerActorRoutes } from './routes/actors.js';
import { registerAlertRoutes } from './routes/alerts.js';
import { registerClaimRoutes } from './routes/claims.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerDyadRoutes } from './routes/dyads.js';
import { registerEventRoutes } from './routes/events.js';
import { registerGraphRoutes } from './routes/graph.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerIngestRoutes, SEND } from './routes/ingest.js';
import { registerRelationRoutes } from './routes/relations.js';
import { registerSearchRoutes } from './routes/search.js';
import { takeTurns, type TakeTurnsOptions } from './take-turns.js';
import { serveWeb } from './web.js';
import { writeGuard } from './write-guard.js';

/** Where `vite build` puts the dashboard: `dist/web`, from src/api and dist/api alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The largest request body accepted (an article as JSON or raw HTML). */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

/** Per client: 20 requests a second, bursts of 60 (a dashboard page load asks for about ten). */
export const DEFAULT_RATE_LIMIT = { perSecond: 20, burst: 60 } as const;

export interface AppOptions {
  store: Store;
  /** Bearer token every write needs; without one, writes are refused. */
  token?: string;
  /** Refuse every write with 405. */
  readOnly?: boolean;
  /** The built dashboard; `null` serves no static files. Default {@link DEFAULT_WEB_ROOT}. */
  webRoot?: string | null;
  /** The clock (health answers, rate limiting); tests pass a fixed one. */
  now?: () => Date;
  /** An origin allowed to call the API from a browser (CORS); none by default. */
  cors?: string;
  /** Requests per client; `false` turns limiting off (load tests). */
  rateLimit?: Omit<RateLimitOptions, 'now'> | false;
  /** Keep successful GET answers this long (ms), shared by identical requests; 0 (default) keeps none. */
  cacheTtlMs?: number;
  /** Time per turn of the event loop and how many requests may wait (see {@link takeTurns}). */
  turns?: TakeTurnsOptions;
  /** Largest request body in bytes; default {@link DEFAULT_BODY_LIMIT}. */
  bodyLimit?: number;
  /** Where unexpected errors are logged; default standard error. */
  log?: (line: string) => void;
}

/** What every route group is given. */
export interface RouteDeps {
  store: Store;
  now: () => Date;
}

export type ApiApp = OpenAPIHono;

/**
 * The HTTP API over a store, with the dashboard's static files. Every route validates its input
 * with zod and is listed in `/api/openapi.json`; every error is an RFC 9457 problem.
 *
 * @example
 * const app = createApp({ store, token: process.env.FAULTLINE_TOKEN });
 * const res = await app.request('/api/events?dyad=IRN-AZE&limit=10');
 */
export function createApp(opts: AppOptions): ApiApp {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = new OpenAPIHono({
    defaultHook: (result, c) => (result.success ? undefined : validationProblem(result, c)),
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return problem(c, err.status, err.detail, err.extra);
    if (err instanceof StoreError) return problem(c, 400, err.message);
    if (err instanceof HTTPException && err.status === 415) {
      return problem(
        c,
        415,
        `cannot read a body of type ${(c.req.header('content-type') ?? '').slice(0, 100)}; ${SEND}`,
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      return problem(c, err.status, err.message.toLowerCase() || 'the request could not be read');
    }
    // Unknown errors are logged in full and answered with nothing of their content.
    log(`faultline api: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return problem(c, 500, 'an unexpected error occurred; the server log has the details');
  });
  app.notFound((c) =>
    problem(c, 404, `no route ${c.req.method} ${c.req.path}; the routes are listed at /api/openapi.json`),
  );

  app.use(
    '*',
    secureHeaders({
      // The dashboard bundles its scripts, styles and map data: nothing else may load.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  if (opts.cors) app.use('/api/*', cors({ origin: opts.cors, maxAge: 600 }));
  if (opts.rateLimit !== false) {
    const limits = opts.rateLimit ?? DEFAULT_RATE_LIMIT;
    app.use('/api/*', rateLimit({ ...limits, now: () => now().getTime() }));
  }
  // After the cheap refusals (rate limit), before any real work: a few ms of requests per loop turn.
  app.use('*', takeTurns(opts.turns));
  app.use('/api/*', writeGuard({ token: opts.token, readOnly: opts.readOnly }));
  const maxSize = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const limitBody = bodyLimit({
    maxSize,
    onError: (c) =>
      problem(c, 413, `the request body is larger than ${formatBytes(maxSize)}; send a smaller article`),
  });
  // Reads carry no body, and asking for one makes the Node adapter build a whole fetch Request
  // (a third of a millisecond a read under load); only writes are measured.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );

  if (opts.cacheTtlMs)
    app.use('/api/*', responseCache({ ttlMs: opts.cacheTtlMs, now: () => now().getTime() }));

  const deps: RouteDeps = { store: opts.store, now };
  registerHealthRoutes(app, deps, { readOnly: !!opts.readOnly, writes: !!opts.token && !opts.readOnly });
  registerDocumentRoutes(app, deps);
  registerActorRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerDyadRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerGraphRoutes(app, deps);
  registerClaimRoutes(app, deps);
  registerRelationRoutes(app, deps);
  registerIngestRoutes(app, deps);

  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Faultline API',
      version: packageVersion(),
      description:
        'Actors, CAMEO-coded events, claims and relations read from news articles, each tied to its sentence. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  serveWeb(app, opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot);
  return app;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${+(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${+(n / 1024).toFixed(1)} kB`
      : `${n} bytes`;
}
