import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { NOW } from './demo-store.js';

/* The dashboard's static files with the SPA fallback, and the OpenAPI document. An empty store
   is enough here: nothing below reads rows. */

let store: Store;
let web: string;

beforeAll(async () => {
  store = await openSqliteStore(':memory:', { now: () => NOW });
  web = mkdtempSync(join(tmpdir(), 'faultline-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><title>dash</title><script type="module" src="/assets/app-1a2b.js"></script>',
  );
  writeFileSync(join(web, 'assets', 'app-1a2b.js'), 'console.log("dashboard");');
  writeFileSync(join(tmpdir(), 'faultline-outside.txt'), 'outside the web root');
});
afterAll(async () => {
  await store.close();
  rmSync(web, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'faultline-outside.txt'), { force: true });
});

describe('static dashboard', () => {
  it('serves index.html at / and for client-side routes, assets with a long cache', async () => {
    const app = createApp({ store, webRoot: web, rateLimit: false });
    const root = await app.request('/');
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await root.text()).toContain('<title>dash</title>');
    const route = await app.request('/dyads/IRN/AZE');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>dash</title>');
    const asset = await app.request('/assets/app-1a2b.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toContain('dashboard');
  });

  it('answers 404 for a missing file and keeps /api paths for the api', async () => {
    const app = createApp({ store, webRoot: web, rateLimit: false });
    expect((await app.request('/assets/gone-9z9z.js')).status).toBe(404);
    const api = await app.request('/api/unknown');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
  });

  it('never leaves the web root', async () => {
    const app = createApp({ store, webRoot: web, rateLimit: false });
    for (const path of [
      '/../faultline-outside.txt',
      '/..%2Ffaultline-outside.txt',
      '/%2e%2e/faultline-outside.txt',
      '/assets/..%5C..%5Cfaultline-outside.txt',
      '//etc/passwd',
    ]) {
      const res = await app.request(path);
      const text = await res.text();
      expect(text, path).not.toContain('outside the web root');
      expect(text, path).not.toContain('root:');
    }
  });

  it('says how to build the dashboard when there is none', async () => {
    const app = createApp({ store, webRoot: join(web, 'missing'), rateLimit: false });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build:web');
    expect((await app.request('/api/health')).status).toBe(200);
  });
});

describe('GET /api/openapi.json', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let doc: any;
  beforeAll(async () => {
    const res = await createApp({ store, webRoot: null, rateLimit: false }).request('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = await res.json();
  });

  it('is an OpenAPI 3 document listing every route', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Faultline API');
    const routes = [
      'get /api/health',
      'get /api/documents',
      'get /api/documents/{id}',
      'get /api/search',
      'get /api/actors',
      'get /api/actors/{id}',
      'get /api/events',
      'get /api/events/{id}',
      'get /api/dyads',
      'get /api/dyads/{a}/{b}/series',
      'get /api/dyads/{a}/{b}/series/{period}',
      'get /api/alerts',
      'get /api/graph',
      'get /api/claims',
      'get /api/relations',
      'post /api/ingest',
    ];
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m} ${path}`),
    );
    for (const r of routes) expect(listed).toContain(r);
  });

  it('lists the parameters of each route, path parameters required', () => {
    const names = (path: string, method = 'get') =>
      (doc.paths[path][method].parameters ?? []).map((p: { name: string }) => p.name);
    expect(names('/api/events')).toEqual(
      expect.arrayContaining([
        'actor',
        'dyad',
        'code',
        'root',
        'quad',
        'from',
        'to',
        'modality',
        'outlet',
        'sort',
        'limit',
        'offset',
      ]),
    );
    expect(names('/api/dyads/{a}/{b}/series')).toEqual(
      expect.arrayContaining(['a', 'b', 'interval', 'from', 'to']),
    );
    expect(names('/api/search')).toContain('q');
    for (const [path, ops] of Object.entries(doc.paths)) {
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(
        ops as Record<
          string,
          { parameters?: { name: string; in: string; required: boolean }[]; responses: object }
        >,
      )) {
        for (const name of placeholders) {
          const p = op.parameters?.find((x) => x.name === name && x.in === 'path');
          expect(p, `${path} {${name}}`).toBeDefined();
          expect(p!.required).toBe(true);
        }
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
    const quad = doc.paths['/api/events'].get.parameters.find((p: { name: string }) => p.name === 'quad');
    expect(quad.schema).toMatchObject({ minimum: 1, maximum: 4 });
  });

  it('resolves every $ref and documents problem answers and the bearer scheme', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, kind, name] of refs) expect(doc.components[kind!][name!], `${kind}/${name}`).toBeDefined();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/events'].get.responses['400'].content['application/problem+json']).toBeDefined();
    expect(doc.paths['/api/ingest'].post.security).toEqual([{ bearer: [] }]);
  });
});
