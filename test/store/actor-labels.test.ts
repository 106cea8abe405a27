import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from './engines.js';
import { ACCUSATION, BORDER_FIRE, eventDoc, IRAN_ENVOY, stateActor } from './event-docs.js';
import { makeDoc } from './make-doc.js';

const CLOCK = () => new Date('2025-02-01T12:00:00.000Z');

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`Store actorLabels: ${engine.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await engine.open({ now: CLOCK });
      const body = `${ACCUSATION.sentence} ${BORDER_FIRE.sentence}`;
      await store.saveDocument(
        eventDoc(
          'Accusation and fire',
          'Caspian Desk',
          '2024-07-20',
          [ACCUSATION, BORDER_FIRE],
          [
            stateActor(body, 'IRN', 'Iran', ['Iran', 'Iranian']),
            stateActor(body, 'AZE', 'Azerbaijan', ['Azerbaijan']),
            // An actor the text names nowhere: stored, with no mentions.
            IRAN_ENVOY,
          ],
        ),
      );
      // ARM and AZE again (AZE shared across documents).
      await store.saveDocument(makeDoc());
    });
    afterAll(async () => {
      await store?.close();
    });

    it('gives the id, name and kind of every actor, as actors() does, sorted by id', async () => {
      const all = await store.actorLabels();
      const counted = (await store.actors()).map(({ id, name, kind }) => ({ id, name, kind }));
      expect(all).toEqual(counted.sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(all.map((a) => a.id)).toEqual(['ARM', 'AZE', 'IRN', 'person:iran-envoy']);
      expect(all[3]).toEqual({ id: 'person:iran-envoy', name: 'Iranian envoy', kind: 'person' });
    });

    it('gives only the asked actors, leaving out unknown and repeated ids', async () => {
      expect(await store.actorLabels(['person:iran-envoy', 'TUR', 'IRN', 'IRN'])).toEqual([
        { id: 'IRN', name: 'Iran', kind: 'state' },
        { id: 'person:iran-envoy', name: 'Iranian envoy', kind: 'person' },
      ]);
      expect(await store.actorLabels([])).toEqual([]);
      expect(await store.actorLabels(['XYZ'])).toEqual([]);
    });

    it('reads more ids than one query binds', async () => {
      const many = [...Array.from({ length: 1200 }, (_, i) => `none:${i}`), 'AZE', 'ARM'];
      expect((await store.actorLabels(many)).map((a) => a.id)).toEqual(['ARM', 'AZE']);
    });
  });
}
