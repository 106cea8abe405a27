import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ApiApp } from '../../src/api/app.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from '../store/engines.js';
import { fillDemo, NOW } from './demo-store.js';

/* The API answers the same on every engine: the demo corpus in SQLite and in PostgreSQL (when
   the vitest global setup started one; otherwise this suite is skipped with a note). */

const pg = ENGINES.find((e) => e.name === 'postgres')!;
const sqlite = ENGINES.find((e) => e.name === 'sqlite')!;

describe.skipIf(!pg.available)('API on postgresql and sqlite', () => {
  let stores: Store[] = [];
  let apps: ApiApp[] = [];

  beforeAll(async () => {
    stores = [
      await fillDemo(await sqlite.open({ now: () => NOW })),
      await fillDemo(await pg.open({ now: () => NOW })),
    ];
    apps = stores.map((store) => createApp({ store, now: () => NOW, rateLimit: false, webRoot: null }));
  }, 300_000);
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const both = async (path: string): Promise<any[]> =>
    Promise.all(
      apps.map(async (app) => {
        const res = await app.request(path);
        expect(res.status, path).toBe(200);
        return res.json();
      }),
    );

  it.each([
    '/api/events?limit=500',
    '/api/events?dyad=IRN-AZE&sort=-goldstein&limit=500',
    '/api/events?quad=4&from=2023&to=2024-06&limit=500',
    '/api/events?grouped=true&limit=500',
  ])('%s: the same events in the same order', async (path) => {
    const [a, b] = await both(path);
    expect(b.total).toBe(a.total);
    expect(b.items.map((e: { id: string }) => e.id)).toEqual(a.items.map((e: { id: string }) => e.id));
  });

  it('the same documents, actors, relations and series', async () => {
    const [da, db] = await both('/api/documents?limit=500');
    expect(db.items.map((d: { id: string }) => d.id).sort()).toEqual(
      da.items.map((d: { id: string }) => d.id).sort(),
    );
    const [aa, ab] = await both('/api/actors/AZE');
    expect(ab.mentions).toBe(aa.mentions);
    const [ra, rb] = await both('/api/relations?limit=500');
    expect(rb.total).toBe(ra.total);
    const [sa, sb] = await both('/api/dyads/IRN/AZE/series?interval=month');
    expect(sb.points.map((p: { period: string; events: number }) => [p.period, p.events])).toEqual(
      sa.points.map((p: { period: string; events: number }) => [p.period, p.events]),
    );
    const [qa, qb] = await both('/api/search?q=embassy');
    expect(qa.total).toBeGreaterThan(0);
    expect(qb.total).toBeGreaterThan(0);
  });
});
