import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiApp } from './app.js';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Faultline</title></head>
<body><h1>Faultline</h1>
<p>The API is running: see <a href="/api/health">/api/health</a> and <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>The dashboard is not built yet. Build it with <code>npm run build:web</code> (it writes <code>dist/web</code>), then reload this page.</p>
</body></html>
`;

/**
 * Serves the built dashboard from `root` at `/`: files as they are (hashed assets cached for a
 * year), every other non-API path answered with index.html so client-side routes load. With no
 * build, `/` says how to make one. Paths with `..` or encoded separators never leave `root`.
 *
 * @example serveWeb(app, 'dist/web')
 */
export function serveWeb(app: ApiApp, root: string | null): void {
  const built = () => root !== null && existsSync(join(root, 'index.html'));
  // Made on first use: the dashboard may be built after the server starts.
  let files: ReturnType<typeof serveStatic> | null = null;
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api' || !built()) return next();
    files ??= serveStatic({ root: root as string });
    // Vite names assets by content hash: they never change under one name.
    c.header(
      'cache-control',
      c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    return files(c, next);
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return c.notFound();
    // A missing file (a name with an extension) is a 404, not the page: a stale asset link should fail loudly.
    if (/\.[A-Za-z0-9]+$/.test(c.req.path)) return c.notFound();
    if (!built()) {
      if (c.req.path !== '/') return c.notFound();
      return c.html(NOT_BUILT);
    }
    c.header('cache-control', 'no-cache');
    return c.html(readFileSync(join(root as string, 'index.html'), 'utf8'));
  });
}
