import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graph } from '../../src/analysis/network.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from '../store/engines.js';
import {
  ACCUSATION,
  BORDER_FIRE,
  ENVOY_TO_ANKARA,
  eventDoc,
  IRAN_ENVOY,
  stateActor,
} from '../store/event-docs.js';
import { makeDoc } from '../store/make-doc.js';

const CLOCK = () => new Date('2025-02-01T12:00:00.000Z');

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`actor network: ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open({ now: CLOCK });
      const accuse = { ...ACCUSATION, sourceActor: 'person:iran-envoy' };
      // Two outlets report the same accusation: one happening on the edge.
      await store.saveDocument(
        eventDoc('Envoy accuses Baku', 'Caspian Desk', '2024-03-02', [accuse, ENVOY_TO_ANKARA]),
      );
      await store.saveDocument(
        eventDoc('Tehran blames Baku', 'Highland Times', '2024-03-02', [
          { ...accuse, sentence: 'Iran accused Azerbaijan of hosting foreign military advisers.' },
        ]),
      );
      await store.saveDocument(eventDoc('Border fire', 'Highland Times', '2024-07-20', [BORDER_FIRE]));
      // A stated relation: ARM–AZE dispute (published 2024-04-15).
      await store.saveDocument(makeDoc({ events: [] }));
    });
    afterAll(async () => {
      await store?.close();
    });

    it('builds typed, weighted edges counting a happening once, with relations', async () => {
      const g = await graph(store);
      const edge = (s: string, t: string, type: string) =>
        g.edges.find((e) => e.source === s && e.target === t && e.type === type);
      expect(edge('IRN', 'AZE', 'conflict')).toMatchObject({ events: 1, weight: 2 });
      expect(edge('IRN', 'AZE', 'conflict')!.eventIds).toHaveLength(1);
      expect(edge('AZE', 'IRN', 'conflict')).toMatchObject({ events: 1, weight: 10 });
      expect(edge('AZE', 'TUR', 'cooperation')).toMatchObject({ events: 1, weight: 1.9 });
      expect(edge('ARM', 'AZE', 'dispute')).toMatchObject({ events: 1, weight: 1 });
      const aze = g.nodes.find((n) => n.id === 'AZE')!;
      expect(aze).toMatchObject({ label: 'Azerbaijan', events: 3, degree: 3 });
      // AZE sits between everyone else: the only node with betweenness.
      expect(aze.centrality).toBe(1);
      expect(g.nodes.filter((n) => n.centrality > 0).map((n) => n.id)).toEqual(['AZE']);
      // Seeded communities: the same store gives the same network.
      expect(await graph(store)).toEqual(g);
    });

    it('slices by time and switches to specific actors', async () => {
      const march = await graph(store, { from: '2024-03', to: '2024-03' });
      expect(march.edges.map((e) => `${e.source}>${e.target}:${e.type}`).sort()).toEqual([
        'AZE>TUR:cooperation',
        'IRN>AZE:conflict',
      ]);
      const actors = await graph(store, { level: 'actor', from: '2024-03', to: '2024-03' });
      expect(actors.nodes.map((n) => n.id)).toContain('person:iran-envoy');
      expect(actors.edges.find((e) => e.source === 'person:iran-envoy')).toMatchObject({ target: 'AZE' });
      expect((await graph(store, { from: '2030' })).nodes).toEqual([]);
    });

    it('labels nodes from the lean actorLabels read exactly as from actors()', async () => {
      // More labelled actors than the shared fixture has: a person and states named in the text.
      const body = `${BORDER_FIRE.sentence} ${ENVOY_TO_ANKARA.sentence}`;
      const labelled = await engine.open({ now: CLOCK });
      try {
        for (const d of [
          eventDoc('Envoy accuses Baku', 'Caspian Desk', '2024-03-02', [
            { ...ACCUSATION, sourceActor: 'person:iran-envoy' },
          ]),
          eventDoc(
            'Fire and talks',
            'Highland Times',
            '2024-07-20',
            [BORDER_FIRE, ENVOY_TO_ANKARA],
            [
              stateActor(body, 'IRN', 'Iran', ['Iranian']),
              stateActor(body, 'TUR', 'Turkey', ['Ankara']),
              IRAN_ENVOY,
            ],
          ),
          makeDoc({ events: [] }),
        ])
          await labelled.saveDocument(d);
        // The old path: labels from the counted actors() list; and a store that refuses actors().
        const oldPath = Object.create(labelled, {
          actorLabels: {
            value: async () => (await labelled.actors()).map(({ id, name, kind }) => ({ id, name, kind })),
          },
        }) as Store;
        const lean = Object.create(labelled, {
          actors: {
            value: () => {
              throw new Error('graph read actors()');
            },
          },
        }) as Store;
        for (const opts of [{}, { level: 'actor' as const }, { from: '2024-07', to: '2024-12' }]) {
          const g = await graph(lean, opts);
          expect(g).toEqual(await graph(oldPath, opts));
          expect(g.nodes.length).toBeGreaterThan(1);
        }
        const people = await graph(lean, { level: 'actor' });
        expect(people.nodes.find((n) => n.id === 'person:iran-envoy')).toMatchObject({
          label: 'Iranian envoy',
          kind: 'person',
        });
        expect(people.nodes.find((n) => n.id === 'TUR')).toMatchObject({ label: 'Turkey', kind: 'state' });
      } finally {
        await labelled.close();
      }
    });
  });
}
