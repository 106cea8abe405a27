import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ApiApp } from '../../src/api/app.js';
import type { Store } from '../../src/store/store.js';
import { demoStore, NOW } from './demo-store.js';

/* Every route's happy path on the demo corpus (examples/), through app.request(): no server. */

let store: Store;
let app: ApiApp;

beforeAll(async () => {
  store = await demoStore();
  app = createApp({ store, token: 'secret-token', now: () => NOW, rateLimit: false, webRoot: null });
});
afterAll(() => store.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function get(path: string): Promise<any> {
  const res = await app.request(path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.json();
}

describe('GET /api/health', () => {
  it('answers ok with the store counts and the clock', async () => {
    const h = await get('/api/health');
    const counts = await store.counts();
    expect(h).toMatchObject({ status: 'ok', dialect: 'sqlite', readOnly: false, writes: true });
    expect(h.time).toBe('2025-09-01T00:00:00.000Z');
    expect(h.counts.documents).toBe(counts.documents);
    expect(h.counts.events).toBe(counts.events);
    expect(h.counts.documents).toBeGreaterThanOrEqual(20);
  });
});

describe('documents', () => {
  it('pages the documents with the total', async () => {
    const first = await get('/api/documents?limit=5');
    const second = await get('/api/documents?limit=5&offset=5');
    expect(first.total).toBe((await store.counts()).documents);
    expect(first.items).toHaveLength(5);
    const ids = new Set(first.items.map((d: { id: string }) => d.id));
    for (const d of second.items) expect(ids.has(d.id)).toBe(false);
  });

  it('answers one document with body, mentions, events, claims and relations tied to offsets', async () => {
    const { items } = await get('/api/documents?limit=50');
    const busy = items.find(
      (d: { eventCount: number; claimCount: number; relationCount: number }) =>
        d.eventCount > 0 && d.claimCount > 0 && d.relationCount > 0,
    );
    expect(busy).toBeDefined();
    const doc = await get(`/api/documents/${busy.id}`);
    expect(doc.id).toBe(busy.id);
    expect(doc.title).toBe(busy.title);
    expect(doc.events).toHaveLength(busy.eventCount);
    expect(doc.claims).toHaveLength(busy.claimCount);
    expect(doc.relations).toHaveLength(busy.relationCount);
    expect(doc.mentions.length).toBeGreaterThan(0);
    for (const m of doc.mentions) expect(doc.body.slice(m.start, m.end)).toBe(m.text);
    for (const e of doc.events) {
      expect(e.documentId).toBe(doc.id);
      expect(doc.body.slice(e.start, e.end)).toBe(e.quote);
      expect(e.mentions.length).toBeGreaterThan(0);
    }
    for (const c of doc.claims) expect(doc.body.slice(c.start, c.end)).toBe(c.quote);
    expect(doc.claims[0].id).toBe(`${doc.id}:c0`);
    expect(doc.relations[0].id).toBe(`${doc.id}:r0`);
    // A unique prefix names the same document.
    expect((await get(`/api/documents/${busy.id.slice(0, 10)}`)).id).toBe(busy.id);
  });
});

describe('GET /api/search', () => {
  it('finds documents by words, matches marked', async () => {
    const { items, total } = await get('/api/search?q=embassy&limit=5');
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThan(0);
    for (const hit of items) expect(`${hit.titleMarked} ${hit.snippet}`.toLowerCase()).toContain('«embassy');
    const none = await get('/api/search?q=zzyzxnotaword');
    expect(none).toEqual({ items: [], total: 0 });
  });
});

describe('actors', () => {
  it('lists actors, most mentioned first, filtered by kind and name', async () => {
    const all = await get('/api/actors?limit=500');
    const mentions = all.items.map((a: { mentions: number }) => a.mentions);
    expect(mentions).toEqual([...mentions].sort((x, y) => y - x));
    expect(all.items.map((a: { id: string }) => a.id)).toContain('AZE');
    const states = await get('/api/actors?kind=state&limit=500');
    expect(states.total).toBeLessThan(all.total);
    for (const a of states.items) expect(a.kind).toBe('state');
    const named = await get('/api/actors?q=azerb');
    expect(named.items.map((a: { id: string }) => a.id)).toContain('AZE');
  });

  it('answers one actor with its mentions and its events', async () => {
    const aze = await get('/api/actors/AZE');
    expect(aze).toMatchObject({ id: 'AZE', kind: 'state', name: 'Azerbaijan' });
    expect(aze.mentionsIn.length).toBeGreaterThan(0);
    expect(aze.events.total).toBeGreaterThan(0);
    for (const e of aze.events.items) {
      expect([e.source, e.target, e.sourceActor, e.targetActor]).toContain('AZE');
    }
  });
});

describe('GET /api/events', () => {
  it('filters by dyad either way, with the total before paging', async () => {
    const page = await get('/api/events?dyad=IRN-AZE&limit=3');
    const all = await store.events({ dyad: ['IRN', 'AZE'], limit: 10_000 });
    expect(page.total).toBe(all.total);
    expect(page.total).toBeGreaterThan(3);
    expect(page.items).toHaveLength(3);
    for (const e of page.items) expect([e.source, e.target].sort()).toEqual(['AZE', 'IRN']);
    const reversed = await get('/api/events?dyad=aze-irn&limit=3');
    expect(reversed.total).toBe(page.total);
  });

  it('carries the contract fields, the id and the mentions of every event', async () => {
    const { items } = await get('/api/events?limit=20');
    for (const e of items) {
      for (const k of [
        'id',
        'source',
        'target',
        'code',
        'root',
        'quadClass',
        'goldstein',
        'date',
        'datePrecision',
        'modality',
        'quote',
        'start',
        'end',
        'rule',
      ]) {
        expect(e).toHaveProperty(k);
      }
      expect(e.id).toMatch(/^[0-9a-f]{16}:e\d+$/);
      expect(e.mentions.map((m: { eventId: string }) => m.eventId)).toContain(e.id);
      expect(e.sources).toBeGreaterThanOrEqual(1);
    }
  });

  it('filters by quad, code, root, modality, outlet and date', async () => {
    const q4 = await get('/api/events?quad=4&limit=500');
    expect(q4.total).toBeGreaterThan(0);
    for (const e of q4.items) expect(e.quadClass).toBe(4);
    const code = q4.items[0].code;
    const byCode = await get(`/api/events?code=${code}&limit=500`);
    for (const e of byCode.items) expect(e.code).toBe(code);
    const byRoot = await get(`/api/events?root=${code.slice(0, 2)}&limit=500`);
    expect(byRoot.total).toBeGreaterThanOrEqual(byCode.total);
    for (const e of byRoot.items) expect(e.root).toBe(code.slice(0, 2));
    const alleged = await get('/api/events?modality=asserted&limit=500');
    for (const e of alleged.items) expect(e.modality).toBe('asserted');
    const outlet = (await get('/api/events?limit=1')).items[0].outlet as string;
    const byOutlet = await get(`/api/events?outlet=${encodeURIComponent(outlet.toUpperCase())}&limit=500`);
    expect(byOutlet.total).toBeGreaterThan(0);
    for (const e of byOutlet.items) expect(e.outlet).toBe(outlet);
    const in2024 = await get('/api/events?from=2024-01&to=2024-12&limit=500');
    expect(in2024.total).toBeGreaterThan(0);
    for (const e of in2024.items) expect(e.date >= '2024-01' && e.date <= '2024-12~').toBe(true);
    // `to` counts at its own precision: the year 2024 ends after a `from` inside it.
    const rest2024 = await get('/api/events?from=2024-01-15&to=2024&limit=500');
    expect(rest2024.total).toBeGreaterThan(0);
    for (const e of rest2024.items) expect(e.date >= '2024-01-15' && e.date <= '2024-12~').toBe(true);
  });

  it('sorts by date and by Goldstein, both ways, and pages without overlap', async () => {
    const dates = (await get('/api/events?sort=-date&limit=500')).items
      .map((e: { date: string | null }) => e.date)
      .filter(Boolean);
    expect(dates).toEqual([...dates].sort().reverse());
    const g = (await get('/api/events?sort=goldstein&limit=500')).items.map(
      (e: { goldstein: number }) => e.goldstein,
    );
    expect(g).toEqual([...g].sort((x, y) => x - y));
    const gd = (await get('/api/events?sort=-goldstein&limit=500')).items.map(
      (e: { goldstein: number }) => e.goldstein,
    );
    expect(gd).toEqual([...gd].sort((x, y) => y - x));
    const a = await get('/api/events?limit=10');
    const b = await get('/api/events?limit=10&offset=10');
    const ids = new Set(a.items.map((e: { id: string }) => e.id));
    for (const e of b.items) expect(ids.has(e.id)).toBe(false);
  });

  it('answers one row per happening with grouped=true', async () => {
    const all = await get('/api/events?limit=1');
    const grouped = await get('/api/events?grouped=true&limit=500');
    expect(grouped.total).toBeLessThanOrEqual(all.total);
    const reports = grouped.items.reduce((n: number, e: { mentions: unknown[] }) => n + e.mentions.length, 0);
    expect(reports).toBe(all.total);
  });

  it('answers one event with the mentions in its quote and its group', async () => {
    const { items } = await get('/api/events?dyad=IRN-AZE&limit=1');
    const detail = await get(`/api/events/${items[0].id}`);
    expect(detail.event.id).toBe(items[0].id);
    expect(detail.event.quote).toBe(items[0].quote);
    expect(detail.group.groupId).toBe(items[0].groupId);
    expect(detail.group.events.map((e: { id: string }) => e.id)).toContain(items[0].id);
    for (const m of detail.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(items[0].start);
      expect(m.end).toBeLessThanOrEqual(items[0].end);
    }
  });
});

describe('dyads, series and alerts', () => {
  it('lists the most active dyads of a window', async () => {
    const { items, total } = await get('/api/dyads?from=2020&to=2025-12&limit=5');
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThan(0);
    const counts = items.map((d: { events: number }) => d.events);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    for (const d of items) {
      expect(d.a < d.b).toBe(true);
      expect(d.peak).toBeGreaterThanOrEqual(d.tension);
      expect(d.peakDay >= '2020-01-01' && d.peakDay <= '2025-12-31').toBe(true);
    }
    // A busy dyad's window has tenser days than its quiet last one.
    expect(items.some((d: { peak: number; tension: number }) => d.peak > d.tension)).toBe(true);
  });

  it("answers a dyad's monthly series whose points add up and name real events", async () => {
    const s = await get('/api/dyads/IRN/AZE/series?interval=month');
    expect(s).toMatchObject({ a: 'IRN', b: 'AZE', interval: 'month' });
    expect(s.points.length).toBeGreaterThan(1);
    const busy = s.points.filter((p: { events: number }) => p.events > 0);
    expect(busy.length).toBeGreaterThan(0);
    for (const p of s.points) {
      expect(p.period).toMatch(/^\d{4}-\d{2}$/);
      const q = p.quad as Record<string, number>;
      expect(q['1'] + q['2'] + q['3'] + q['4']).toBe(p.events);
      expect(typeof p.tension).toBe('number');
    }
    const id = busy[0].eventIds[0];
    const ev = await get(`/api/events/${id}`);
    expect([ev.event.source, ev.event.target].sort()).toEqual(['AZE', 'IRN']);
    const weekly = await get('/api/dyads/IRN/AZE/series?interval=week&from=2023-01&to=2023-03');
    for (const p of weekly.points) expect(new Date(`${p.period}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('explains a point: contributions add up to its tension', async () => {
    const s = await get('/api/dyads/IRN/AZE/series?interval=month');
    const p = s.points.find((x: { tension: number }) => x.tension !== 0);
    const x = await get(`/api/dyads/IRN/AZE/series/${p.period}`);
    expect(x.point.period).toBe(p.period);
    expect(x.point.tension).toBeCloseTo(p.tension, 10);
    const sum = x.contributions.reduce((n: number, c: { contribution: number }) => n + c.contribution, 0);
    expect(sum).toBeCloseTo(p.tension, 10);
    for (const c of x.contributions) expect(c.quote.length).toBeGreaterThan(0);
  });

  it('lists alerts with their evidence', async () => {
    const { items, total } = await get('/api/alerts?from=2022&to=2025-08&interval=month');
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThan(0);
    for (const a of items) {
      expect(['escalation', 'de-escalation']).toContain(a.kind);
      expect(a.interval).toBe('month');
      expect(a.period >= '2022-01' && a.period <= '2025-08').toBe(true);
      expect(a.reason).toContain(a.a);
    }
    const one = await get('/api/alerts?from=2022&to=2025-08&interval=month&dyad=AZE-ISR');
    for (const a of one.items) expect([a.a, a.b].sort()).toEqual(['AZE', 'ISR']);
  });
});

describe('graph and relations', () => {
  it('answers the state network with edges between its nodes', async () => {
    const g = await get('/api/graph');
    const ids = new Set(g.nodes.map((n: { id: string }) => n.id));
    expect(ids.has('AZE') && ids.has('IRN')).toBe(true);
    expect(g.edges.length).toBeGreaterThan(0);
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('answers the claims board: who asserts, who denies, with the quotes', async () => {
    const board = await get('/api/claims?limit=500');
    expect(board.items.length).toBeGreaterThan(0);
    expect(board.total).toBeGreaterThanOrEqual(board.items.length);
    for (const item of board.items) {
      expect(item.claims.length).toBeGreaterThan(0);
      expect(item.assertedBy.length + item.deniedBy.length).toBeGreaterThan(0);
      for (const c of item.claims) expect(c.quote.length).toBeGreaterThan(0);
    }
    const irn = await get('/api/claims?actor=IRN&limit=500');
    expect(irn.items.length).toBeGreaterThan(0);
    expect(irn.items.length).toBeLessThanOrEqual(board.items.length);
    for (const item of irn.items) {
      const actors = [item.claimant, item.about, ...item.assertedBy, ...item.deniedBy];
      expect(actors).toContain('IRN');
    }
  });

  it('lists relations, filtered by actor', async () => {
    const all = await get('/api/relations?limit=500');
    expect(all.total).toBe((await store.counts()).relations);
    const tur = await get('/api/relations?actor=TUR&limit=500');
    expect(tur.total).toBeGreaterThan(0);
    expect(tur.total).toBeLessThan(all.total);
    for (const r of tur.items) expect([r.a, r.b]).toContain('TUR');
  });
});

describe('POST /api/ingest', () => {
  const auth = { authorization: 'Bearer secret-token' };

  it('codes and stores a JSON article, then reports the same article as a duplicate', async () => {
    const before = (await store.counts()).documents;
    const body = JSON.stringify({
      title: 'Baku recalls envoy',
      published: '2024-05-03',
      url: 'https://example.org/baku-recalls-envoy',
      text: 'Azerbaijan recalled its ambassador from Iran on Friday. Iran accused Azerbaijan of hosting foreign spies.',
    });
    const res = await app.request('/api/ingest', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(201);
    const saved = await res.json();
    expect(saved).toMatchObject({ status: 'inserted', title: 'Baku recalls envoy', published: '2024-05-03' });
    expect(saved.counts.events).toBeGreaterThan(0);
    expect((await store.counts()).documents).toBe(before + 1);
    const doc = await get(`/api/documents/${saved.id}`);
    expect(doc.url).toBe('https://example.org/baku-recalls-envoy');
    expect(doc.events.length).toBe(saved.counts.events);
    const again = await app.request('/api/ingest', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: saved.id, status: 'duplicate' });
  });

  it('takes a raw HTML body with its metadata in the query', async () => {
    const html =
      '<html><head><title>Ankara and Baku sign gas deal</title></head><body><article><p>Turkey and Azerbaijan signed a gas agreement in Baku on Monday.</p></article></body></html>';
    const res = await app.request('/api/ingest?published=2024-06-03', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/html; charset=utf-8' },
      body: html,
    });
    expect(res.status).toBe(201);
    const saved = await res.json();
    const doc = await get(`/api/documents/${saved.id}`);
    expect(doc.body).toContain('Turkey and Azerbaijan signed a gas agreement');
    expect(doc.body).not.toContain('<p>');
    expect(doc.published).toBe('2024-06-03');
  });
});
