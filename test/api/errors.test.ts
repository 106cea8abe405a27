import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ApiApp } from '../../src/api/app.js';
import type { Store } from '../../src/store/store.js';
import { demoStore, NOW } from './demo-store.js';

/* Problem details: bad parameters named, unknown ids, unknown errors that leak nothing, and
   hostile parameter values that stay harmless. */

let store: Store;
let app: ApiApp;

beforeAll(async () => {
  store = await demoStore();
  app = createApp({ store, token: 't0ken', now: () => NOW, rateLimit: false, webRoot: null });
});
afterAll(() => store.close());

async function problemOf(path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body.status).toBe(res.status);
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  return body;
}

describe('400 names the parameter', () => {
  it.each([
    ['/api/events?quad=5', 'quad', "invalid query parameter 'quad': expected a whole number 1–4"],
    ['/api/events?quad=two', 'quad', "invalid query parameter 'quad': expected a whole number 1–4"],
    ['/api/events?limit=501', 'limit', "invalid query parameter 'limit': expected a whole number 1–500"],
    ['/api/events?limit=0', 'limit', "invalid query parameter 'limit': expected a whole number 1–500"],
    ['/api/events?offset=-1', 'offset', "invalid query parameter 'offset': expected a whole number ≥ 0"],
    [
      '/api/events?from=2024-13',
      'from',
      "invalid query parameter 'from': expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
    ],
    [
      '/api/events?from=2023-02-30',
      'from',
      "invalid query parameter 'from': expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
    ],
    [
      '/api/events?to=yesterday',
      'to',
      "invalid query parameter 'to': expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
    ],
    ['/api/events?from=2024&to=2023', 'to', "invalid query parameter 'to': 2023 is before 'from' (2024)"],
    [
      '/api/alerts?from=2024-03&to=2024-02',
      'to',
      "invalid query parameter 'to': 2024-02 is before 'from' (2024-03)",
    ],
    [
      '/api/events?dyad=IRN',
      'dyad',
      "invalid query parameter 'dyad': expected two actor codes joined by '-', such as IRN-AZE",
    ],
    [
      '/api/events?dyad=IRN-AZE-TUR',
      'dyad',
      "invalid query parameter 'dyad': expected two actor codes joined by '-', such as IRN-AZE",
    ],
    [
      '/api/events?sort=random',
      'sort',
      "invalid query parameter 'sort': expected date, -date, goldstein or -goldstein",
    ],
    [
      '/api/events?modality=maybe',
      'modality',
      "invalid query parameter 'modality': expected asserted, alleged, denied, hypothetical or negated",
    ],
    [
      '/api/events?code=abc',
      'code',
      "invalid query parameter 'code': expected a CAMEO code of 2 to 4 digits such as 114",
    ],
    [
      '/api/dyads/IRN/AZE/series?interval=year',
      'interval',
      "invalid query parameter 'interval': expected day, week or month",
    ],
    [
      '/api/dyads/IRN/IRN/series',
      'b',
      "invalid path parameter 'b': a dyad needs two different actors (got IRN twice)",
    ],
    ['/api/dyads/IRN/AZE/series?interval=day&from=1900&to=2025', 'interval', 'at most 20000'],
    [
      '/api/dyads/IRN/AZE/series/2024-03?interval=week',
      'period',
      "invalid path parameter 'period': 2024-03 is not a week",
    ],
    ['/api/dyads/IRN/AZE/series/2024-03-05?interval=week', 'period', "week's Monday"],
    [
      '/api/alerts?interval=hour',
      'interval',
      "invalid query parameter 'interval': expected day, week or month",
    ],
    ['/api/search', 'q', "missing query parameter 'q'"],
    [
      '/api/documents/not-hex',
      'id',
      "invalid path parameter 'id': expected a document id: 4 to 64 hex digits",
    ],
    ['/api/graph?level=planet', 'level', "invalid query parameter 'level': expected state or actor"],
  ])('%s', async (path, parameter, detail) => {
    const p = await problemOf(path);
    expect(p.status).toBe(400);
    expect(p.parameter).toBe(parameter);
    expect(p.detail).toContain(detail);
    expect(p.instance).toBe(path.split('?')[0]);
  });

  it('names the body field of a bad ingest', async () => {
    const p = await problemOf('/api/ingest', {
      method: 'POST',
      headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Baku said so.', published: 'May 3' }),
    });
    expect(p.status).toBe(400);
    expect(p.detail).toBe("invalid body field 'published': expected a date as YYYY-MM-DD");
    const malformed = await problemOf('/api/ingest', {
      method: 'POST',
      headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(malformed.status).toBe(400);
    const xml = await problemOf('/api/ingest', {
      method: 'POST',
      headers: { authorization: 'Bearer t0ken', 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect(xml.status).toBe(415);
    expect(xml.detail).toContain('text/plain');
  });
});

describe('404', () => {
  it.each([
    ['/api/documents/0123456789abcdef', 'no document with id 0123456789abcdef'],
    ['/api/events/0123456789abcdef:e1', 'no event with id 0123456789abcdef:e1'],
    ['/api/actors/XYZ', 'no actor with id XYZ'],
    ['/api/nothing-here', 'no route GET /api/nothing-here'],
  ])('%s', async (path, detail) => {
    const p = await problemOf(path);
    expect(p.status).toBe(404);
    expect(p.detail).toContain(detail);
  });
});

describe('500', () => {
  it('logs an unknown error and answers with nothing of it', async () => {
    const logged: string[] = [];
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'listDocuments') {
          return () => Promise.reject(new Error('SQLITE_CORRUPT at /var/lib/secret/path.db'));
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    const broken = createApp({ store: failing, rateLimit: false, webRoot: null, log: (l) => logged.push(l) });
    const res = await broken.request('/api/documents');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/SQLITE|secret|path\.db|at /);
    expect(JSON.parse(text).detail).toBe('an unexpected error occurred; the server log has the details');
    expect(logged.join('\n')).toContain('SQLITE_CORRUPT at /var/lib/secret/path.db');
    expect(logged.join('\n')).toContain('GET /api/documents');
  });
});

describe('hostile parameters are harmless', () => {
  const hostile = [
    "' OR '1'='1",
    '1; DROP TABLE documents; --',
    '"); DELETE FROM events; --',
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '%',
    '_',
    '\\',
    'IRN\nAZE',
  ];
  const routes = [
    (v: string) => `/api/events?actor=${encodeURIComponent(v)}`,
    (v: string) => `/api/events?outlet=${encodeURIComponent(v)}`,
    (v: string) => `/api/events?dyad=${encodeURIComponent(v)}`,
    (v: string) => `/api/events?code=${encodeURIComponent(v)}`,
    (v: string) => `/api/search?q=${encodeURIComponent(v)}`,
    (v: string) => `/api/actors?q=${encodeURIComponent(v)}`,
    (v: string) => `/api/actors/${encodeURIComponent(v)}`,
    (v: string) => `/api/documents/${encodeURIComponent(v)}`,
    (v: string) => `/api/events/${encodeURIComponent(v)}`,
    (v: string) => `/api/relations?actor=${encodeURIComponent(v)}`,
    (v: string) => `/api/dyads/${encodeURIComponent(v)}/AZE/series`,
  ];

  it('answers 200, 400 or 404 as JSON, never 500 or HTML, and changes nothing', async () => {
    const before = await store.counts();
    for (const route of routes) {
      for (const v of hostile) {
        const path = route(v);
        const res = await app.request(path);
        expect([200, 400, 404], `${path} → ${res.status}`).toContain(res.status);
        expect(res.headers.get('content-type'), path).toMatch(/^application\/(problem\+)?json/);
        const text = await res.text();
        // Any echo of the value is JSON text: no raw markup reaches an HTML context.
        expect(() => JSON.parse(text)).not.toThrow();
        if (res.status === 200 && path.includes('outlet=')) expect(JSON.parse(text).total).toBe(0);
      }
    }
    expect(await store.counts()).toEqual(before);
  });

  it('keeps wildcard characters literal in prefixes', async () => {
    // `%` and `_` are LIKE wildcards: as an id prefix they must match nothing, not everything.
    for (const v of ['%25', '_', '%25%25']) {
      const res = await app.request(`/api/documents/${v}`);
      expect([400, 404]).toContain(res.status);
    }
  });
});
